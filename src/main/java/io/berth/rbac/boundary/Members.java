package io.berth.rbac.boundary;

import io.berth.events.AuditEvent;
import io.berth.events.Operation;
import io.berth.events.ResourceType;
import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.Likes;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.rbac.control.GroupDirectory;
import io.berth.rbac.control.ProjectGuard;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Member;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Project;
import io.berth.rbac.entity.Resource;
import io.berth.rbac.entity.Role;
import io.berth.rbac.entity.User;
import io.berth.rbac.entity.UserGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Project members: users and groups with one role each. Reading needs {@code member:read}/{@code member:list}
 * (Guest and up), changes {@code member:create/update/delete} (Project Admin, or a system administrator), always
 * in the project of the path: a member id from another project is 404, the same as a missing one
 * (CVE-2022-31666 class). Nobody changes or removes their own direct membership, so a Project Admin cannot
 * demote or drop themselves by accident and no one can raise their own role; since only Project Admins manage
 * members, no one can grant more than they hold.
 */
@ApplicationScoped
public class Members {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    ProjectGuard projects;

    @Inject
    GroupDirectory directory;

    public Listing<MemberView> list(Caller caller, String nameOrId, boolean isName, String entityName, PageRequest page) {
        Project project = projects.require(caller, nameOrId, isName, Permission.of(Resource.MEMBER, Action.LIST));
        String where = " WHERE m.projectId = :projectId AND (:name IS NULL"
                + " OR (m.entityType = 'u' AND m.entityId IN (SELECT u.id FROM User u WHERE LOWER(u.username) LIKE :name ESCAPE '!'))"
                + " OR (m.entityType = 'g' AND m.entityId IN (SELECT g.id FROM UserGroup g WHERE LOWER(g.name) LIKE :name ESCAPE '!')))";
        String name = entityName == null || entityName.isEmpty() ? null : Likes.containing(entityName);
        List<Member> members = em.createQuery("SELECT m FROM Member m" + where + " ORDER BY m.id", Member.class)
                .setParameter("projectId", project.id())
                .setParameter("name", name)
                .setFirstResult(page.offset())
                .setMaxResults(page.pageSize())
                .getResultList();
        long total = em.createQuery("SELECT COUNT(m) FROM Member m" + where, Long.class)
                .setParameter("projectId", project.id())
                .setParameter("name", name)
                .getSingleResult();
        Map<String, String> names = names(members);
        return new Listing<>(members.stream().map(m -> MemberView.of(m, names.get(key(m)))).toList(), total);
    }

    public MemberView get(Caller caller, String nameOrId, boolean isName, long memberId) {
        Project project = projects.require(caller, nameOrId, isName, Permission.of(Resource.MEMBER, Action.READ));
        Member member = require(project, memberId);
        return MemberView.of(member, names(List.of(member)).get(key(member)));
    }

    /** Adds a member; returns its id. 400 bad role or reference; 404 unknown user or group; 409 already a member. */
    @Transactional
    public long create(Caller caller, String nameOrId, boolean isName, MemberRequest request) {
        Project project = projects.require(caller, nameOrId, isName, Permission.of(Resource.MEMBER, Action.CREATE));
        if (request == null) {
            throw ApiException.badRequest("a project member is required");
        }
        Role role = role(request.roleId());
        if ((request.memberUser() == null) == (request.memberGroup() == null)) {
            throw ApiException.badRequest("exactly one of member_user and member_group is required");
        }
        Instant now = now();
        String type;
        long entityId;
        if (request.memberUser() != null) {
            type = Member.USER;
            entityId = user(request.memberUser()).id();
        } else {
            type = Member.GROUP;
            entityId = group(request.memberGroup(), now).id();
        }
        boolean exists = !em.createNamedQuery(Member.FIND_ENTITY, Member.class)
                .setParameter("projectId", project.id())
                .setParameter("entityType", type)
                .setParameter("entityId", entityId)
                .getResultList().isEmpty();
        if (exists) {
            throw ApiException.of(ApiError.CONFLICT, "already a member of project %s", project.name());
        }
        Member member = new Member(project.id(), entityId, type, role, now);
        em.persist(member);
        em.flush();
        audit.fire(memberEvent(Operation.CREATE, project, member));
        return member.id();
    }

    @Transactional
    public void updateRole(Caller caller, String nameOrId, boolean isName, long memberId, RoleRequest request) {
        Project project = projects.require(caller, nameOrId, isName, Permission.of(Resource.MEMBER, Action.UPDATE));
        Member member = require(project, memberId);
        Role role = role(request == null ? null : request.roleId());
        refuseOwnMembership(caller, member, "change your own role");
        member.changeRole(role, now());
        audit.fire(memberEvent(Operation.UPDATE, project, member));
    }

    @Transactional
    public void delete(Caller caller, String nameOrId, boolean isName, long memberId) {
        Project project = projects.require(caller, nameOrId, isName, Permission.of(Resource.MEMBER, Action.DELETE));
        Member member = require(project, memberId);
        refuseOwnMembership(caller, member, "remove yourself from the project");
        em.remove(member);
        audit.fire(memberEvent(Operation.DELETE, project, member));
    }

    /** The audit event for a membership: {@code <project>/members/<id>}, who it is and the role, never more. */
    private static AuditEvent memberEvent(Operation operation, Project project, Member member) {
        return AuditEvent.of(operation, ResourceType.MEMBER, project.name() + "/members/" + member.id())
                .inProject(project.id(), project.name())
                .describedAs((Member.USER.equals(member.entityType()) ? "user " : "group ") + member.entityId()
                        + " role " + member.role());
    }

