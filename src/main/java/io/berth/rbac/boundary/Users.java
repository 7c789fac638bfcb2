package io.berth.rbac.boundary;

import io.berth.events.AuditEvent;
import io.berth.events.Operation;
import io.berth.events.ResourceType;
import io.berth.events.UserChanged;
import io.berth.platform.RuntimeSettings;
import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.CriteriaPage;
import io.berth.platform.api.Likes;
import io.berth.platform.api.ListQuery;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.platform.api.QueryFields;
import io.berth.rbac.control.AccessDenied;
import io.berth.rbac.control.AccessEvaluator;
import io.berth.rbac.control.AdminBootstrap;
import io.berth.rbac.control.PasswordHasher;
import io.berth.rbac.control.ProjectGuard;
import io.berth.rbac.control.UserRules;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Member;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.PermissionCatalog;
import io.berth.rbac.entity.Project;
import io.berth.rbac.entity.Resource;
import io.berth.rbac.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Users as Harbor's user API sees them: list, create (administrators, or anyone when {@code self_registration}
 * is on), read, update the profile, delete, search, change the password, grant or revoke the administrator flag,
 * and the caller's own permissions.
 * <p>
 * Who may do what: administrators (or robots with the system {@code user} permission) everything; a user its
 * own record, profile and password (the current password required); everyone signed in the search, which shows
 * ids and names only. Requests about other users by non-administrators are refused before the user is looked up,
 * so answers do not tell which ids exist. The built-in {@code admin} can be neither deleted nor demoted, and no
 * administrator can delete or demote itself, so the system always keeps one.
 */
@ApplicationScoped
public class Users {

    /** What {@code GET /users} filters and sorts by: never a hash, a lock or a failure count. */
    static final QueryFields QUERY = QueryFields.builder()
            .both("username", "username").both("email", "email")
            .sort("user_id", "id").sort("realname", "realname")
            .sort("creation_time", "creationTime").sort("update_time", "updateTime").build();
    private static final Pattern PROJECT_SCOPE = Pattern.compile("/project/([^/]+)");
    private static final String SYSTEM_SCOPE = "/system";

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    AccessEvaluator access;

    @Inject
    ProjectGuard projects;

    @Inject
    RuntimeSettings settings;

    @Inject
    Event<UserChanged> changed;

    /** {@code GET /users}: administrators only; {@code username}/{@code email} match fuzzily, as Harbor's. */
    public Listing<UserView> list(Caller caller, PageRequest page, String q, String sort, String username, String email) {
        requireSystem(caller, Action.LIST, "list users");
        ListQuery query = QUERY.parse(q, sort);
        if (username != null && !username.isEmpty()) {
            query = query.with("username", new ListQuery.Fuzzy(username));
        }
        if (email != null && !email.isEmpty()) {
            query = query.with("email", new ListQuery.Fuzzy(email));
        }
        ListQuery filter = query;
        CriteriaPage.Where<User> where = (cb, criteria, u) -> QUERY.predicates(cb, u, filter);
        List<UserView> users = CriteriaPage.select(em, User.class, where, (cb, u) -> QUERY.orders(cb, u, filter, "id"), page)
                .stream().map(u -> UserView.of(u, false)).toList();
        return new Listing<>(users, CriteriaPage.count(em, User.class, where));
    }

    /** {@code POST /users}: 201; 400 invalid; 401/403 not allowed; 409 name or e-mail taken. */
    @Transactional
    public UserView create(Caller caller, UserCreationRequest request) {
        boolean admin = access.canSystem(caller, Permission.of(Resource.USER, Action.CREATE));
        if (!admin && !settings.getBoolean("self_registration", false)) {
            throw AccessDenied.of(caller, "only system administrators may create users (self-registration is off)");
        }
        String mode = settings.get("auth_mode", "db_auth");
        if (!"db_auth".equals(mode)) {
            throw ApiException.of(ApiError.FORBIDDEN, "creating local users is not allowed under auth mode %s", mode);
        }
        if (request == null) {
            throw ApiException.badRequest("a user is required");
        }
        UserRules.username(request.username());
        UserRules.profile(request.email(), request.realname(), request.comment());
        UserRules.password(request.password());
        if (findByName(request.username()).isPresent()) {
            throw ApiException.of(ApiError.CONFLICT, "username %s is already used", request.username());
        }
        if (emailTaken(request.email(), null)) {
            throw ApiException.of(ApiError.CONFLICT, "email %s is already used", request.email());
        }
        Instant now = now();
        User user = new User(request.username(), request.email(), request.realname(), request.comment(), now);
        user.setPasswordHash(PasswordHasher.hash(request.password().toCharArray()), now);
        try {
            em.persist(user);
            em.flush();
        } catch (PersistenceException raced) {
            throw ApiException.of(ApiError.CONFLICT, "username %s is already used", request.username());
        }
        audit.fire(AuditEvent.of(Operation.CREATE, ResourceType.USER, user.username()));
        return UserView.of(user, false);
    }

