package io.berth.console.repositories;

import io.berth.console.shell.ListingModel;
import io.berth.console.shell.Preferences;
import io.berth.console.shell.Texts;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.PageRequest;
import io.berth.rbac.boundary.PermissionView;
import io.berth.rbac.boundary.Users;
import io.berth.rbac.control.CallerContext;
import io.berth.registry.boundary.api.AccessoryView;
import io.berth.registry.boundary.api.ArtifactCopies;
import io.berth.registry.boundary.api.ArtifactTags;
import io.berth.registry.boundary.api.ArtifactView;
import io.berth.registry.boundary.api.ArtifactViews;
import io.berth.registry.boundary.api.Artifacts;
import io.berth.registry.boundary.api.LabelRequest;
import io.berth.registry.boundary.api.LabelView;
import io.berth.registry.boundary.api.Labels;
import io.berth.registry.boundary.api.ReferenceView;
import io.berth.registry.boundary.api.Repositories;
import io.berth.registry.boundary.api.RepositoryRequest;
import io.berth.registry.boundary.api.RepositoryView;
import io.berth.registry.boundary.api.TagRequest;
import io.berth.registry.boundary.api.TagView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.omnifaces.util.Components;
import org.primefaces.PrimeFaces;
import org.primefaces.component.datatable.DataTable;

/**
 * The repository page ({@code /console/repositories/repository?project=library&name=team/app}): the description,
 * rendered from Markdown ({@link Markdown}) and edited in place, and the artifacts, sorted, filtered and paged on the
 * server by {@link Artifacts#list}, with their tags, platforms, signatures, sizes and labels, accessories and index
 * children in an expanded row, and the actions on selected artifacts: copy, add labels, add and remove a tag, delete.
 * <p>
 * A repository the caller may not see is the facade's 404 (the error page). Which buttons show follows the caller's
 * permissions in the project ({@link #can}), which only spares the visitor buttons that would be refused: every
 * action is decided by the facade it calls.
 */
