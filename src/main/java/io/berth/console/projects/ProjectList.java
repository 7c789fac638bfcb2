package io.berth.console.projects;

import io.berth.console.shell.ListingModel;
import io.berth.console.shell.Texts;
import io.berth.platform.api.ApiException;
import io.berth.rbac.boundary.ProjectRequest;
import io.berth.rbac.boundary.ProjectView;
import io.berth.rbac.boundary.Projects;
import io.berth.rbac.control.CallerContext;
import io.berth.registry.boundary.api.Overview;
import io.berth.registry.boundary.api.Statistic;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Components;
import org.primefaces.PrimeFaces;
import org.primefaces.component.datatable.DataTable;

/**
 * The projects page ({@code /console/projects/list}): the projects the caller may see (all of them for
 * administrators, public ones for anonymous visitors), filtered by access level and name and sorted on the server,
 * the statistics panel, a new project, and deleting the selected ones after a confirmation that names them.
 */
@Named
@ViewScoped
public class ProjectList implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    static final long GIB = 1L << 30;

    @Inject
    transient Projects projects;

    @Inject
    transient Overview overview;

    @Inject
    transient CallerContext callers;

    @Inject
    transient Texts texts;

    private ListingModel<ProjectView> model;
    private String access = "all";
    private List<ProjectView> selected = new ArrayList<>();
    private Statistic statistic;
    private String newName;
    private boolean newPublic;
    private Long newQuotaGib;

    @PostConstruct
    void init() {
        model = new ListingModel<>(ProjectView::projectId, (page, q, sort) ->
                projects.list(callers.get(), page, q, sort, null, publicOnly(), null), texts);
    }

    private Boolean publicOnly() {
        return switch (access) {
            case "public" -> Boolean.TRUE;
            case "private" -> Boolean.FALSE;
            default -> null;
        };
    }

    public ListingModel<ProjectView> getModel() {
        return model;
    }

    public String getAccess() {
        return access;
    }

    public void setAccess(String access) {
        this.access = List.of("all", "private", "public").contains(access) ? access : "all";
    }

    /** The access filter changed: back to the first page of the new list. */
    public void accessChanged() {
        if (Components.findComponent("projects:table") instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    public List<ProjectView> getSelected() {
        return selected;
    }

    public void setSelected(List<ProjectView> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }

    /** The names of the selected projects, for the confirmation. */
    public List<String> getSelectedNames() {
        return selected.stream().map(ProjectView::name).toList();
    }

    /** The statistics panel, read once per view. */
    public Statistic getStatistic() {
        if (statistic == null) {
            statistic = overview.statistics(callers.get());
        }
        return statistic;
    }

    /** The message key of the caller's strongest role in a project; empty when it holds none. */
    public String roleKey(ProjectView project) {
        Integer role = project.currentUserRoleId();
        return role == null ? "" : "shell.role." + role;
    }

    public boolean isPublic(ProjectView project) {
        return "true".equals(project.metadata().get("public"));
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public boolean isNewPublic() {
        return newPublic;
    }

    public void setNewPublic(boolean newPublic) {
        this.newPublic = newPublic;
    }

    public Long getNewQuotaGib() {
        return newQuotaGib;
    }

    public void setNewQuotaGib(Long newQuotaGib) {
        this.newQuotaGib = newQuotaGib;
    }

    /** Creates the project from the dialog; the quota is the administrator's to choose (GiB, -1 for none). */
    public void create() {
        Long limit = newQuotaGib == null ? null : newQuotaGib < 0 ? -1L : newQuotaGib * GIB;
        try {
            ProjectView created = projects.create(callers.get(), new ProjectRequest(newName,
                    null, Map.of("public", Boolean.toString(newPublic)), limit));
            texts.info("projects.created", created.name());
            newName = null;
            newPublic = false;
            newQuotaGib = null;
            statistic = null;
            PrimeFaces.current().ajax().addCallbackParam("created", true);
        } catch (ApiException e) {
            texts.refused(e);
        }
    }

    /** Deletes the selected projects one by one; each refusal (not empty, not allowed) is reported by name. */
    public void deleteSelected() {
        int deleted = 0;
        for (ProjectView project : selected) {
            try {
                projects.delete(callers.get(), project.name(), true);
                deleted++;
            } catch (ApiException e) {
                texts.refused(e);
            }
        }
        if (deleted > 0) {
            texts.info("projects.deleted", deleted);
        }
        selected = new ArrayList<>();
        statistic = null;
    }
}
