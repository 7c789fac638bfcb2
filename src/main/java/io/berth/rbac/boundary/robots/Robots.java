package io.berth.rbac.boundary.robots;

import io.berth.events.AuditEvent;
import io.berth.events.Operation;
import io.berth.events.ResourceType;
import io.berth.events.RobotChanged;
import io.berth.platform.RuntimeSettings;
import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.CriteriaPage;
import io.berth.platform.api.Likes;
import io.berth.platform.api.ListQuery;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.rbac.control.AccessDenied;
import io.berth.rbac.control.PasswordHasher;
import io.berth.rbac.control.RequestedGrant;
import io.berth.rbac.control.RequestedGrants;
import io.berth.rbac.control.RobotAuthority;
import io.berth.rbac.control.RobotFilter;
import io.berth.rbac.control.RobotRules;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Project;
import io.berth.rbac.entity.Robot;
import io.berth.rbac.entity.RobotGrant;
import io.berth.rbac.entity.RobotPermissions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Robot accounts v2 as Harbor's robot API manages them: create, list, read, update, refresh the secret, delete.
 * <p>
 * Every method first checks the form of the request (400, {@link RequestedGrants}, {@link RobotRules}) and then the
 * caller's authority ({@link RobotAuthority}: 401, 403, and 404 for robots and projects it may not see). A secret
 * is generated or checked here, hashed at once with PBKDF2, and returned only by {@link #create} and
 * {@link #refresh}; nothing logs it. Every change fires {@link RobotChanged}, on which authentication forgets the
 * robot after the commit, so a disabled, expired, re-keyed or deleted robot is refused on this node at once (other
 * nodes within their one-minute caches).
 */
@ApplicationScoped
public class Robots {

    static final String PREFIX_SETTING = "robot_name_prefix";
    static final String DURATION_SETTING = "robot_token_duration";
    static final String DEFAULT_PREFIX = "robot$";
    static final int DEFAULT_DURATION_DAYS = 30;
    private static final Logger LOGGER = Logger.getLogger(Robots.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    RobotAuthority authority;

    @Inject
    RuntimeSettings settings;

    @Inject
    Event<RobotChanged> changed;

    @Inject
    Event<AuditEvent> audit;

    /** A new robot and its secret, shown this once; 400, 401, 403, 404 (project), 409 (name taken). */
    @Transactional
    public RobotCreatedView create(Caller caller, RobotCreateRequest request) {
        AccessDenied.requireAuthenticated(caller);
        if (request == null) {
            throw ApiException.badRequest("a robot account is required");
        }
        RobotRules.name(request.name());
        String level = RequestedGrants.level(request.level());
        List<RequestedGrant> requested = RequestedGrants.parse(level, request.permissions());
        int days = RobotRules.duration(request.duration(), settings.getInt(DURATION_SETTING, DEFAULT_DURATION_DAYS));
        boolean chosen = request.secret() != null && !request.secret().isEmpty();
        if (chosen) {
            RobotRules.secret(request.secret());
        }

        Project project = authority.requireCreate(caller, level, requested);
        List<RobotGrant> grants = authority.requireWithin(caller, requested);

        String prefix = settings.get(PREFIX_SETTING, DEFAULT_PREFIX);
        String fullName = prefix + (project == null ? request.name() : project.name() + "+" + request.name());
        RobotRules.fullName(fullName);
        if (find(fullName) != null) {
            throw ApiException.of(ApiError.CONFLICT, "a robot account named %s already exists", fullName);
        }
        String secret = chosen ? request.secret() : RobotRules.generateSecret();
        Instant now = now();
        Robot robot = new Robot(fullName, request.description(), PasswordHasher.hash(secret.toCharArray()), level,
                project == null ? null : project.id(), days, caller, grants, now);
        if (Boolean.TRUE.equals(request.disable())) {
            robot.setDisabled(true, now);
        }
        try {
            em.persist(robot);
            em.flush();
        } catch (PersistenceException raced) {
            throw ApiException.of(ApiError.CONFLICT, "a robot account named %s already exists", fullName);
        }
        changed.fire(new RobotChanged(robot.id(), robot.name()));
        audit.fire(robotEvent(Operation.CREATE, robot, project == null ? null : project.name()));
        LOGGER.log(Level.INFO, "Robot account {0} (id {1}) created by {2}", new Object[] {fullName, robot.id(), caller.name()});
        return new RobotCreatedView(robot.id(), robot.name(), secret, robot.creationTime(), RobotView.expiresAt(robot));
    }

    /**
     * One page of robots: with {@code project_id}, that project's (needs {@code robot:list} there); without, every
     * robot (system administrators, or robots granted the system {@code robot:list}).
     */
    public Listing<RobotView> list(Caller caller, PageRequest page, String q, String sort) {
        RobotFilter filter = RobotFilter.parse(q, sort);
        authority.requireList(caller, filter.projectId());
        String prefix = settings.get(PREFIX_SETTING, DEFAULT_PREFIX);
        CriteriaPage.Where<Robot> where = (cb, criteria, r) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (filter.level() != null) {
                predicates.add(cb.equal(r.get("level"), filter.level()));
            }
            if (filter.projectId() != null) {
                predicates.add(cb.equal(r.get("projectId"), filter.projectId()));
            }
            if (filter.name() instanceof ListQuery.Fuzzy(String name)) {
                predicates.add(cb.like(cb.lower(r.get("name")), Likes.containing(name), '!'));
            } else if (filter.name() instanceof ListQuery.Exact(String name)) {
                // Harbor stores names without the prefix, so clients filter by either spelling.
                predicates.add(cb.or(cb.equal(r.get("name"), name), cb.equal(r.get("name"), prefix + name)));
            }
            return predicates;
        };
        CriteriaPage.Sort<Robot> order = (cb, r) -> {
            List<Order> orders = new ArrayList<>();
            filter.sort().forEach(o -> orders.add(o.descending()
                    ? cb.desc(r.get(RobotFilter.SORT_COLUMNS.get(o.key()))) : cb.asc(r.get(RobotFilter.SORT_COLUMNS.get(o.key())))));
            orders.add(cb.asc(r.get("id")));
            return orders;
        };
        List<RobotView> robots = CriteriaPage.select(em, Robot.class, where, order, page).stream().map(RobotView::of).toList();
        return new Listing<>(robots, CriteriaPage.count(em, Robot.class, where));
    }

    /**
     * The permissions robots may hold, system and project ones, for a wizard's matrix (Harbor's console reads them
     * from {@code GET /permissions}); 401 for anonymous callers. Granting is still checked by {@link #create} and
     * {@link #update}, against what the caller holds itself.
     */
    public GrantableView grantable(Caller caller) {
        AccessDenied.requireAuthenticated(caller);
        return new GrantableView(
                RobotPermissions.SYSTEM.stream().map(p -> access(RobotGrant.KIND_SYSTEM, p)).toList(),
                RobotPermissions.PROJECT.stream().map(p -> access(RobotGrant.KIND_PROJECT, p)).toList());
    }

    private static RobotPermissionView.AccessView access(String kind, Permission permission) {
        return new RobotPermissionView.AccessView(RobotPermissions.wireResource(kind, permission),
                permission.action().value(), "allow");
    }

    /** One robot; 404 when missing or not readable by the caller. */
    public RobotView get(Caller caller, long id) {
        Robot robot = require(caller, id, Action.READ);
        return RobotView.of(robot);
    }

    /**
     * Harbor's update: description, duration (expiry counted again from the creation time), disable and
     * permissions; name and level cannot change, nor the project of a project robot (400).
     */
    @Transactional
    public void update(Caller caller, long id, RobotUpdateRequest request) {
        Robot robot = require(caller, id, Action.UPDATE);
        if (request == null) {
            throw ApiException.badRequest("a robot account is required");
        }
        if (request.name() != null && !request.name().equals(robot.name())
                || request.level() != null && !request.level().equals(robot.level())) {
            throw ApiException.badRequest("the name and level of a robot account cannot change");
        }
        List<RequestedGrant> requested = RequestedGrants.parse(robot.level(), request.permissions());
        if (!robot.isSystemLevel()) {
            Project project = em.find(Project.class, robot.projectId());
            if (!requested.getFirst().namespace().equals(project.name())) {
                throw ApiException.badRequest("the project of a robot account cannot change");
            }
        }
        Integer days = request.duration() == null ? null
                : RobotRules.duration(request.duration(), settings.getInt(DURATION_SETTING, DEFAULT_DURATION_DAYS));
        List<RobotGrant> grants = authority.requireWithin(caller, requested);
        Instant now = now();
        robot.replaceGrants(grants, now);
        robot.setDescription(request.description(), now);
        robot.setDisabled(Boolean.TRUE.equals(request.disable()), now);
        if (days != null && days != robot.durationDays()) {
            robot.setDuration(days, now);
        }
        changed.fire(new RobotChanged(robot.id(), robot.name()));
        audit.fire(robotEvent(Operation.UPDATE, robot, null));
        LOGGER.log(Level.INFO, "Robot account {0} updated by {1}", new Object[] {robot.name(), caller.name()});
    }

    /** A new secret for the robot: the one given (Harbor's rule applies) or a generated one; returned this once. */
    @Transactional
    public RobotSecretView refresh(Caller caller, long id, String secret) {
        Robot robot = require(caller, id, Action.UPDATE);
        boolean chosen = secret != null && !secret.isEmpty();
        if (chosen) {
            RobotRules.secret(secret);
        }
        String fresh = chosen ? secret : RobotRules.generateSecret();
        robot.setSecretHash(PasswordHasher.hash(fresh.toCharArray()), now());
        changed.fire(new RobotChanged(robot.id(), robot.name()));
        audit.fire(robotEvent(Operation.UPDATE, robot, null).describedAs("secret refreshed"));
        LOGGER.log(Level.INFO, "Secret of robot account {0} refreshed by {1}", new Object[] {robot.name(), caller.name()});
        return new RobotSecretView(fresh);
    }

    @Transactional
    public void delete(Caller caller, long id) {
        Robot robot = require(caller, id, Action.DELETE);
        em.remove(robot);
        changed.fire(new RobotChanged(robot.id(), robot.name()));
        audit.fire(robotEvent(Operation.DELETE, robot, null));
        LOGGER.log(Level.INFO, "Robot account {0} deleted by {1}", new Object[] {robot.name(), caller.name()});
    }

    /** The robot {@code id} if the caller may do {@code action} on it ({@link RobotAuthority#requireManage}). */
    private Robot require(Caller caller, long id, Action action) {
        AccessDenied.requireAuthenticated(caller);
        Robot robot = em.find(Robot.class, id);
        if (robot == null) {
            throw RobotAuthority.notFound(id);
        }
        authority.requireManage(caller, robot, action);
        return robot;
    }

    /** The audit event for a change to {@code robot}: by name, in its project for a project robot. */
    private AuditEvent robotEvent(Operation operation, Robot robot, String projectName) {
        AuditEvent event = AuditEvent.of(operation, ResourceType.ROBOT, robot.name());
        if (robot.isSystemLevel()) {
            return event;
        }
        String name = projectName != null ? projectName : em.find(Project.class, robot.projectId()).name();
        return event.inProject(robot.projectId(), name);
    }

    private Robot find(String fullName) {
        return em.createNamedQuery(Robot.FIND_BY_NAME, Robot.class).setParameter("name", fullName)
                .getResultStream().findFirst().orElse(null);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