@Named
@ViewScoped
public class RepositoryPage implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    /** The types the type filter offers (Harbor's); empty for all. */
    static final List<String> TYPES = List.of("IMAGE", "CHART", "CNAB");
    static final List<String> TAG_STATES = List.of("tagged", "untagged");
    /** What the facades accept as a label colour; anything else is drawn without one. */
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{3,8}");

    @Inject
    transient Repositories repositories;

    @Inject
    transient Artifacts artifacts;

    @Inject
    transient ArtifactTags tags;

    @Inject
    transient ArtifactCopies copies;

    @Inject
    transient Labels labels;

    @Inject
    transient Users users;

    @Inject
    transient CallerContext callers;

    @Inject
    transient Texts texts;

    @Inject
    transient Preferences preferences;

    private String project;
    private String name;
    private RepositoryView repository;
    private String descriptionHtml;
    private Set<String> permissions = Set.of();
    private List<LabelView> availableLabels = List.of();
    private ListingModel<ArtifactView> model;

    private String type = "";
    private String tagState = "";
    private String tagName;
    private Long labelId;

    private List<ArtifactView> selected = new ArrayList<>();
    private boolean editing;
    private String descriptionDraft;
    private String newTag;
    private String tagToRemove;
    private List<Long> labelsToAdd = new ArrayList<>();
    private String copyProject;
    private String copyRepository;
    private String copyTag;

    /** Reads the repository (the error page's 404 when the caller may not see it), the caller's permissions and the labels. */
    public void load() {
        repository = repositories.listed(callers.get(), project, name);
        descriptionHtml = Markdown.render(repository.description());
        try {
            permissions = users.currentPermissions(callers.get(), "/project/" + repository.projectId(), true).stream()
                    .map(RepositoryPage::key).collect(Collectors.toUnmodifiableSet());
        } catch (ApiException anonymous) {
            permissions = Set.of();
        }
        availableLabels = readLabels();
        model = new ListingModel<>(ArtifactView::id, (page, q, sort) ->
                artifacts.list(callers.get(), project, name, page, q, sort, ArtifactViews.Flags.ALL), texts);
        model.setExtraQuery(query());
    }

    /** Global labels (for signed-in callers) and the project's own, for the label filter and the "add labels" dialog. */
    private List<LabelView> readLabels() {
        List<LabelView> found = new ArrayList<>();
        PageRequest all = new PageRequest(1, PageRequest.MAX_SIZE);
        if (!callers.get().isAnonymous()) {
            found.addAll(labels.list(callers.get(), all, null, null, null, "g", null).items());
        }
        if (can("label", "list")) {
            found.addAll(labels.list(callers.get(), all, null, null, null, "p", repository.projectId()).items());
        }
        return List.copyOf(found);
    }

    /** Whether the caller holds the project permission {@code resource:action}; only decides which buttons show. */
    public boolean can(String resource, String action) {
        return permissions.contains(resource + ":" + action);
    }

    /** The filters as the facade's {@code q}; text typed by the visitor loses the characters of the q grammar. */
    String query() {
        List<String> terms = new ArrayList<>();
        if (!type.isEmpty()) {
            terms.add("type=" + type);
        }
        String tag = tagName == null ? "" : tagName.replaceAll("[,=~\\[\\]{}()\\s]", "");
        if (!tag.isEmpty()) {
            terms.add("tags=~" + tag);
        } else if ("tagged".equals(tagState)) {
            terms.add("tags=*");
        } else if ("untagged".equals(tagState)) {
            terms.add("tags=nil");
        }
        if (labelId != null) {
            terms.add("labels=" + labelId);
        }
        return terms.isEmpty() ? null : String.join(",", terms);
    }

    /** A filter changed: the new query, from its first page. */
    public void filterChanged() {
        model.setExtraQuery(query());
        if (Components.findComponent("artifacts:table") instanceof DataTable table) {
            table.setFirst(0);
        }
        selected = new ArrayList<>();
    }

    /** The visitor picked another client for the pull commands: remembered with the other preferences. */
    public void pullStyleChanged() {
        preferences.save();
    }

    // --- what the table shows of an artifact ---

    /** {@code os/architecture} of an image, or the platforms of an index's children. */
    public List<String> platforms(ArtifactView artifact) {
        if (artifact.references() != null && !artifact.references().isEmpty()) {
            return artifact.references().stream().map(ReferenceView::platform).filter(p -> p != null)
                    .map(RepositoryPage::platform).filter(p -> !p.isEmpty()).distinct().toList();
        }
        String platform = platform(artifact.extraAttrs());
        return platform.isEmpty() ? List.of() : List.of(platform);
    }

    static String platform(JsonObject json) {
        if (json == null || !(json.get("os") instanceof JsonString os) || !(json.get("architecture") instanceof JsonString arch)) {
            return "";
        }
        return os.getString() + "/" + arch.getString()
                + (json.get("variant") instanceof JsonString variant ? "/" + variant.getString() : "");
    }

    /** The platform of an index child, for the expanded row. */
    public String childPlatform(ReferenceView reference) {
        return platform(reference.platform());
    }

    /** Harbor's type of the artifact in the page's language where the console knows it (IMAGE, CHART, CNAB). */
    public String typeLabel(ArtifactView artifact) {
        return TYPES.contains(artifact.type()) ? texts.get("repositories.type." + artifact.type()) : artifact.type();
    }

    public List<String> tagNames(ArtifactView artifact) {
        return artifact.tags() == null ? List.of() : artifact.tags().stream().map(TagView::name).toList();
    }

    /** The first tag, for the pull command by tag; null for an untagged artifact. */
    public String firstTag(ArtifactView artifact) {
        return artifact.tags() == null || artifact.tags().isEmpty() ? null : artifact.tags().getFirst().name();
    }

    /** The kinds of signature the artifact carries ({@code cosign}, {@code notation}); empty when unsigned. */
    public List<String> signatures(ArtifactView artifact) {
        return artifact.accessories() == null ? List.of() : artifact.accessories().stream()
                .map(AccessoryView::type).filter(t -> t.startsWith("signature."))
                .map(t -> t.substring("signature.".length())).distinct().toList();
    }

    public List<AccessoryView> accessories(ArtifactView artifact) {
        return artifact.accessories() == null ? List.of() : artifact.accessories();
    }

    /** The label's colour when it is one; the chip is drawn plain otherwise. */
    public String labelStyle(LabelView label) {
        return label.color() != null && COLOR.matcher(label.color()).matches()
                ? "border-color: " + label.color() + "; box-shadow: inset 4px 0 0 " + label.color() : "";
    }

    public String fullName() {
        return repository.name();
    }

    // --- actions ---

    public void editDescription() {
        descriptionDraft = repository.description();
        editing = true;
    }

    public void cancelDescription() {
        editing = false;
    }

    public void saveDescription() {
        String description = descriptionDraft == null ? "" : descriptionDraft;
        try {
            repositories.update(callers.get(), project, name, new RepositoryRequest(description));
            repository = new RepositoryView(repository.id(), repository.projectId(), repository.name(), description,
                    repository.artifactCount(), repository.pullCount(), repository.creationTime(), repository.updateTime());
            descriptionHtml = Markdown.render(description);
            editing = false;
            texts.info("repositories.description.saved");
        } catch (ApiException e) {
            texts.refused(e);
        }
    }

    /** Deletes the selected artifacts one by one (with their tags and accessories); each refusal is reported. */
    public void deleteSelected() {
        int deleted = 0;
        for (ArtifactView artifact : selected) {
            try {
                artifacts.delete(callers.get(), project, name, artifact.digest());
                deleted++;
            } catch (ApiException e) {
                texts.refused(e);
            }
        }
        if (deleted > 0) {
            texts.info("repositories.artifacts.deleted", deleted);
        }
        selected = new ArrayList<>();
    }

    public void addTag() {
        ArtifactView artifact = single();
        try {
            tags.create(callers.get(), project, name, artifact.digest(), new TagRequest(newTag == null ? null : newTag.strip()));
            texts.info("repositories.tag.added", newTag.strip());
            newTag = null;
            PrimeFaces.current().ajax().addCallbackParam("done", true);
        } catch (ApiException e) {
            texts.refused(e);
        }
    }

    public void removeTag() {
        ArtifactView artifact = single();
        try {
            tags.delete(callers.get(), project, name, artifact.digest(), tagToRemove);
            texts.info("repositories.tag.removed", tagToRemove);
            tagToRemove = null;
            selected = new ArrayList<>();
        } catch (ApiException e) {
            texts.refused(e);
        }
    }

    /** Attaches every chosen label to every selected artifact; one already there is left as it is. */
    public void addLabels() {
        int added = 0;
        for (ArtifactView artifact : selected) {
            for (Long label : labelsToAdd) {
                try {
                    labels.attach(callers.get(), project, name, artifact.digest(), new LabelRequest(label, null, null, null, null, null));
                    added++;
                } catch (ApiException e) {
                    if (e.error().status() != 409) {
                        texts.refused(e);
                    }
                }
            }
        }
        texts.info("repositories.labels.added", added);
        labelsToAdd = new ArrayList<>();
        PrimeFaces.current().ajax().addCallbackParam("done", true);
    }

    /** Copies the selected artifact to {@code copyProject/copyRepository}, tagged {@code copyTag} if given. */
    public void copy() {
        ArtifactView artifact = single();
        try {
            copies.copy(callers.get(), copyProject == null ? "" : copyProject.strip(),
                    copyRepository == null ? "" : copyRepository.strip(), fullName() + "@" + artifact.digest(), copyTag);
            texts.info("repositories.copy.done", copyProject.strip() + "/" + copyRepository.strip());
            copyProject = null;
            copyRepository = null;
            copyTag = null;
            PrimeFaces.current().ajax().addCallbackParam("done", true);
        } catch (ApiException e) {
            texts.refused(e);
        }
    }

    /** The one selected artifact the single-artifact actions work on (their buttons need exactly one). */
    private ArtifactView single() {
        if (selected.size() != 1) {
            throw new IllegalStateException("one artifact must be selected");
        }
        return selected.getFirst();
    }

    /** The tags the delete confirmation names: every tag of every selected artifact, which go with it. */
    public List<String> getTagsToDelete() {
        Set<String> names = new LinkedHashSet<>();
        selected.forEach(a -> names.addAll(tagNames(a)));
        return List.copyOf(names);
    }

    // --- view state ---

    public String getProject() {
        return project;
    }

    public void setProject(String project) {
        this.project = project;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public RepositoryView getRepository() {
        return repository;
    }

    public String getDescriptionHtml() {
        return descriptionHtml;
    }

    public ListingModel<ArtifactView> getModel() {
        return model;
    }

    public List<LabelView> getAvailableLabels() {
        return availableLabels;
    }

    public List<String> getTypes() {
        return TYPES;
    }

    /** The clients the pull commands can be written for. */
    public List<String> getPullStyles() {
        return Preferences.PULL_STYLES;
    }

    public List<String> getTagStates() {
        return TAG_STATES;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type != null && TYPES.contains(type) ? type : "";
    }

    public String getTagState() {
        return tagState;
    }

    public void setTagState(String tagState) {
        this.tagState = tagState != null && TAG_STATES.contains(tagState) ? tagState : "";
    }

    public String getTagName() {
        return tagName;
    }

    public void setTagName(String tagName) {
        this.tagName = tagName;
    }

    public Long getLabelId() {
        return labelId;
    }

    public void setLabelId(Long labelId) {
        this.labelId = labelId;
    }

    public List<ArtifactView> getSelected() {
        return selected;
    }

    public void setSelected(List<ArtifactView> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }

    public boolean isOneSelected() {
        return selected.size() == 1;
    }

    /** The selected artifact's tags, for the "remove tag" dialog; empty unless exactly one is selected. */
    public List<String> getSelectedTags() {
        return selected.size() == 1 ? tagNames(selected.getFirst()) : List.of();
    }

    public boolean isEditing() {
        return editing;
    }

    public String getDescriptionDraft() {
        return descriptionDraft;
    }

    public void setDescriptionDraft(String descriptionDraft) {
        this.descriptionDraft = descriptionDraft;
    }

    public String getNewTag() {
        return newTag;
    }

    public void setNewTag(String newTag) {
        this.newTag = newTag;
    }

    public String getTagToRemove() {
        return tagToRemove;
    }

    public void setTagToRemove(String tagToRemove) {
        this.tagToRemove = tagToRemove;
    }

    public List<Long> getLabelsToAdd() {
        return labelsToAdd;
    }

    public void setLabelsToAdd(List<Long> labelsToAdd) {
        this.labelsToAdd = labelsToAdd == null ? new ArrayList<>() : new ArrayList<>(labelsToAdd);
    }

    public String getCopyProject() {
        return copyProject;
    }

    public void setCopyProject(String copyProject) {
        this.copyProject = copyProject;
    }

    public String getCopyRepository() {
        return copyRepository;
    }

    public void setCopyRepository(String copyRepository) {
        this.copyRepository = copyRepository;
    }

    public String getCopyTag() {
        return copyTag;
    }

    public void setCopyTag(String copyTag) {
        this.copyTag = copyTag;
    }

    /** Permission views are what the API returns; kept as strings here. */
    static String key(PermissionView permission) {
        return permission.resource() + ":" + permission.action();
    }
}
