package io.berth.console.projects;

import io.berth.rbac.boundary.Projects;
import io.berth.rbac.control.CallerContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary tab ({@code /console/projects/project?name=p&tab=summary}): the project's repository count, its
 * members per role and its storage quota as a bar, all from one call of {@link Projects#summary}, which leaves out
 * the member counts for callers who may not list members and the quota for those who may not read it.
 */
@Named
@ViewScoped
public class ProjectSummary implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Harbor's role ids in the order of strength, for the member counts. */
    static final List<Integer> ROLES_BY_STRENGTH = List.of(1, 4, 2, 3, 5);

    @Inject
    transient Projects projects;

    @Inject
    transient CallerContext callers;

    @Inject
    ProjectPage page;

    private io.berth.rbac.boundary.ProjectSummary summary;

    /** The facade's summary, read once per view. */
    public io.berth.rbac.boundary.ProjectSummary getSummary() {
        if (summary == null) {
            summary = projects.summary(callers.get(), page.getProject().name(), true);
        }
        return summary;
    }

    /** The storage quota; null when the caller may not read it. */
    public StorageQuota getQuota() {
        return StorageQuota.of(getSummary());
    }

    /** How many members hold each role, strongest first; empty when the caller may not list members. */
    public List<RoleCount> getMembersPerRole() {
        io.berth.rbac.boundary.ProjectSummary s = getSummary();
        if (s.projectAdminCount() == null) {
            return List.of();
        }
        List<RoleCount> counts = new ArrayList<>();
        for (int role : ROLES_BY_STRENGTH) {
            Integer count = switch (role) {
                case 1 -> s.projectAdminCount();
                case 4 -> s.maintainerCount();
                case 2 -> s.developerCount();
                case 3 -> s.guestCount();
                default -> s.limitedGuestCount();
            };
            counts.add(new RoleCount(role, count == null ? 0 : count));
        }
        return counts;
    }

    /** A size in binary units, in the page's language. */
    public String size(long bytes) {
        return StorageQuota.format(bytes, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    /** The number of members holding a role ({@code shell.role.<id>} names it). */
    public record RoleCount(int roleId, int count) implements Serializable {
    }
}
