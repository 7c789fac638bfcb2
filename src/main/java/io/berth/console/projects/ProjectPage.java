package io.berth.console.projects;

import io.berth.platform.api.ApiException;
import io.berth.rbac.boundary.PermissionView;
import io.berth.rbac.boundary.ProjectView;
import io.berth.rbac.boundary.Projects;
import io.berth.rbac.boundary.Users;
import io.berth.rbac.control.CallerContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The project page ({@code /console/projects/project?name=library&tab=members}): the project's header and which
 * tab shows. Each tab is a page of its own URL, drawn by {@code console/projects/tabs/<tab>.xhtml} with a bean of its
 * own that reads the project from here ({@code #{projectPage.project}}).
 * <p>
 * A project the caller may not see is the facade's 404 (the error page), exactly as in the API. Which tabs show
 * follows the caller's permissions in the project ({@link #can}); that only spares the visitor buttons that would be
 * refused: every action is still decided by the facades.
 */
@Named
@ViewScoped
public class ProjectPage implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    /**
     * The tabs, in order, with the permission (resource, action) that shows each; null for everyone who sees the
     * project. The configuration shows to those who may read the project's metadata (Maintainers and up), as
     * Harbor's permission table has it; only those who may update it (Project Admins) can save.
     */
    static final List<Tab> TABS = List.of(
            new Tab("summary", null, null),
            new Tab("repositories", null, null),
            new Tab("members", "member", "list"),
            new Tab("labels", "label", "list"),
            new Tab("robots", "robot", "list"),
            new Tab("logs", "log", "list"),
            new Tab("configuration", "metadata", "read"));

    /** A tab of the project page and the project permission that shows it. */
    public record Tab(String id, String resource, String action) implements Serializable {
    }

    @Inject
    transient Projects projects;

    @Inject
    transient Users users;

    @Inject
    transient CallerContext callers;

    private String name;
    private String tab;
    private ProjectView project;
    private Set<String> permissions;

    /** Reads the project (404 through the error page when the caller may not see it) and the caller's permissions. */
    public void load() {
        project = projects.get(callers.get(), name, true);
        try {
            permissions = users.currentPermissions(callers.get(), "/project/" + project.projectId(), true).stream()
                    .map(ProjectPage::key).collect(Collectors.toUnmodifiableSet());
        } catch (ApiException anonymous) {
            permissions = Set.of();
        }
        if (getTabs().stream().noneMatch(t -> t.id().equals(tab))) {
            tab = "summary";
        }
    }

    /** Reads the project again after a change on this page (its access level shows in the header). */
    public void reload() {
        project = projects.get(callers.get(), project.name(), true);
    }

    /** Whether the caller holds the project permission {@code resource:action} (e.g. {@code repository}, {@code delete}). */
    public boolean can(String resource, String action) {
        return permissions != null && permissions.contains(resource + ":" + action);
    }

    /** The tabs this caller sees. */
    public List<Tab> getTabs() {
        return TABS.stream().filter(t -> t.resource() == null || can(t.resource(), t.action())).toList();
    }

    public int getTabIndex() {
        List<Tab> tabs = getTabs();
        for (int i = 0; i < tabs.size(); i++) {
            if (tabs.get(i).id().equals(tab)) {
                return i;
            }
        }
        return 0;
    }

    public boolean isPublic() {
        return "true".equals(project.metadata().get("public"));
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTab() {
        return tab;
    }

    public void setTab(String tab) {
        this.tab = tab;
    }

    public ProjectView getProject() {
        return project;
    }

    /** Permission views are what the API returns; kept as strings here. */
    static String key(PermissionView permission) {
        return permission.resource() + ":" + permission.action();
    }
}
