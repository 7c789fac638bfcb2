package io.berth.auth.control.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import io.berth.platform.RuntimeSettings;
import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.rbac.control.GroupDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers project membership's question "is there an LDAP group at this DN?" ({@link GroupDirectory}) from the
 * directory, in the LDAP mode only: a Project Admin adding an LDAP group by DN then registers it on first use, as
 * in Harbor, without an administrator registering it first. In the database mode there is no directory to ask and
 * only registered groups can be added.
 */
@ApplicationScoped
public class LdapGroupDirectory implements GroupDirectory {

    private static final Logger LOGGER = Logger.getLogger(LdapGroupDirectory.class.getName());

    @Inject
    RuntimeSettings runtime;

    @Inject
    LdapDirectory directory;

    @Inject
    LdapAccounts accounts;

    @Override
    public Optional<Entry> find(String dn) {
        if (!LdapIdentityStore.MODE.equals(runtime.get("auth_mode", ""))) {
            return Optional.empty();
        }
        if (dn == null || !DistinguishedNames.isValid(dn)) {
            throw ApiException.badRequest("ldap_group_dn is not a valid DN");
        }
        LdapSettings settings;
        try {
            settings = directory.settings();
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
        if (!settings.configured()) {
            return Optional.empty();
        }
        try {
            return directory.searchGroups(settings, null, dn).stream().findFirst().map(group -> accounts.group(group.dn())
                    .map(registered -> new Entry(registered.ldapGroupDn(), registered.name()))
                    .orElseGet(() -> new Entry(group.dn(), group.name())));
        } catch (LDAPException e) {
            LOGGER.log(Level.WARNING, "LDAP group lookup failed: {0} {1}", new Object[] {e.getResultCode(), e.getMessage()});
            throw new ApiException(ApiError.INTERNAL_SERVER_ERROR, "the LDAP directory could not be asked for the group");
        }
    }
}
