package io.berth.auth.boundary.settings;

import io.berth.auth.control.Authenticator;
import io.berth.events.AuditEvent;
import io.berth.events.Operation;
import io.berth.events.ResourceType;
import io.berth.platform.RuntimeSettings;
import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.JsonBodies;
import io.berth.rbac.control.AccessEvaluator;
import io.berth.rbac.control.AdminBootstrap;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads and changes the runtime settings as Harbor's configurations API does, for the REST API
 * ({@link ConfigurationsResource}) and the console's configuration page alike: both hand in their {@link Caller},
 * and only callers with the system {@code configuration} permission (system administrators, system robots granted
 * it) get in: 401 for anonymous callers, 403 for everyone else.
 * <p>
 * As in Harbor, {@code auth_mode} cannot change once users other than {@code admin} exist (their accounts belong to
 * one identity source; switching would strand them or let a same-named directory entry take them over), and the
 * response says so with {@code "editable": false}.
 */
@ApplicationScoped
public class Configurations {

    private static final Logger LOGGER = Logger.getLogger(Configurations.class.getName());

    @Inject
    RuntimeSettings settings;

    @Inject
    Authenticator authenticator;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    AccessEvaluator access;

    @PersistenceContext
    EntityManager em;

    /** Every setting Berth honours except secrets, as {@code {"key":{"value":...,"editable":...}}}. */
    public JsonObject view(Caller caller) {
        require(caller, Action.READ);
        boolean authModeEditable = !usersBesideAdmin();
        JsonObjectBuilder out = Json.createObjectBuilder();
        for (ConfigurationItem item : ConfigurationItem.values()) {
            if (item.secret()) {
                continue;
            }
            out.add(item.key(), Json.createObjectBuilder()
                    .add("value", item.toJson(settings.get(item.key()).orElse(null)))
                    .add("editable", item != ConfigurationItem.AUTH_MODE || authModeEditable));
        }
        return out.build();
    }

    /**
     * {@link #update(Caller, JsonObject)} for a request body as the REST API receives it: the caller is checked before
     * the body is read, so a caller who may not change settings learns nothing about what it sent (401/403, not 400).
     */
    @Transactional
    public Map<String, String> update(Caller caller, String body) {
        require(caller, Action.UPDATE);
        return update(caller, JsonBodies.object(body));
    }

    /**
     * Checks every key of {@code body} and stores them all, or none. {@code null} values are ignored (Harbor's
     * fields are optional); an empty string resets a string setting to its default.
     *
     * @return the keys that were stored, for the log (never the values)
     */
    @Transactional
    public Map<String, String> update(Caller caller, JsonObject body) {
        require(caller, Action.UPDATE);
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : body.entrySet()) {
            ConfigurationItem item = ConfigurationItem.of(entry.getKey())
                    .orElseThrow(() -> ApiException.badRequest("unknown or unsupported configuration item %s", entry.getKey()));
            if (entry.getValue().getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            try {
                values.put(item.key(), item.parse(entry.getValue()));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("%s", e.getMessage());
            }
        }
        String mode = values.get(ConfigurationItem.AUTH_MODE.key());
        String fallback = ConfigurationItem.AUTH_MODE.defaultValue();
        if (mode != null && !Objects.equals(mode.isEmpty() ? fallback : mode,
                settings.get(ConfigurationItem.AUTH_MODE.key()).orElse(fallback)) && usersBesideAdmin()) {
            throw ApiException.badRequest("auth_mode cannot be changed: users other than admin exist");
        }
        String endpoint = values.containsKey(ConfigurationItem.AUDIT_LOG_FORWARD_ENDPOINT.key())
                ? values.get(ConfigurationItem.AUDIT_LOG_FORWARD_ENDPOINT.key())
                : settings.get(ConfigurationItem.AUDIT_LOG_FORWARD_ENDPOINT.key(), "");
        if ("true".equals(values.get(ConfigurationItem.SKIP_AUDIT_LOG_DATABASE.key())) && endpoint.isEmpty()) {
            // As Harbor: without a forward endpoint, skipping the database would drop the audit trail altogether.
            throw ApiException.badRequest("skip_audit_log_database needs audit_log_forward_endpoint");
        }
        settings.put(values);
        // Key names only, never values: Harbor leaked LDAP and OIDC secrets into its audit log (GHSA-prh4-vhfh-24mj).
        audit.fire(AuditEvent.of(Operation.UPDATE, ResourceType.CONFIGURATION, "configurations")
                .describedAs("changed " + String.join(",", values.keySet())));
        if (values.keySet().stream().map(ConfigurationItem::of)
                .anyMatch(i -> i.isPresent() && ConfigurationItem.AUTHENTICATION.contains(i.get()))) {
            authenticator.forgetAll();
        }
        // Key names only: values may be secrets (Harbor leaked the LDAP password into its audit log, GHSA-prh4-vhfh-24mj).
        LOGGER.log(Level.INFO, "Configuration changed by {0}: {1}", new Object[] {caller.name(), values.keySet()});
        return values;
    }

    /** As Harbor's {@code RequireSystemAccess}: 401 for anonymous callers, 403 without the system permission. */
    private void require(Caller caller, Action action) {
        if (caller.isAnonymous()) {
            throw new ApiException(ApiError.UNAUTHORIZED, "log in first");
        }
        if (!access.canSystem(caller, Permission.of(Resource.CONFIGURATION, action))) {
            throw new ApiException(ApiError.FORBIDDEN, "this needs a system administrator");
        }
    }

    private boolean usersBesideAdmin() {
        return em.createQuery("SELECT COUNT(u) FROM User u WHERE u.username <> :admin", Long.class)
                .setParameter("admin", AdminBootstrap.ADMIN)
                .getSingleResult() > 0;
    }
}