    /** {@code GET /users/{id}}: oneself or administrators; others 403 whether or not the id exists. */
    public UserView get(Caller caller, long id) {
        boolean self = requireSelfOr(caller, id, Action.READ, "read user " + id);
        User user = require(id);
        return UserView.of(user, self && caller.isSysadmin() && !user.isSysadmin());
    }

    /** {@code GET /users/current}: 401 anonymous; 403 for robot accounts, which have no user record. */
    public UserView current(Caller caller) {
        AccessDenied.requireAuthenticated(caller);
        if (!(caller instanceof Caller.UserCaller user)) {
            throw ApiException.of(ApiError.FORBIDDEN, "robot accounts have no user profile");
        }
        User row = require(user.id());
        return UserView.of(row, user.isSysadmin() && !row.isSysadmin());
    }

    /** The page size the signed-in user chose for the console's tables (their own only); empty if none. */
    public Optional<Integer> consolePageSize(Caller caller) {
        if (!(caller instanceof Caller.UserCaller user)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(User.class, user.id())).map(User::consolePageSize);
    }

    /** Keeps the signed-in user's page size for the console's tables (their own only): 1 to 100 rows. */
    @Transactional
    public void saveConsolePageSize(Caller caller, int rows) {
        AccessDenied.requireAuthenticated(caller);
        if (!(caller instanceof Caller.UserCaller user)) {
            throw ApiException.of(ApiError.FORBIDDEN, "robot accounts have no console");
        }
        if (rows < 1 || rows > PageRequest.MAX_SIZE) {
            throw ApiException.badRequest("the page size must be between 1 and %d", PageRequest.MAX_SIZE);
        }
        require(user.id()).setConsolePageSize(rows);
    }

    /** {@code PUT /users/{id}}: e-mail, real name and comment of a database user; oneself or administrators. */
    @Transactional
    public void updateProfile(Caller caller, long id, UserProfileRequest request) {
        requireSelfOr(caller, id, Action.UPDATE, "update user " + id);
        User user = require(id);
        requireLocal(user);
        if (request == null) {
            throw ApiException.badRequest("a profile is required");
        }
        UserRules.profile(request.email(), request.realname(), request.comment());
        if (emailTaken(request.email(), user.id())) {
            throw ApiException.of(ApiError.CONFLICT, "email %s is already used", request.email());
        }
        user.updateProfile(request.email(), request.realname(), request.comment(), now());
        audit.fire(AuditEvent.of(Operation.UPDATE, ResourceType.USER, user.username()).describedAs("profile"));
    }

    /** {@code DELETE /users/{id}}: administrators; never oneself nor {@code admin}; memberships go with the user. */
    @Transactional
    public void delete(Caller caller, long id) {
        requireSystem(caller, Action.DELETE, "delete users");
        User user = require(id);
        if (isSelf(caller, id)) {
            throw ApiException.of(ApiError.FORBIDDEN, "you cannot delete yourself");
        }
        if (AdminBootstrap.ADMIN.equals(user.username())) {
            throw ApiException.of(ApiError.FORBIDDEN, "the user admin cannot be deleted");
        }
        em.createNamedQuery(Member.DELETE_ENTITY)
                .setParameter("entityType", Member.USER)
                .setParameter("entityId", user.id())
                .executeUpdate();
        em.remove(user);
        changed.fire(new UserChanged(user.id(), user.username()));
        audit.fire(AuditEvent.of(Operation.DELETE, ResourceType.USER, user.username()));
    }

    /** {@code GET /users/search?username=}: anyone signed in; ids and names of users whose name contains the text. */
    public Listing<UserSearchItem> search(Caller caller, String username, PageRequest page) {
        AccessDenied.requireAuthenticated(caller);
        if (username == null || username.isBlank()) {
            throw ApiException.badRequest("the query parameter username is required");
        }
        String pattern = Likes.containing(username);
        List<UserSearchItem> items = em.createQuery("SELECT u FROM User u WHERE LOWER(u.username) LIKE :p ESCAPE '!'"
                        + " ORDER BY u.username", User.class)
                .setParameter("p", pattern)
                .setFirstResult(page.offset())
                .setMaxResults(page.pageSize())
                .getResultStream().map(u -> new UserSearchItem(u.id(), u.username())).toList();
        long total = em.createQuery("SELECT COUNT(u) FROM User u WHERE LOWER(u.username) LIKE :p ESCAPE '!'", Long.class)
                .setParameter("p", pattern).getSingleResult();
        return new Listing<>(items, total);
    }

