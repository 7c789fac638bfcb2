package io.berth.console.projects;

import io.berth.console.shell.ListingModel;
import io.berth.console.shell.Preferences;
import io.berth.console.shell.Texts;
import io.berth.platform.BerthConfig;
import io.berth.platform.api.ApiException;
import io.berth.rbac.control.CallerContext;
import io.berth.registry.boundary.api.Repositories;
import io.berth.registry.boundary.api.RepositoryView;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The repositories tab ({@code /console/projects/project?name=p&tab=repositories}): the project's repositories from
 * {@link Repositories#list} with the API's filter ({@code name=~}), sort and paging on the server; the commands that
 * push into the project, for the client the visitor prefers; and deleting the selected repositories after a
 * confirmation that names them (the facade refuses anyone below Maintainer).
 */
@Named
@ViewScoped
public class ProjectRepositories implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    static final String REPOSITORY_PAGE = "/console/repositories/repository";

    @Inject
    transient Repositories repositories;

    @Inject
    transient CallerContext callers;

    @Inject
    transient Texts texts;

    @Inject
    BerthConfig config;

    @Inject
    Preferences preferences;

    @Inject
    ProjectPage page;

    private ListingModel<RepositoryView> model;
    private List<RepositoryView> selected = new ArrayList<>();

    @PostConstruct
    void init() {
        model = new ListingModel<>(RepositoryView::id, (request, q, sort) ->
                repositories.list(callers.get(), page.getProject().name(), request, q, sort), texts);
    }

    public ListingModel<RepositoryView> getModel() {
        return model;
    }

    /** The repository page (built by the repositories part), which takes {@code project} and {@code name} (the path). */
    public String getRepositoryPage() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + REPOSITORY_PAGE;
    }

    /** The repository's path inside the project ({@code team/app} of {@code p/team/app}), as the repository page takes it. */
    public String path(RepositoryView repository) {
        String prefix = page.getProject().name() + "/";
        return repository.name().startsWith(prefix) ? repository.name().substring(prefix.length()) : repository.name();
    }

    public List<RepositoryView> getSelected() {
        return selected;
    }

    public void setSelected(List<RepositoryView> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }

    /** The full names of the selected repositories, for the confirmation. */
    public List<String> getSelectedNames() {
        return selected.stream().map(RepositoryView::name).toList();
    }

    /** Deletes the selected repositories one by one; each refusal is reported with the facade's reason. */
    public void deleteSelected() {
        int deleted = 0;
        for (RepositoryView repository : selected) {
            try {
                repositories.delete(callers.get(), page.getProject().name(), path(repository));
                deleted++;
            } catch (ApiException e) {
                texts.refused(e);
            }
        }
        if (deleted > 0) {
            texts.info("projects.repositories.deleted", deleted);
        }
        selected = new ArrayList<>();
    }

    /** The client whose commands show: the visitor's preference. */
    public String getPullStyle() {
        return preferences.getPullStyle();
    }

    /** Picks another client here; kept as the visitor's preference for every page. */
    public void setPullStyle(String style) {
        if (style != null && !style.equals(preferences.getPullStyle())) {
            preferences.setPullStyle(style);
            preferences.save();
        }
    }

    public List<String> getPullStyles() {
        return Preferences.PULL_STYLES;
    }

    /** The steps that push an image into this project with the chosen client. */
    public List<PushCommands.Command> getPushCommands() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        String host = PushCommands.host(config.externalUrl(), request.getHeader("Host"),
                request.getServerName() + ":" + request.getServerPort());
        return PushCommands.of(preferences.getPullStyle(), host, page.getProject().name());
    }
}
