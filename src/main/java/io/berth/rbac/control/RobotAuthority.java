package io.berth.rbac.control;

import io.berth.platform.api.ApiException;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Project;
import io.berth.rbac.entity.Resource;
import io.berth.rbac.entity.Robot;
import io.berth.rbac.entity.RobotGrant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may create, see and change which robot accounts. The rule behind every method: a caller never hands a robot
 * more than it holds itself, and never acts on robots of a project it cannot administer.
 * <ul>
 * <li><b>Level.</b> A system robot needs the system permission {@code robot:create} (system administrators, or a
 * system robot granted it); a project robot needs {@code robot:create} in its project (Project Admins, system
 * administrators, robots granted it there). A project the caller cannot see is 404, like a missing one.</li>
 * <li><b>Each grant</b> must be held by the caller: a system permission through {@link AccessEvaluator#canSystem};
 * a project permission in that project through {@link AccessEvaluator#permissions}; namespace {@code *} (every
 * project, including those created later) only by system administrators, since no one else holds rights in
 * projects that do not exist yet. This stops CVE-2019-16919 (a Project Admin granting rights in another project)
 * and Harbor issues #18636/#21026 (robots minting stronger robots).</li>
 * <li><b>Existing robots</b> ({@link #requireManage}): a robot the caller may not read is 404 exactly like a
 * missing id, so ids of other projects' robots cannot be probed or changed (CVE-2022-31667); a readable robot
 * without the needed {@code robot:<action>} is 403. Changing a robot (grants, secret, expiry) also needs the caller
 * to hold everything the robot holds now, so no one takes over a stronger robot by refreshing its secret.</li>
 * </ul>
 */
@ApplicationScoped
public class RobotAuthority {

    static final Permission CREATE = Permission.of(Resource.ROBOT, Action.CREATE);
    static final Permission READ = Permission.of(Resource.ROBOT, Action.READ);
    static final Permission LIST = Permission.of(Resource.ROBOT, Action.LIST);

    @PersistenceContext
    EntityManager em;

    @Inject
    AccessEvaluator access;

    @Inject
    ProjectGuard guard;

    /**
     * Checks that the caller may create a robot of {@code level}; returns the project of a project robot (named by
     * its single grant), null for a system robot.
     */
    public Project requireCreate(Caller caller, String level, List<RequestedGrant> requested) {
        AccessDenied.requireAuthenticated(caller);
        if (Robot.LEVEL_SYSTEM.equals(level)) {
            if (!access.canSystem(caller, CREATE)) {
                throw AccessDenied.of(caller, "only system administrators may create system robot accounts");
            }
            return null;
        }
        return guard.require(caller, requested.getFirst().namespace(), true, CREATE);
    }

    /**
     * The grants to store for {@code requested}, each resolved to its project; 404 for a project the caller cannot
     * see, 403 for any permission the caller does not hold itself.
     */
    public List<RobotGrant> requireWithin(Caller caller, List<RequestedGrant> requested) {
        AccessDenied.requireAuthenticated(caller);
        Map<String, Project> projects = new HashMap<>();
        Map<Long, Set<Permission>> held = new HashMap<>();
        List<RobotGrant> grants = new ArrayList<>(requested.size());
        for (RequestedGrant grant : requested) {
            Permission permission = grant.permission();
            if (RobotGrant.KIND_SYSTEM.equals(grant.kind())) {
                if (!access.canSystem(caller, permission)) {
                    throw AccessDenied.of(caller, "you cannot grant the system permission %s: you do not hold it", permission);
                }
                grants.add(RobotGrant.system(permission));
            } else if (RobotGrant.ALL_PROJECTS.equals(grant.namespace())) {
                if (!caller.isSysadmin()) {
                    throw AccessDenied.of(caller, "only system administrators may grant permissions in every project (*)");
                }
                grants.add(RobotGrant.allProjects(permission));
            } else {
                Project project = projects.computeIfAbsent(grant.namespace(), name -> guard.find(name, true)
                        .filter(p -> guard.visible(caller, p))
                        .orElseThrow(() -> ProjectGuard.notFound(name)));
                if (!held.computeIfAbsent(project.id(), id -> access.permissions(caller, project)).contains(permission)) {
                    throw AccessDenied.of(caller, "you cannot grant %s in project %s: you do not hold it there",
                            permission, project.name());
                }
                grants.add(RobotGrant.project(project, permission));
            }
        }
        return grants;
    }

    /**
     * Checks that the caller may do {@code action} ({@code read}, {@code update}, {@code delete}) on {@code robot}:
     * 404 when it may not even read it, 403 when it may read but not do this, and for {@code update} 403 unless it
     * holds every grant of the robot.
     */
    public void requireManage(Caller caller, Robot robot, Action action) {
        AccessDenied.requireAuthenticated(caller);
        Permission needed = Permission.of(Resource.ROBOT, action);
        boolean readable;
        boolean allowed;
        if (robot.isSystemLevel()) {
            readable = access.canSystem(caller, READ) || access.canSystem(caller, needed);
            allowed = access.canSystem(caller, needed);
        } else {
            Project project = robot.projectId() == null ? null : em.find(Project.class, robot.projectId());
            Set<Permission> held = project == null ? Set.of() : access.permissions(caller, project);
            readable = held.contains(READ) || held.contains(needed);
            allowed = held.contains(needed);
        }
        if (!readable) {
            throw notFound(robot.id());
        }
        if (!allowed) {
            throw AccessDenied.of(caller, "not allowed to %s robot account %d", action.value(), robot.id());
        }
        if (action == Action.UPDATE && !holdsAll(caller, robot.grants())) {
            throw AccessDenied.of(caller, "robot account %d holds permissions you do not hold", robot.id());
        }
    }

    /**
     * Checks that the caller may list robots: those of project {@code projectId} (404 when it cannot see the project,
     * 403 without {@code robot:list} there), or, when null, robots of every level and project (system
     * {@code robot:list}); returns the project, or null.
     */
    public Project requireList(Caller caller, Long projectId) {
        AccessDenied.requireAuthenticated(caller);
        if (projectId != null) {
            return guard.require(caller, Long.toString(projectId), false, LIST);
        }
        if (!access.canSystem(caller, LIST)) {
            throw AccessDenied.of(caller, "only system administrators may list robot accounts across projects;"
                    + " ask for one project with q=Level=project,ProjectID=<id>");
        }
        return null;
    }

    /** Whether the caller holds every one of {@code grants} (grants on deleted projects no longer count). */
    boolean holdsAll(Caller caller, List<RobotGrant> grants) {
        if (caller.isSysadmin()) {
            return true;
        }
        Map<Long, Set<Permission>> held = new HashMap<>();
        for (RobotGrant grant : grants) {
            boolean holds;
            if (grant.isSystem()) {
                holds = access.canSystem(caller, grant.permission());
            } else if (grant.isAllProjects()) {
                holds = false;
            } else {
                Project project = grant.projectId() != null
                        ? em.find(Project.class, grant.projectId())
                        : guard.find(grant.namespace(), true).orElse(null);
                holds = project == null || held.computeIfAbsent(project.id(), id -> access.permissions(caller, project))
                        .contains(grant.permission());
            }
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    public static ApiException notFound(Long robotId) {
        return ApiException.notFound("robot account %d not found", robotId);
    }
}
