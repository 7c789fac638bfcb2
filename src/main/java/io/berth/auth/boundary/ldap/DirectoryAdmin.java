package io.berth.auth.boundary.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import io.berth.auth.boundary.settings.ConfigurationItem;
import io.berth.auth.control.ldap.DirectoryUser;
import io.berth.auth.control.ldap.DistinguishedNames;
import io.berth.auth.control.ldap.LdapAccounts;
import io.berth.auth.control.ldap.LdapDirectory;
import io.berth.auth.control.ldap.LdapIdentityStore;
import io.berth.auth.control.ldap.LdapSettings;
import io.berth.platform.RuntimeSettings;
import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.JsonBodies;
import io.berth.rbac.control.AccessEvaluator;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What administrators do with the directory: test settings, look users and groups up, import users ahead of their
 * first login; for the REST API ({@link LdapResource}) and the console alike, each call with its {@link Caller}:
 * testing settings needs the system {@code configuration} update permission, searching and importing the
 * {@code ldap-user} ones (system administrators have all), else 401 for anonymous callers and 403 for others,
 * checked before anything of the request is read.
 * <p>
 * Directory failures on searches are 500s that say what the directory answered (a result code, never a
 * credential); a failed ping is a normal answer with {@code success: false}.
 */
@ApplicationScoped
public class DirectoryAdmin {

    /** Harbor's {@code LdapConf} calls the timeout {@code ldap_connection_timeout}; the setting is {@code ldap_timeout}. */
    static final String CONNECTION_TIMEOUT = "ldap_connection_timeout";
    static final int MAX_IMPORT = 1000;
    private static final Logger LOGGER = Logger.getLogger(DirectoryAdmin.class.getName());

    @Inject
    LdapDirectory directory;

    @Inject
    LdapAccounts accounts;

    @Inject
    RuntimeSettings runtime;

    @Inject
    AccessEvaluator access;

    /** {@link #ping(Caller, JsonObject)} for the REST API's optional body (Harbor's {@code LdapConf}). */
    public LdapPingResult ping(Caller caller, String body) {
        require(caller, Resource.CONFIGURATION, Action.UPDATE);
        return ping(caller, body == null || body.isBlank() ? JsonValue.EMPTY_JSON_OBJECT : JsonBodies.object(body));
    }

    /**
     * Connects and binds with the saved settings overridden by {@code overrides} (Harbor's {@code LdapConf}; may be
     * empty). Without a password in the request, the saved one is used only if URL and search DN are the saved ones
     * too: otherwise a ping to a server of the caller's choosing would hand it the stored bind password.
     */
    public LdapPingResult ping(Caller caller, JsonObject overrides) {
        require(caller, Resource.CONFIGURATION, Action.UPDATE);
        Map<String, String> values = new HashMap<>();
        for (String key : LdapSettings.KEYS) {
            runtime.get(key).ifPresent(v -> values.put(key, v));
        }
        Map<String, String> given = new HashMap<>();
        for (Map.Entry<String, JsonValue> e : overrides.entrySet()) {
            String key = CONNECTION_TIMEOUT.equals(e.getKey()) ? LdapSettings.TIMEOUT : e.getKey();
            if (!LdapSettings.KEYS.contains(key)) {
                throw ApiException.badRequest("unknown LDAP setting %s", e.getKey());
            }
            if (e.getValue().getValueType() != JsonValue.ValueType.NULL) {
                try {
                    given.put(key, ConfigurationItem.of(key).orElseThrow().parse(e.getValue()));
                } catch (IllegalArgumentException ex) {
                    throw ApiException.badRequest("%s", ex.getMessage());
                }
            }
        }
        String password = given.getOrDefault(LdapSettings.SEARCH_PASSWORD, "");
        boolean sameTarget = Objects.equals(given.getOrDefault(LdapSettings.URL, values.get(LdapSettings.URL)), values.get(LdapSettings.URL))
                && Objects.equals(given.getOrDefault(LdapSettings.SEARCH_DN, values.get(LdapSettings.SEARCH_DN)),
                        values.get(LdapSettings.SEARCH_DN));
        values.putAll(given);
        values.put(LdapSettings.SEARCH_PASSWORD, password.isEmpty() && sameTarget
                ? values.getOrDefault(LdapSettings.SEARCH_PASSWORD, "") : password);
        LdapSettings settings;
        try {
            settings = LdapSettings.of(values::get);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("%s", e.getMessage());
        }
        if (!settings.configured()) {
            return new LdapPingResult(false, "ldap_url is empty");
        }
        try {
            String server = directory.ping(settings);
            return new LdapPingResult(true, "connected to " + server + " and bound "
                    + (settings.searchDn().isEmpty() ? "anonymously" : "as " + settings.searchDn()));
        } catch (LDAPException e) {
            return new LdapPingResult(false, describe(settings, e));
        }
    }

    /** Directory users whose uid is {@code username}, or every user (up to a limit) for none. */
    public List<LdapUserView> searchUsers(Caller caller, String username) {
        require(caller, Resource.LDAP_USER, Action.LIST);
        LdapSettings settings = configured();
        try {
            return directory.searchUsers(settings, username).stream().map(LdapUserView::of).toList();
        } catch (LDAPException e) {
            throw unavailable(settings, e);
        }
    }