    /**
     * {@code PUT /users/{id}/password}: oneself with the current password (403 when wrong), or an administrator
     * for anyone else without it (which also lifts a lock); 400 when the new password breaks the policy or equals
     * the current one.
     */
    @Transactional
    public void changePassword(Caller caller, long id, PasswordRequest request) {
        boolean self = requireSelfOr(caller, id, Action.UPDATE, "change the password of user " + id);
        User user = require(id);
        requireLocal(user);
        if (request == null) {
            throw ApiException.badRequest("old_password and new_password are required");
        }
        if (self && (request.oldPassword() == null
                || !PasswordHasher.verify(request.oldPassword().toCharArray(), user.passwordHash()))) {
            throw ApiException.of(ApiError.FORBIDDEN, "the current password is incorrect");
        }
        UserRules.password(request.newPassword());
        if (PasswordHasher.verify(request.newPassword().toCharArray(), user.passwordHash())) {
            throw ApiException.badRequest("the new password must differ from the current one");
        }
        user.setPasswordHash(PasswordHasher.hash(request.newPassword().toCharArray()), now());
        if (!self) {
            user.loginSucceeded();
        }
        changed.fire(new UserChanged(user.id(), user.username()));
        audit.fire(AuditEvent.of(Operation.UPDATE, ResourceType.USER, user.username()).describedAs("password changed"));
    }

    /** {@code PUT /users/{id}/sysadmin}: administrators; {@code admin} and oneself cannot be demoted. */
    @Transactional
    public void setSysadmin(Caller caller, long id, SysadminFlagRequest request) {
        requireSystem(caller, Action.UPDATE, "change administrator flags");
        User user = require(id);
        if (request == null || request.sysadminFlag() == null) {
            throw ApiException.badRequest("sysadmin_flag is required");
        }
        boolean flag = request.sysadminFlag();
        if (!flag && AdminBootstrap.ADMIN.equals(user.username())) {
            throw ApiException.of(ApiError.FORBIDDEN, "the user admin cannot be demoted");
        }
        if (!flag && isSelf(caller, id)) {
            throw ApiException.of(ApiError.FORBIDDEN, "you cannot revoke your own administrator role");
        }
        user.setSysadmin(flag, now());
        changed.fire(new UserChanged(user.id(), user.username()));
        audit.fire(AuditEvent.of(Operation.UPDATE, ResourceType.USER, user.username()).describedAs("sysadmin_flag " + flag));
    }

    /**
     * {@code GET /users/current/permissions?scope=&relative=}: what the caller may do in {@code /project/<id>} or
     * {@code /system}, as Harbor lists it; an unknown scope or a project the caller cannot see gives an empty list,
     * the same as a project without rights.
     */
    public List<PermissionView> currentPermissions(Caller caller, String scope, boolean relative) {
        AccessDenied.requireAuthenticated(caller);
        if (scope == null) {
            return List.of();
        }
        Matcher project = PROJECT_SCOPE.matcher(scope);
        if (project.matches()) {
            Optional<Project> found = projects.find(project.group(1), false);
            if (found.isEmpty()) {
                return List.of();
            }
            Set<Permission> granted = access.permissions(caller, found.get());
            return PermissionCatalog.PROJECT.stream().filter(granted::contains)
                    .map(p -> new PermissionView(path(scope, p.resource().value(), relative), p.action().value()))
                    .toList();
        }
        if (SYSTEM_SCOPE.equals(scope)) {
            return PermissionCatalog.SYSTEM.stream().filter(p -> access.canSystem(caller, p))
                    .map(p -> new PermissionView(path(scope, p.resource().value(), relative), p.action().value()))
                    .toList();
        }
        return List.of();
    }

    private static String path(String scope, String resource, boolean relative) {
        if (relative) {
            return resource.isEmpty() ? "." : resource;
        }
        return resource.isEmpty() ? scope : scope + "/" + resource;
    }

    private void requireSystem(Caller caller, Action action, String what) {
        AccessDenied.requireAuthenticated(caller);
        if (!access.canSystem(caller, Permission.of(Resource.USER, action))) {
            throw AccessDenied.of(caller, "not allowed to %s", what);
        }
    }

    /** Allows oneself or whoever holds the system permission; true when it is oneself. */
    private boolean requireSelfOr(Caller caller, long id, Action action, String what) {
        AccessDenied.requireAuthenticated(caller);
        boolean self = isSelf(caller, id);
        if (!self && !access.canSystem(caller, Permission.of(Resource.USER, action))) {
            throw AccessDenied.of(caller, "not allowed to %s", what);
        }
        return self;
    }

    private static boolean isSelf(Caller caller, long id) {
        return caller instanceof Caller.UserCaller user && user.id() == id;
    }

    private static void requireLocal(User user) {
        if (!user.isLocal()) {
            throw ApiException.of(ApiError.FORBIDDEN, "user %s is managed by the directory", user.username());
        }
    }

    private User require(long id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw ApiException.notFound("user %d not found", id);
        }
        return user;
    }

    private Optional<User> findByName(String username) {
        return em.createNamedQuery(User.FIND_BY_NAME, User.class).setParameter("username", username)
                .getResultStream().findFirst();
    }

    private boolean emailTaken(String email, Long exceptUserId) {
        return em.createNamedQuery(User.FIND_BY_EMAIL, User.class).setParameter("email", email)
                .getResultStream().anyMatch(u -> !u.id().equals(exceptUserId));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
