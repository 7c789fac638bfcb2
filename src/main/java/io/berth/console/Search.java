package io.berth.console;

import io.berth.console.shell.Shell;
import io.berth.rbac.control.CallerContext;
import io.berth.registry.boundary.api.Overview;
import io.berth.registry.boundary.api.SearchResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The global search ({@code /console/search?q=}, the header's search box): projects, repositories and tags whose
 * names contain the text, among those the caller may see, from {@link Overview#search}, the REST API's
 * {@code /search}. Each hit links to its page: the project, the repository, or the artifact a tag names.
 */
@Named
@RequestScoped
public class Search {

    @Inject
    Overview overview;

    @Inject
    CallerContext callers;

    @Inject
    Shell shell;

    private String q;
    private SearchResult result;

    /** Searches once per request; nothing for an empty text (Harbor would list everything). */
    public void load() {
        shell.setSearchText(q);
        result = q == null || q.isBlank() ? null : overview.search(callers.get(), q.strip());
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public boolean isSearched() {
        return result != null;
    }

    public List<io.berth.rbac.boundary.ProjectView> getProjects() {
        return result == null ? List.of() : result.project();
    }

    public List<SearchResult.SearchRepository> getRepositories() {
        return result == null ? List.of() : result.repository();
    }

    public List<SearchResult.SearchTag> getTags() {
        return result == null ? List.of() : result.tag();
    }

    /** Whether a search found nothing at all ({@code empty} is a word of EL, hence the name). */
    public boolean isNothingFound() {
        return result != null && getProjects().isEmpty() && getRepositories().isEmpty() && getTags().isEmpty();
    }

    /** The repository page, which takes {@code project} and {@code name} (the path inside the project). */
    public String getRepositoryPage() {
        return contextPath() + "/console/repositories/repository";
    }

    /** The artifact page, which takes {@code project}, {@code repository} (the path) and {@code reference}. */
    public String getArtifactPage() {
        return contextPath() + "/console/artifacts/artifact";
    }

    private static String contextPath() {
        return jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
    }

    /** A repository's path inside its project ({@code team/app} of {@code library/team/app}), as page URLs take it. */
    public String path(String projectName, String repositoryName) {
        return repositoryName.startsWith(projectName + "/") ? repositoryName.substring(projectName.length() + 1) : repositoryName;
    }

    /** {@code sha256:0123456789ab}: enough of a digest to tell artifacts apart on screen. */
    public String shortDigest(String digest) {
        int colon = digest == null ? -1 : digest.indexOf(':');
        return digest == null ? "" : digest.substring(0, Math.min(digest.length(), colon + 13));
    }
}
