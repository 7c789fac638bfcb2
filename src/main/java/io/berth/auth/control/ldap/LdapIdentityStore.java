package io.berth.auth.control.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import io.berth.auth.control.IdentityStore;
import io.berth.auth.entity.AuthenticatedUser;
import io.berth.rbac.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Users from an LDAP directory or Active Directory ({@code auth_mode=ldap_auth}): the directory checks the
 * password, Berth onboards the user at its first login and resolves its groups at every login.
 * <p>
 * It fails closed: a directory that is down, refuses the search DN or is misconfigured lets nobody in (and says
 * why in the log, without the password), while the local {@code admin}, who the {@code Authenticator} always
 * checks against the database, can still log in and repair the settings. Members of {@code ldap_group_admin_dn},
 * directly or through nested groups, are system administrators; with an admin group set, the directory decides
 * that flag at every login, in both directions.
 */
@ApplicationScoped
public class LdapIdentityStore implements IdentityStore {

    public static final String MODE = "ldap_auth";
    private static final Logger LOGGER = Logger.getLogger(LdapIdentityStore.class.getName());

    @Inject
    LdapDirectory directory;

    @Inject
    LdapAccounts accounts;

    @Override
    public String authMode() {
        return MODE;
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String username, char[] password) {
        if (password == null || password.length == 0) {
            return Optional.empty();
        }
        LdapSettings settings;
        try {
            settings = directory.settings();
        } catch (IllegalArgumentException e) {
            LOGGER.log(Level.WARNING, "LDAP login refused: the LDAP settings are invalid ({0})", e.getMessage());
            return Optional.empty();
        }
        if (!settings.configured()) {
            LOGGER.log(Level.WARNING, "LDAP login refused: auth_mode is ldap_auth but ldap_url is empty");
            return Optional.empty();
        }
        Optional<DirectoryLogin> login;
        try {
            login = directory.authenticate(settings, username, password);
        } catch (LDAPException e) {
            LOGGER.log(Level.WARNING, "LDAP login of {0} refused: the directory at {1} did not answer: {2} ({3})",
                    new Object[] {username, settings.servers(), e.getResultCode().getName(), e.getMessage()});
            return Optional.empty();
        }
        if (login.isEmpty()) {
            return Optional.empty();
        }
        Boolean admin = settings.groupAdminDn().isEmpty() ? null : login.get().isMemberOf(settings.groupAdminDn());
        Optional<User> user = accounts.onboard(login.get().user(), admin);
        return user.map(u -> new AuthenticatedUser(u, accounts.groupIds(login.get().groupDns())));
    }
}
