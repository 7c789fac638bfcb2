package io.berth.auth.control.ldap;

import io.berth.auth.control.Authenticator;
import io.berth.platform.RetryOnConflict;
import io.berth.rbac.control.AdminBootstrap;
import io.berth.rbac.entity.User;
import io.berth.rbac.entity.UserGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Directory users as Berth users: onboarding at first login or import, keeping DN, profile and the admin flag in
 * step with the directory, and mapping group DNs to the LDAP {@link UserGroup}s administrators registered.
 * <p>
 * {@link #onboard} opens its own transaction although it is not a boundary: its callers are the login path (servlet
 * filters and the token endpoint, which hold no transaction and must not hold one across directory round trips) and
 * the import facade; each user is written and committed on its own, and two first logins of one user at the same
 * moment both succeed ({@link RetryOnConflict}: the loser finds the winner's row).
 */
@ApplicationScoped
public class LdapAccounts {

    private static final Logger LOGGER = Logger.getLogger(LdapAccounts.class.getName());

    @PersistenceContext
    EntityManager em;

    /**
     * The Berth user for {@code entry}, created if new. {@code sysadmin} is the admin-group verdict ({@code null}
     * when no {@code ldap_group_admin_dn} is set: the flag is then left as it is). Empty when the name is taken by a
     * local (database) user, is {@code admin}, or looks like a robot: a directory entry must never become a way
     * into an account that the directory does not own.
     */
    @RetryOnConflict
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<User> onboard(DirectoryUser entry, Boolean sysadmin) {
        String name = entry.username();
        if (name.isBlank() || name.length() > 255 || AdminBootstrap.ADMIN.equalsIgnoreCase(name)
                || name.startsWith(Authenticator.ROBOT_PREFIX)) {
            LOGGER.log(Level.WARNING, "Refused LDAP user {0}: that name is reserved", name);
            return Optional.empty();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Optional<User> existing = em.createNamedQuery(User.FIND_BY_NAME, User.class)
                .setParameter("username", name)
                .getResultStream().findFirst();
        User user;
        if (existing.isPresent()) {
            user = existing.get();
            if (!User.SOURCE_LDAP.equals(user.authSource())) {
                LOGGER.log(Level.WARNING, "Refused LDAP user {0}: a local user of that name exists", name);
                return Optional.empty();
            }
            if (!Objects.equals(user.ldapDn(), entry.dn())) {
                user.linkLdap(entry.dn(), now);
            }
            // The directory is the source of the profile; a value it does not hold is left as it is.
            String email = entry.email() != null ? entry.email() : user.email();
            String realname = entry.realname() != null ? entry.realname() : user.realname();
            if (!Objects.equals(email, user.email()) || !Objects.equals(realname, user.realname())) {
                user.updateProfile(email, realname, user.comment(), now);
            }
        } else {
            user = new User(name, entry.email(), entry.realname(), "onboarded from LDAP", now);
            user.linkLdap(entry.dn(), now);
            em.persist(user);
            LOGGER.log(Level.INFO, "Onboarded LDAP user {0} ({1})", new Object[] {name, entry.dn()});
        }
        if (sysadmin != null && user.isSysadmin() != sysadmin) {
            user.setSysadmin(sysadmin, now);
            LOGGER.log(Level.INFO, "LDAP user {0} is {1} a system administrator (ldap_group_admin_dn)",
                    new Object[] {name, sysadmin ? "now" : "no longer"});
        }
        em.flush();
        return Optional.of(user);
    }

    /**
     * The ids of the LDAP user groups whose DN is among {@code normalizedDns}. Registered groups are few (one per
     * group that holds a project role), so they are compared here with DN rules rather than in SQL, where case and
     * spacing would have to match exactly.
     */
    public Set<Long> groupIds(Set<String> normalizedDns) {
        if (normalizedDns.isEmpty()) {
            return Set.of();
        }
        return em.createQuery("SELECT g FROM UserGroup g WHERE g.type = :type AND g.ldapGroupDn IS NOT NULL", UserGroup.class)
                .setParameter("type", UserGroup.TYPE_LDAP)
                .getResultStream()
                .filter(g -> DistinguishedNames.normalize(g.ldapGroupDn()).map(normalizedDns::contains).orElse(false))
                .map(UserGroup::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The registered LDAP user group for {@code dn}, if any (for search results). */
    public Optional<UserGroup> group(String dn) {
        Optional<String> normalized = DistinguishedNames.normalize(dn);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        return em.createQuery("SELECT g FROM UserGroup g WHERE g.type = :type AND g.ldapGroupDn IS NOT NULL", UserGroup.class)
                .setParameter("type", UserGroup.TYPE_LDAP)
                .getResultStream()
                .filter(g -> DistinguishedNames.normalize(g.ldapGroupDn()).equals(normalized))
                .findFirst();
    }

    /** Whether a user of that name exists in Berth (any source). */
    public boolean exists(String username) {
        return !em.createNamedQuery(User.FIND_BY_NAME, User.class)
                .setParameter("username", username).setMaxResults(1).getResultList().isEmpty();
    }
}
