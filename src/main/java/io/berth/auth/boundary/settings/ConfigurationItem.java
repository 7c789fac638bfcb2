package io.berth.auth.boundary.settings;

import io.berth.auth.control.DatabaseIdentityStore;
import io.berth.auth.control.ldap.LdapIdentityStore;
import io.berth.auth.control.ldap.LdapSettings;
import io.berth.events.EventTypes;
import io.berth.platform.RuntimeSettings;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The settings the configurations API accepts, with Harbor's key, JSON type, default and check. A key that is
 * not here is refused (400), so a typo never sits silently in the database. Each check answers the value as it
 * is stored, or throws {@link IllegalArgumentException} with a message that names the key and never holds the
 * value (it may be a password).
 * <p>
 * LDAP values are checked by {@link LdapSettings}, the same code that reads them at login.
 */
public enum ConfigurationItem {
    AUTH_MODE("auth_mode", Type.STRING, DatabaseIdentityStore.MODE,
            oneOf("auth_mode", DatabaseIdentityStore.MODE, LdapIdentityStore.MODE)),
    LDAP_URL(LdapSettings.URL, Type.STRING, ""),
    LDAP_SEARCH_DN(LdapSettings.SEARCH_DN, Type.STRING, ""),
    LDAP_SEARCH_PASSWORD(LdapSettings.SEARCH_PASSWORD, Type.STRING, ""),
    LDAP_BASE_DN(LdapSettings.BASE_DN, Type.STRING, ""),
    LDAP_FILTER(LdapSettings.FILTER, Type.STRING, ""),
    LDAP_UID(LdapSettings.UID, Type.STRING, LdapSettings.DEFAULT_UID),
    LDAP_SCOPE(LdapSettings.SCOPE, Type.INTEGER, Integer.toString(LdapSettings.DEFAULT_SCOPE)),
    LDAP_TIMEOUT(LdapSettings.TIMEOUT, Type.INTEGER, Integer.toString(LdapSettings.DEFAULT_TIMEOUT)),
    LDAP_VERIFY_CERT(LdapSettings.VERIFY_CERT, Type.BOOLEAN, "true"),
    LDAP_GROUP_BASE_DN(LdapSettings.GROUP_BASE_DN, Type.STRING, ""),
    LDAP_GROUP_SEARCH_FILTER(LdapSettings.GROUP_FILTER, Type.STRING, ""),
    LDAP_GROUP_ATTRIBUTE_NAME(LdapSettings.GROUP_NAME_ATTRIBUTE, Type.STRING, LdapSettings.DEFAULT_GROUP_NAME_ATTRIBUTE),
    LDAP_GROUP_ADMIN_DN(LdapSettings.GROUP_ADMIN_DN, Type.STRING, ""),
    LDAP_GROUP_MEMBERSHIP_ATTRIBUTE(LdapSettings.GROUP_MEMBERSHIP_ATTRIBUTE, Type.STRING,
            LdapSettings.DEFAULT_MEMBERSHIP_ATTRIBUTE),
    LDAP_GROUP_SEARCH_SCOPE(LdapSettings.GROUP_SCOPE, Type.INTEGER, Integer.toString(LdapSettings.DEFAULT_SCOPE)),
    SELF_REGISTRATION("self_registration", Type.BOOLEAN, "false"),
    PROJECT_CREATION_RESTRICTION("project_creation_restriction", Type.STRING, "everyone",
            oneOf("project_creation_restriction", "everyone", "adminonly")),
    /** Minutes a registry token lives (Harbor's default 30). */
    TOKEN_EXPIRATION("token_expiration", Type.INTEGER, "30", positive("token_expiration")),
    /** Days a robot account lives unless its request says otherwise (Harbor's default 30). */
    ROBOT_TOKEN_DURATION("robot_token_duration", Type.INTEGER, "30", positive("robot_token_duration")),
    ROBOT_NAME_PREFIX("robot_name_prefix", Type.STRING, "robot$", ConfigurationItem::robotPrefix),
    /** Minutes a console session may stay idle (read by the console login). */
    SESSION_TIMEOUT("session_timeout", Type.INTEGER, "60", positive("session_timeout")),
    /** Storage limit of new projects in bytes, -1 for none (Harbor's default); read by io.berth.quota. */
    STORAGE_PER_PROJECT("storage_per_project", Type.INTEGER, "-1", ConfigurationItem::storageLimit),
    /** Whether project quotas refuse pushes (Harbor's switch); usage is counted either way. */
    QUOTA_PER_PROJECT_ENABLE("quota_per_project_enable", Type.BOOLEAN, "true"),
    /** {@code host:port} of a syslog receiver (TCP) that gets every audit entry; empty for none (Harbor's key). */
    AUDIT_LOG_FORWARD_ENDPOINT("audit_log_forward_endpoint", Type.STRING, "", ConfigurationItem::endpoint),
    /** With a forward endpoint: audit entries go only there, not into the database (Harbor's key). */
    SKIP_AUDIT_LOG_DATABASE("skip_audit_log_database", Type.BOOLEAN, "false", value -> value),
    /**
     * Comma-separated audit event types ({@code pull_artifact}, ...) that are neither stored nor forwarded (Harbor
     * 2.13's key); read by io.berth.audit on every event.
     */
    DISABLED_AUDIT_LOG_EVENT_TYPES("disabled_audit_log_event_types", Type.STRING, "",
            value -> EventTypes.checkList("disabled_audit_log_event_types", value));

