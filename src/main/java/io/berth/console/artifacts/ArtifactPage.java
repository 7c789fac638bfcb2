package io.berth.console.artifacts;

import io.berth.console.shell.ListingModel;
import io.berth.console.shell.Texts;
import io.berth.platform.api.ApiException;
import io.berth.rbac.boundary.Users;
import io.berth.rbac.control.CallerContext;
import io.berth.registry.boundary.api.ArtifactContentView;
import io.berth.registry.boundary.api.ArtifactTags;
import io.berth.registry.boundary.api.ArtifactView;
import io.berth.registry.boundary.api.ArtifactViews;
import io.berth.registry.boundary.api.Artifacts;
import io.berth.registry.boundary.api.LabelView;
import io.berth.registry.boundary.api.TagRequest;
import io.berth.registry.boundary.api.TagView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.primefaces.PrimeFaces;

/**
 * The artifact page ({@code /console/artifacts/artifact?project=library&repository=team/app&reference=v1}, by tag or
 * digest): the tags, paged and sorted on the server by {@link ArtifactTags#list}, added and removed here; the
 * overview (annotations, the image config's summary); the layers with their sizes and the build history, or for an
 * index its platforms ({@link Artifacts#contents}); labels and accessories.
 * <p>
 * The page keeps working on the artifact's digest once loaded, so removing the tag it was opened by does not lose it.
 * An artifact the caller may not see is the facade's 404 (the error page); which buttons show follows the caller's
 * permissions, and every action is decided by the facade it calls.
 */
@Named
@ViewScoped
public class ArtifactPage implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{3,8}");

    @Inject
    transient Artifacts artifacts;

    @Inject
    transient ArtifactTags tags;

    @Inject
    transient Users users;

    @Inject
    transient CallerContext callers;

    @Inject
    transient Texts texts;

    private String project;
    private String repository;
    private String reference;
    private ArtifactView artifact;
    private ArtifactContentView contents;
    private Set<String> permissions = Set.of();
    private ListingModel<TagView> tagModel;
    private String newTag;
    /** The tags the removal confirmation names: one row's, or the selected ones. */
    private List<String> tagsToRemove = new ArrayList<>();
    private List<TagView> selectedTags = new ArrayList<>();

    /** Reads the artifact and what it is made of (404 through the error page when the caller may not see it). */
    public void load() {
        artifact = artifacts.get(callers.get(), project, repository, reference, ArtifactViews.Flags.ALL);
        contents = artifacts.contents(callers.get(), project, repository, artifact.digest());
        try {
            permissions = users.currentPermissions(callers.get(), "/project/" + artifact.projectId(), true).stream()
                    .map(p -> p.resource() + ":" + p.action()).collect(Collectors.toUnmodifiableSet());
        } catch (ApiException anonymous) {
            permissions = Set.of();
        }
        String digest = artifact.digest();
        tagModel = new ListingModel<>(TagView::id, (page, q, sort) ->
                tags.list(callers.get(), project, repository, digest, page, q, sort), texts);
    }

    /** Whether the caller holds the project permission {@code resource:action}; only decides which buttons show. */
    public boolean can(String resource, String action) {
        return permissions.contains(resource + ":" + action);
    }

    // --- what the page shows ---

    public String getFullName() {
        return artifact.repositoryName();
    }

    public boolean isIndex() {
        return !contents.children().isEmpty() || artifact.references() != null && !artifact.references().isEmpty();
    }

    /** Harbor's type in the page's language where the console knows it (IMAGE, CHART, CNAB). */
    public String getTypeLabel() {
        String key = "repositories.type." + artifact.type();
        String label = texts.get(key);
        return key.equals(label) ? artifact.type() : label;
    }

    /** {@code os/architecture[/variant]} of an image; empty for anything else. */
    public String getPlatform() {
        ArtifactContentView.ImageConfig config = contents.config();
        if (config == null || config.os() == null || config.architecture() == null) {
            return "";
        }
        return config.os() + "/" + config.architecture() + (config.variant() == null ? "" : "/" + config.variant());
    }

    /** A key and its value, for the annotation and label tables. */
    public record Pair(String key, String value) implements Serializable {
    }

    /** The manifest's annotations, in their order; values as text. */
    public List<Pair> getAnnotations() {
        JsonObject annotations = artifact.annotations();
        if (annotations == null) {
            return List.of();
        }
        return annotations.entrySet().stream().map(e -> new Pair(e.getKey(), text(e.getValue()))).toList();
    }

    /** The image config's labels ({@code LABEL} in a Dockerfile). */
    public List<Pair> getConfigLabels() {
        return contents.config() == null ? List.of() : contents.config().labels().entrySet().stream()
                .map(e -> new Pair(e.getKey(), e.getValue())).toList();
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : String.valueOf(value);
    }

    /** The words of a command ({@code Entrypoint}, {@code Cmd}) as one line. */
    public String words(List<String> words) {
        return words == null ? "" : String.join(" ", words);
    }

    public String labelStyle(LabelView label) {
        return label.color() != null && COLOR.matcher(label.color()).matches()
                ? "border-color: " + label.color() + "; box-shadow: inset 4px 0 0 " + label.color() : "";
    }

    // --- actions ---

    public void addTag() {
        try {
            String name = newTag == null ? null : newTag.strip();
            tags.create(callers.get(), project, repository, artifact.digest(), new TagRequest(name));
            texts.info("artifacts.tag.added", name);
            newTag = null;
            PrimeFaces.current().ajax().addCallbackParam("done", true);
        } catch (ApiException e) {
            texts.refused(e);
        }
    }

    /** The tag a row's remove button offers; the confirmation names it. */
    public void askToRemove(String tag) {
        tagsToRemove = new ArrayList<>(List.of(tag));
    }

    /** The selected tags, for one confirmation that names them all. */
    public void askToRemoveSelected() {
        tagsToRemove = new ArrayList<>(selectedTags.stream().map(TagView::name).toList());
    }

    /** Removes the tags the confirmation named, one by one; each refusal is reported, the others still go. */
    public void removeTags() {
        int removed = 0;
        for (String tag : tagsToRemove) {
            try {
                tags.delete(callers.get(), project, repository, artifact.digest(), tag);
                removed++;
            } catch (ApiException e) {
                texts.refused(e);
            }
        }
        if (removed == 1) {
            texts.info("artifacts.tag.removed", tagsToRemove.getFirst());
        } else if (removed > 1) {
            texts.info("artifacts.tags.removed", removed);
        }
        tagsToRemove = new ArrayList<>();
        selectedTags = new ArrayList<>();
    }

    // --- view state ---

    public String getProject() {
        return project;
    }

    public void setProject(String project) {
        this.project = project;
    }

    public String getRepository() {
        return repository;
    }

    public void setRepository(String repository) {
        this.repository = repository;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public ArtifactView getArtifact() {
        return artifact;
    }

    public ArtifactContentView getContents() {
        return contents;
    }

    public ListingModel<TagView> getTagModel() {
        return tagModel;
    }

    public String getNewTag() {
        return newTag;
    }

    public void setNewTag(String newTag) {
        this.newTag = newTag;
    }

    public List<String> getTagsToRemove() {
        return tagsToRemove;
    }

    public List<TagView> getSelectedTags() {
        return selectedTags;
    }

    public void setSelectedTags(List<TagView> selectedTags) {
        this.selectedTags = selectedTags == null ? new ArrayList<>() : new ArrayList<>(selectedTags);
    }
}
