package io.berth.console.admin;

import io.berth.auth.boundary.ldap.DirectoryAdmin;
import io.berth.auth.boundary.ldap.LdapPingResult;
import io.berth.auth.boundary.settings.ConfigurationItem;
import io.berth.auth.boundary.settings.Configurations;
import io.berth.console.shell.Texts;
import io.berth.events.EventTypes;
import io.berth.platform.api.ApiException;
import io.berth.rbac.control.CallerContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration page ({@code /console/admin/configuration?tab=auth}), Harbor's Administration > Configuration
 * for the settings Berth honours ({@link ConfigurationItem}), a tab per section: authentication (mode, LDAP with a test of the values on the
 * form, self-registration), system settings (project creation, token and robot lifetimes, robot name prefix, session
 * timeout) and the audit trail (syslog forwarding, skipping the database, disabled event types).
 * <p>
 * Each section saves only the settings it changed, through the {@link Configurations} facade as
 * {@code PUT /configurations} does; the LDAP test goes through {@link DirectoryAdmin} as {@code POST /ldap/ping}.
 * Both are for system administrators only and check every value. The LDAP bind password is never rendered back:
 * its field starts empty, and left empty it keeps the stored one.
 */
@Named
@ViewScoped
public class ConfigurationAdmin implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    static final String AUTH_MODE = "auth_mode";
    static final String LDAP_PASSWORD = "ldap_search_password";
    static final String DISABLED_TYPES = "disabled_audit_log_event_types";
    /** The keys each section shows and saves. */
    static final List<String> AUTHENTICATION = List.of(AUTH_MODE, "self_registration");
    static final List<String> LDAP = Arrays.stream(ConfigurationItem.values()).map(ConfigurationItem::key)
            .filter(k -> k.startsWith("ldap_") && !k.equals(LDAP_PASSWORD)).toList();
    static final List<String> SYSTEM = List.of("project_creation_restriction", "token_expiration",
            "robot_token_duration", "robot_name_prefix", "session_timeout");
    static final List<String> AUDIT = List.of("audit_log_forward_endpoint", "skip_audit_log_database");
    /** The page's tabs, one per section ({@code ?tab=}). */
    static final List<String> TABS = List.of("auth", "system", "audit");

    @Inject
    transient Configurations configurations;

    @Inject
    transient DirectoryAdmin directory;

    @Inject
    transient CallerContext callers;

    @Inject
    transient Texts texts;

    /** The settings as stored, as text (booleans as Boolean for checkboxes). */
    private final Map<String, Object> saved = new HashMap<>();
    /** The settings on the form. */
    private final Map<String, Object> values = new HashMap<>();
    private boolean authModeEditable;
    private List<String> disabledTypes = new ArrayList<>();
    private List<String> savedDisabledTypes = List.of();
    private String ldapPassword;
    private String tab = TABS.getFirst();

    /** Reads the settings; a caller who may not see them gets the facade's refusal on the error page. */
    public void load() {
        readSaved();
        values.clear();
        values.putAll(saved);
        disabledTypes = new ArrayList<>(savedDisabledTypes);
        ldapPassword = null;
    }

    /** The stored settings, again; what the form shows stays as it is. */
    private void readSaved() {
        JsonObject view = configurations.view(callers.get());
        saved.clear();
        for (Map.Entry<String, JsonValue> entry : view.entrySet()) {
            if (entry.getValue() instanceof JsonObject item && item.containsKey("value")) {
                saved.put(entry.getKey(), plain(item.get("value")));
            }
        }
        authModeEditable = view.getJsonObject(AUTH_MODE).getBoolean("editable", false);
        savedDisabledTypes = List.copyOf(EventTypes.parseList(String.valueOf(saved.getOrDefault(DISABLED_TYPES, ""))));
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NUMBER -> ((JsonNumber) value).bigIntegerValue().toString();
            case STRING -> ((JsonString) value).getString();
            default -> "";
        };
    }

    public List<String> getTabs() {
        return TABS;
    }

    /** The section shown: {@code auth}, {@code system} or {@code audit}. */
    public String getTab() {
        return tab;
    }

    public void setTab(String tab) {
        this.tab = TABS.contains(tab) ? tab : TABS.getFirst();
    }

    /** The form's values by setting key: {@code #{configurationAdmin.values['token_expiration']}}. */
    public Map<String, Object> getValues() {
        return values;
    }

    public boolean isAuthModeEditable() {
        return authModeEditable;
    }

    public List<String> getEventTypes() {
        return EventTypes.ALL;
    }

    public List<String> getDisabledTypes() {
        return disabledTypes;
    }

    public void setDisabledTypes(List<String> disabledTypes) {
        this.disabledTypes = disabledTypes == null ? new ArrayList<>() : new ArrayList<>(disabledTypes);
    }

    /** Write only: the field always renders empty. */
    public String getLdapPassword() {
        return null;
    }

    public void setLdapPassword(String ldapPassword) {
        this.ldapPassword = ldapPassword == null || ldapPassword.isEmpty() ? null : ldapPassword;
    }

    /** Saves the changed settings of the authentication section, LDAP included. */
    public void saveAuthentication() {
        List<String> keys = new ArrayList<>(AUTHENTICATION);
        keys.addAll(LDAP);
        JsonObjectBuilder changes = changes(keys);
        if (ldapPassword != null) {
            changes.add(LDAP_PASSWORD, ldapPassword);
        }
        save(changes.build(), keys);
        ldapPassword = null;
    }

    public void saveSystem() {
        save(changes(SYSTEM).build(), SYSTEM);
    }

    public void saveAudit() {
        JsonObjectBuilder changes = changes(AUDIT);
        if (!disabledTypes.equals(savedDisabledTypes)) {
            changes.add(DISABLED_TYPES, String.join(",", disabledTypes));
        }
        if (save(changes.build(), AUDIT)) {
            disabledTypes = new ArrayList<>(savedDisabledTypes);
        }
    }

    /** Tests the LDAP values on the form, saved or not, without storing anything. */
    public void testLdap() {
        JsonObjectBuilder settings = Json.createObjectBuilder();
        for (String key : LDAP) {
            add(settings, key, values.get(key));
        }
        if (ldapPassword != null) {
            settings.add(LDAP_PASSWORD, ldapPassword);
        }
        try {
            LdapPingResult result = directory.ping(callers.get(), settings.build());
            if (result.success()) {
                texts.info("configuration.ldap.test.ok", result.message());
            } else {
                texts.error("configuration.ldap.test.failed", result.message());
            }
        } catch (ApiException e) {
            texts.refused(e);
        }
    }

    /**
     * Stores the changes of a section; on success, its fields show the settings as now stored (the other sections
     * keep what is typed in them). A refusal stores nothing and leaves the form as typed.
     */
    private boolean save(JsonObject changes, List<String> section) {
        if (changes.isEmpty()) {
            texts.info("configuration.unchanged");
            return false;
        }
        try {
            configurations.update(callers.get(), changes);
            texts.info("configuration.saved");
            readSaved();
            section.forEach(key -> values.put(key, saved.get(key)));
            return true;
        } catch (ApiException e) {
            texts.refused(e);
            return false;
        }
    }

    /** The settings among {@code keys} whose value on the form differs from the stored one. */
    private JsonObjectBuilder changes(List<String> keys) {
        JsonObjectBuilder changes = Json.createObjectBuilder();
        for (String key : keys) {
            Object value = values.get(key);
            if (!Objects.equals(text(value), text(saved.get(key)))) {
                add(changes, key, value);
            }
        }
        return changes;
    }

    /** A form value in the setting's JSON type; text that is not a number goes as text, for the facade to refuse. */
    private static void add(JsonObjectBuilder json, String key, Object value) {
        ConfigurationItem.Type type = ConfigurationItem.of(key).map(ConfigurationItem::type)
                .orElse(ConfigurationItem.Type.STRING);
        String text = text(value);
        switch (type) {
            case BOOLEAN -> json.add(key, Boolean.parseBoolean(text));
            case INTEGER -> {
                try {
                    json.add(key, Long.parseLong(text.strip()));
                } catch (NumberFormatException e) {
                    json.add(key, text);
                }
            }
            default -> json.add(key, text);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