    /** The keys that change who can log in: a change forgets remembered logins. */
    static final Set<ConfigurationItem> AUTHENTICATION = Set.of(AUTH_MODE, LDAP_URL, LDAP_SEARCH_DN, LDAP_SEARCH_PASSWORD,
            LDAP_BASE_DN, LDAP_FILTER, LDAP_UID, LDAP_SCOPE, LDAP_VERIFY_CERT, LDAP_GROUP_BASE_DN,
            LDAP_GROUP_SEARCH_FILTER, LDAP_GROUP_ADMIN_DN, LDAP_GROUP_MEMBERSHIP_ATTRIBUTE, LDAP_GROUP_SEARCH_SCOPE);

    private static final Pattern PREFIX = Pattern.compile("[a-z0-9$._+-]{1,32}");

    private final String key;
    private final Type type;
    private final String defaultValue;
    private final UnaryOperator<String> check;

    ConfigurationItem(String key, Type type, String defaultValue) {
        this(key, type, defaultValue, value -> ldap(key, value));
    }

    ConfigurationItem(String key, Type type, String defaultValue, UnaryOperator<String> check) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.check = check;
    }

    public String key() {
        return key;
    }

    public Type type() {
        return type;
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** Secrets are stored encrypted and never returned or logged. */
    public boolean secret() {
        return RuntimeSettings.isSecret(key);
    }

    public static Optional<ConfigurationItem> of(String key) {
        return Arrays.stream(values()).filter(i -> i.key.equals(key)).findFirst();
    }

    /**
     * The value to store for a JSON value from a request; an empty string clears a string setting back to its
     * default.
     *
     * @throws IllegalArgumentException for a wrong type or a value the setting does not allow
     */
    public String parse(JsonValue json) {
        String text = type.read(key, json);
        return text.isEmpty() ? "" : check.apply(text);
    }

    /** The stored value (or the default) as Harbor's JSON type. */
    public JsonValue toJson(String stored) {
        return type.write(stored == null || stored.isEmpty() ? defaultValue : stored, defaultValue);
    }

    private static String ldap(String key, String value) {
        // The one place LDAP values are checked: the parser the login path uses.
        LdapSettings.of(k -> k.equals(key) ? value : null);
        return RuntimeSettings.isSecret(key) ? value : value.trim();
    }

    private static UnaryOperator<String> oneOf(String key, String... allowed) {
        return value -> {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (!Arrays.asList(allowed).contains(v)) {
                throw new IllegalArgumentException(key + " must be one of " + String.join(", ", allowed));
            }
            return v;
        };
    }

    private static UnaryOperator<String> positive(String key) {
        return value -> {
            long number = Long.parseLong(value);
            if (number < 1 || number > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(key + " must be a positive integer");
            }
            return value;
        };
    }

    private static String storageLimit(String value) {
        long bytes = Long.parseLong(value);
        if (bytes <= 0 && bytes != -1) {
            throw new IllegalArgumentException("storage_per_project must be a positive number of bytes, or -1 for no limit");
        }
        return value;
    }

    private static String endpoint(String value) {
        String v = value.trim();
        int colon = v.lastIndexOf(':');
        boolean valid = colon > 0 && v.length() <= 255 && v.substring(colon + 1).matches("\\d{1,5}")
                && Integer.parseInt(v.substring(colon + 1)) <= 65535 && Integer.parseInt(v.substring(colon + 1)) > 0
                && v.substring(0, colon).matches("[A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\]");
        if (!valid) {
            throw new IllegalArgumentException("audit_log_forward_endpoint must be host:port");
        }
        return v;
    }

    private static String robotPrefix(String value) {
        if (!PREFIX.matcher(value).matches()) {
            throw new IllegalArgumentException("robot_name_prefix must be 1 to 32 of a-z 0-9 $ . _ + -");
        }
        return value;
    }

    /**
     * Harbor's three item types ({@code StringConfigItem}, {@code BoolConfigItem}, {@code IntegerConfigItem}); integers
     * are 64-bit, as Harbor's {@code storage_per_project} in bytes needs.
     */
    public enum Type {
        STRING, BOOLEAN, INTEGER;

        /** The request's value as the string to store; integers and booleans also accepted as strings. */
        String read(String key, JsonValue json) {
            switch (this) {
                case STRING -> {
                    if (json instanceof JsonString s) {
                        return s.getString();
                    }
                    throw new IllegalArgumentException(key + " must be a string");
                }
                case BOOLEAN -> {
                    if (json == JsonValue.TRUE || json == JsonValue.FALSE) {
                        return Boolean.toString(json == JsonValue.TRUE);
                    }
                    if (json instanceof JsonString s && Set.of("true", "false").contains(s.getString().trim().toLowerCase(Locale.ROOT))) {
                        return s.getString().trim().toLowerCase(Locale.ROOT);
                    }
                    throw new IllegalArgumentException(key + " must be true or false");
                }
                default -> {
                    try {
                        if (json instanceof JsonNumber n) {
                            return Long.toString(n.longValueExact());
                        }
                        if (json instanceof JsonString s) {
                            return Long.toString(Long.parseLong(s.getString().trim()));
                        }
                    } catch (ArithmeticException | NumberFormatException e) {
                        // falls through to the refusal
                    }
                    throw new IllegalArgumentException(key + " must be an integer");
                }
            }
        }

        JsonValue write(String stored, String fallback) {
            return switch (this) {
                case STRING -> Json.createValue(stored);
                case BOOLEAN -> Boolean.parseBoolean(stored.trim()) ? JsonValue.TRUE : JsonValue.FALSE;
                case INTEGER -> {
                    try {
                        yield Json.createValue(Long.parseLong(stored.trim()));
                    } catch (NumberFormatException e) {
                        yield Json.createValue(Long.parseLong(fallback));
                    }
                }
            };
        }
    }
}