    /** {@link #importUsers(Caller, List)} for the REST API's body, Harbor's {@code {"ldap_uid_list":[...]}}. */
    public List<LdapFailedImportUser> importUsers(Caller caller, String body) {
        require(caller, Resource.LDAP_USER, Action.CREATE);
        return importUsers(caller, uids(JsonBodies.object(body)));
    }

    /**
     * Onboards the users of {@code uids} before their first login (in the LDAP mode only: imported users would
     * otherwise lock the authentication mode without being able to log in).
     *
     * @return the failures, empty when every uid was imported
     */
    public List<LdapFailedImportUser> importUsers(Caller caller, List<String> uids) {
        require(caller, Resource.LDAP_USER, Action.CREATE);
        if (!LdapIdentityStore.MODE.equals(runtime.get(ConfigurationItem.AUTH_MODE.key()).orElse(""))) {
            throw ApiException.badRequest("LDAP users can only be imported when auth_mode is ldap_auth");
        }
        if (uids.size() > MAX_IMPORT) {
            throw ApiException.badRequest("at most %d users per import", MAX_IMPORT);
        }
        LdapSettings settings = configured();
        List<LdapFailedImportUser> failed = new ArrayList<>();
        for (String uid : uids) {
            if (uid == null || uid.isBlank()) {
                failed.add(new LdapFailedImportUser(uid, "empty uid"));
                continue;
            }
            Optional<DirectoryUser> entry;
            try {
                entry = directory.findUser(settings, uid);
            } catch (LDAPException e) {
                throw unavailable(settings, e);
            }
            if (entry.isEmpty()) {
                failed.add(new LdapFailedImportUser(uid, "not found in LDAP"));
            } else if (accounts.exists(entry.get().username())) {
                failed.add(new LdapFailedImportUser(uid, "user already exists"));
            } else if (accounts.onboard(entry.get(), null).isEmpty()) {
                failed.add(new LdapFailedImportUser(uid, "the name is reserved or taken by a local user"));
            }
        }
        return failed;
    }

    /** The directory groups named {@code name}, or the group at {@code dn}; one of the two is required. */
    public List<LdapGroupView> searchGroups(Caller caller, String name, String dn) {
        require(caller, Resource.LDAP_USER, Action.LIST);
        boolean byDn = dn != null && !dn.isBlank();
        if (!byDn && (name == null || name.isBlank())) {
            throw ApiException.badRequest("give groupname or groupdn");
        }
        if (byDn && !DistinguishedNames.isValid(dn)) {
            throw ApiException.badRequest("groupdn is not a valid DN");
        }
        LdapSettings settings = configured();
        try {
            return directory.searchGroups(settings, name, byDn ? dn : null).stream()
                    .map(g -> LdapGroupView.of(g.dn(), g.name(), accounts.group(g.dn()).orElse(null)))
                    .toList();
        } catch (LDAPException e) {
            throw unavailable(settings, e);
        }
    }

    /** As Harbor's {@code RequireSystemAccess}: 401 for anonymous callers, 403 without the system permission. */
    private void require(Caller caller, Resource resource, Action action) {
        if (caller.isAnonymous()) {
            throw new ApiException(ApiError.UNAUTHORIZED, "log in first");
        }
        if (!access.canSystem(caller, Permission.of(resource, action))) {
            throw new ApiException(ApiError.FORBIDDEN, "this needs a system administrator");
        }
    }

    private static List<String> uids(JsonObject body) {
        JsonValue list = body.get("ldap_uid_list");
        if (!(list instanceof JsonArray array)) {
            throw ApiException.badRequest("ldap_uid_list must be an array of uids");
        }
        List<String> uids = new ArrayList<>();
        for (JsonValue v : array) {
            if (!(v instanceof JsonString s)) {
                throw ApiException.badRequest("ldap_uid_list must be an array of uids");
            }
            uids.add(s.getString());
        }
        return uids;
    }

    private LdapSettings configured() {
        LdapSettings settings;
        try {
            settings = directory.settings();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("the saved LDAP settings are invalid: %s", e.getMessage());
        }
        if (!settings.configured()) {
            throw ApiException.badRequest("LDAP is not configured: ldap_url is empty");
        }
        return settings;
    }

    private static ApiException unavailable(LdapSettings settings, LDAPException e) {
        String message = describe(settings, e);
        LOGGER.log(Level.WARNING, "LDAP request failed: {0}", message);
        return new ApiException(ApiError.INTERNAL_SERVER_ERROR, message);
    }

    /** What went wrong, for an administrator: the result code and the SDK's text, which holds no credential. */
    static String describe(LdapSettings settings, LDAPException e) {
        String what = switch (e.getResultCode().intValue()) {
            case ResultCode.INVALID_CREDENTIALS_INT_VALUE -> "the directory refused the search DN and password";
            case ResultCode.NO_SUCH_OBJECT_INT_VALUE -> "the base DN does not exist";
            case ResultCode.SERVER_DOWN_INT_VALUE, ResultCode.CONNECT_ERROR_INT_VALUE, ResultCode.TIMEOUT_INT_VALUE ->
                    "cannot reach " + settings.servers();
            default -> "the directory answered " + e.getResultCode().getName();
        };
        return what + " (" + e.getResultCode().getName() + ": " + e.getMessage() + ")";
    }
}
