package io.berth.rbac.boundary;

import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.Likes;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.rbac.control.AccessDenied;
import io.berth.rbac.control.AccessEvaluator;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Member;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Resource;
import io.berth.rbac.entity.UserGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * User groups ({@code /api/v2.0/usergroups}): administrators list, create, read, rename and delete them; anyone
 * signed in may search them by name (ids, names and types only), to add one as a project member. A deleted
 * group loses its memberships. Whether an LDAP group's DN exists in the directory is the LDAP integration's
 * business; here a DN is a unique key.
 */
@ApplicationScoped
public class UserGroups {

    @PersistenceContext
    EntityManager em;

    @Inject
    AccessEvaluator access;

    /** Administrators; {@code group_name} contains, {@code ldap_group_dn} exact. */
    public Listing<UserGroupView> list(Caller caller, PageRequest page, String groupName, String ldapGroupDn) {
        requireSystem(caller, Action.LIST);
        String where = " WHERE (:name IS NULL OR LOWER(g.name) LIKE :name ESCAPE '!') AND (:dn IS NULL OR g.ldapGroupDn = :dn)";
        String name = groupName == null || groupName.isEmpty() ? null : Likes.containing(groupName);
        String dn = ldapGroupDn == null || ldapGroupDn.isEmpty() ? null : ldapGroupDn;
        List<UserGroupView> groups = em.createQuery("SELECT g FROM UserGroup g" + where + " ORDER BY g.name, g.id", UserGroup.class)
                .setParameter("name", name).setParameter("dn", dn)
                .setFirstResult(page.offset()).setMaxResults(page.pageSize())
                .getResultStream().map(UserGroupView::of).toList();
        long total = em.createQuery("SELECT COUNT(g) FROM UserGroup g" + where, Long.class)
                .setParameter("name", name).setParameter("dn", dn).getSingleResult();
        return new Listing<>(groups, total);
    }

    /** Anyone signed in; {@code groupname} is required and matched as "contains". */
    public Listing<UserGroupSearchItem> search(Caller caller, String groupName, PageRequest page) {
        AccessDenied.requireAuthenticated(caller);
        if (groupName == null || groupName.isBlank()) {
            throw ApiException.badRequest("the query parameter groupname is required");
        }
        String name = Likes.containing(groupName);
        List<UserGroupSearchItem> items = em.createQuery("SELECT g FROM UserGroup g WHERE LOWER(g.name) LIKE :name ESCAPE '!'"
                        + " ORDER BY g.name, g.id", UserGroup.class)
                .setParameter("name", name).setFirstResult(page.offset()).setMaxResults(page.pageSize())
                .getResultStream().map(g -> new UserGroupSearchItem(g.id(), g.name(), g.type())).toList();
        long total = em.createQuery("SELECT COUNT(g) FROM UserGroup g WHERE LOWER(g.name) LIKE :name ESCAPE '!'", Long.class)
                .setParameter("name", name).getSingleResult();
        return new Listing<>(items, total);
    }

    /** 400 missing name or type, LDAP group without DN; 409 name (per type) or DN taken. */
    @Transactional
    public UserGroupView create(Caller caller, UserGroupView request) {
        requireSystem(caller, Action.CREATE);
        if (request == null || request.groupType() == null || !UserGroup.isValidType(request.groupType())) {
            throw ApiException.badRequest("group_type must be 1 (LDAP), 2 (HTTP) or 3 (OIDC)");
        }
        int type = request.groupType();
        String dn = blankToNull(request.ldapGroupDn());
        if (type == UserGroup.TYPE_LDAP && dn == null) {
            throw ApiException.badRequest("ldap_group_dn is required for an LDAP group");
        }
        String name = blankToNull(request.groupName());
        if (name == null && dn != null) {
            name = firstRdnValue(dn);
        }
        validName(name);
        if (dn != null && !em.createNamedQuery(UserGroup.FIND_BY_DN, UserGroup.class).setParameter("dn", dn).getResultList().isEmpty()) {
            throw ApiException.of(ApiError.CONFLICT, "a group with DN %s already exists", dn);
        }
        if (!em.createNamedQuery(UserGroup.FIND_BY_NAME, UserGroup.class).setParameter("type", type).setParameter("name", name)
                .getResultList().isEmpty()) {
            throw ApiException.of(ApiError.CONFLICT, "a group named %s of this type already exists", name);
        }
        UserGroup group = new UserGroup(name, type, type == UserGroup.TYPE_LDAP ? dn : null, now());
        em.persist(group);
        em.flush();
        return UserGroupView.of(group);
    }

    public UserGroupView get(Caller caller, long id) {
        requireSystem(caller, Action.READ);
        return UserGroupView.of(require(id));
    }

    /** Renames a group (the only change Harbor allows); 400 empty name; 409 taken. */
    @Transactional
    public void update(Caller caller, long id, UserGroupView request) {
        requireSystem(caller, Action.UPDATE);
        UserGroup group = require(id);
        String name = request == null ? null : blankToNull(request.groupName());
        validName(name);
        boolean taken = em.createNamedQuery(UserGroup.FIND_BY_NAME, UserGroup.class)
                .setParameter("type", group.type()).setParameter("name", name)
                .getResultStream().anyMatch(g -> !g.id().equals(group.id()));
        if (taken) {
            throw ApiException.of(ApiError.CONFLICT, "a group named %s of this type already exists", name);
        }
        group.rename(name, now());
    }

    @Transactional
    public void delete(Caller caller, long id) {
        requireSystem(caller, Action.DELETE);
        UserGroup group = require(id);
        em.createNamedQuery(Member.DELETE_ENTITY)
                .setParameter("entityType", Member.GROUP)
                .setParameter("entityId", group.id())
                .executeUpdate();
        em.remove(group);
    }

    private void requireSystem(Caller caller, Action action) {
        AccessDenied.requireAuthenticated(caller);
        if (!access.canSystem(caller, Permission.of(Resource.USER_GROUP, action))) {
            throw AccessDenied.of(caller, "only system administrators may manage user groups");
        }
    }

    private UserGroup require(long id) {
        UserGroup group = em.find(UserGroup.class, id);
        if (group == null) {
            throw ApiException.notFound("user group %d not found", id);
        }
        return group;
    }

    private static void validName(String name) {
        if (name == null || name.length() > 255) {
            throw ApiException.badRequest("group_name must be 1 to 255 characters");
        }
    }

    /** {@code developers} from {@code cn=developers,ou=groups,dc=example,dc=com}. */
    static String firstRdnValue(String dn) {
        String first = dn.split("(?<!\\\\),", 2)[0];
        int eq = first.indexOf('=');
        String value = eq < 0 ? first : first.substring(eq + 1);
        return value.isBlank() ? null : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