    private Member require(Project project, long memberId) {
        Member member = em.find(Member.class, memberId);
        if (member == null || member.projectId() != project.id()) {
            throw ApiException.notFound("member %d not found in project %s", memberId, project.name());
        }
        return member;
    }

    private static void refuseOwnMembership(Caller caller, Member member, String what) {
        if (!caller.isSysadmin() && caller instanceof Caller.UserCaller user
                && Member.USER.equals(member.entityType()) && member.entityId() == user.id()) {
            throw ApiException.of(ApiError.FORBIDDEN, "you cannot %s", what);
        }
    }

    private static Role role(Integer roleId) {
        return Optional.ofNullable(roleId).flatMap(Role::ofId).orElseThrow(() -> ApiException.badRequest(
                "role_id must be 1 (projectAdmin), 2 (developer), 3 (guest), 4 (maintainer) or 5 (limitedGuest)"));
    }

    private User user(MemberRequest.UserRef ref) {
        if (ref.userId() != null && ref.userId() > 0) {
            User user = em.find(User.class, ref.userId());
            if (user == null) {
                throw ApiException.notFound("user %d not found", ref.userId());
            }
            return user;
        }
        if (ref.username() != null && !ref.username().isEmpty()) {
            return em.createNamedQuery(User.FIND_BY_NAME, User.class).setParameter("username", ref.username())
                    .getResultStream().findFirst()
                    .orElseThrow(() -> ApiException.notFound("user %s not found", ref.username()));
        }
        throw ApiException.badRequest("member_user needs user_id or username");
    }

    /**
     * The group a member reference names: by id; an LDAP group by DN, registered on first use when the directory
     * has it ({@link GroupDirectory}: in the LDAP mode, as Harbor onboards LDAP groups; otherwise it must have been
     * registered through {@code /usergroups}); an HTTP or OIDC group by name, created on first use as Harbor
     * onboards such groups.
     */
    private UserGroup group(MemberRequest.GroupRef ref, Instant now) {
        if (ref.id() != null && ref.id() > 0) {
            UserGroup group = em.find(UserGroup.class, ref.id());
            if (group == null) {
                throw ApiException.notFound("user group %d not found", ref.id());
            }
            return group;
        }
        if (ref.ldapGroupDn() != null && !ref.ldapGroupDn().isEmpty()) {
            return ldapGroup(ref.ldapGroupDn()).orElseGet(() -> onboardLdapGroup(ref.ldapGroupDn(), now));
        }
        if (ref.groupName() != null && !ref.groupName().isEmpty() && ref.groupType() != null) {
            int type = ref.groupType();
            if (!UserGroup.isValidType(type)) {
                throw ApiException.badRequest("group_type must be 1 (LDAP), 2 (HTTP) or 3 (OIDC)");
            }
            return em.createNamedQuery(UserGroup.FIND_BY_NAME, UserGroup.class)
                    .setParameter("type", type).setParameter("name", ref.groupName())
                    .getResultStream().findFirst()
                    .orElseGet(() -> {
                        if (type == UserGroup.TYPE_LDAP) {
                            throw ApiException.notFound("LDAP group %s not found; add it as a user group first", ref.groupName());
                        }
                        UserGroup created = new UserGroup(ref.groupName(), type, null, now);
                        em.persist(created);
                        em.flush();
                        return created;
                    });
        }
        throw ApiException.badRequest("member_group needs id, ldap_group_dn, or group_name with group_type");
    }

    private Optional<UserGroup> ldapGroup(String dn) {
        return em.createNamedQuery(UserGroup.FIND_BY_DN, UserGroup.class).setParameter("dn", dn).getResultStream().findFirst();
    }

    /** Registers the directory's group at {@code dn}; 404 when there is none (or no directory), 409 when its name is taken. */
    private UserGroup onboardLdapGroup(String dn, Instant now) {
        GroupDirectory.Entry entry = directory.find(dn).orElseThrow(() -> ApiException.notFound(
                "LDAP group %s not found; with database authentication, an administrator registers it as a user group first", dn));
        return ldapGroup(entry.dn()).orElseGet(() -> {
            boolean nameTaken = !em.createNamedQuery(UserGroup.FIND_BY_NAME, UserGroup.class)
                    .setParameter("type", UserGroup.TYPE_LDAP).setParameter("name", entry.name()).getResultList().isEmpty();
            if (nameTaken) {
                throw ApiException.of(ApiError.CONFLICT, "another LDAP group named %s is registered", entry.name());
            }
            UserGroup created = new UserGroup(entry.name(), UserGroup.TYPE_LDAP, entry.dn(), now);
            em.persist(created);
            em.flush();
            return created;
        });
    }

    /** Names of the members' users and groups, in two queries whatever the page size. */
    private Map<String, String> names(List<Member> members) {
        Map<String, String> names = new HashMap<>();
        List<Long> users = members.stream().filter(m -> Member.USER.equals(m.entityType())).map(Member::entityId).toList();
        List<Long> groups = members.stream().filter(m -> Member.GROUP.equals(m.entityType())).map(Member::entityId).toList();
        if (!users.isEmpty()) {
            em.createQuery("SELECT u FROM User u WHERE u.id IN :ids", User.class).setParameter("ids", users)
                    .getResultStream().forEach(u -> names.put(Member.USER + u.id(), u.username()));
        }
        if (!groups.isEmpty()) {
            em.createQuery("SELECT g FROM UserGroup g WHERE g.id IN :ids", UserGroup.class).setParameter("ids", groups)
                    .getResultStream().forEach(g -> names.put(Member.GROUP + g.id(), g.name()));
        }
        return names;
    }

    private static String key(Member member) {
        return member.entityType() + member.entityId();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
