package io.berth.auth.boundary.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConfigurationItemTest {

    @Test
    void typesAreHarborsAndNumbersOrBooleansMayComeAsStrings() {
        assertEquals("false", ConfigurationItem.SELF_REGISTRATION.parse(JsonValue.FALSE));
        assertEquals("true", ConfigurationItem.LDAP_VERIFY_CERT.parse(Json.createValue("TRUE")));
        assertEquals("45", ConfigurationItem.TOKEN_EXPIRATION.parse(Json.createValue(45)));
        assertEquals("45", ConfigurationItem.TOKEN_EXPIRATION.parse(Json.createValue(" 45")));
        assertThrows(IllegalArgumentException.class, () -> ConfigurationItem.TOKEN_EXPIRATION.parse(Json.createValue(4.5)));
        assertThrows(IllegalArgumentException.class, () -> ConfigurationItem.SELF_REGISTRATION.parse(Json.createValue(1)));
        assertThrows(IllegalArgumentException.class, () -> ConfigurationItem.LDAP_URL.parse(JsonValue.TRUE));
        assertThrows(IllegalArgumentException.class,
                () -> ConfigurationItem.LDAP_URL.parse(Json.createArrayBuilder().add("ldap://x").build()));
    }

    @Test
    void valuesAreChecked() {
        assertEquals("ldap_auth", ConfigurationItem.AUTH_MODE.parse(Json.createValue("LDAP_AUTH")));
        assertThrows(IllegalArgumentException.class, () -> ConfigurationItem.AUTH_MODE.parse(Json.createValue("oidc_auth")));
        assertThrows(IllegalArgumentException.class, () -> ConfigurationItem.TOKEN_EXPIRATION.parse(Json.createValue(0)));
        assertThrows(IllegalArgumentException.class, () -> ConfigurationItem.LDAP_URL.parse(Json.createValue("http://x")));
        assertThrows(IllegalArgumentException.class, () -> ConfigurationItem.LDAP_SCOPE.parse(Json.createValue(7)));
        assertThrows(IllegalArgumentException.class, () -> ConfigurationItem.LDAP_BASE_DN.parse(Json.createValue("dc")));
        assertThrows(IllegalArgumentException.class, () -> ConfigurationItem.LDAP_FILTER.parse(Json.createValue("(a=b")));
        assertThrows(IllegalArgumentException.class,
                () -> ConfigurationItem.PROJECT_CREATION_RESTRICTION.parse(Json.createValue("nobody")));
        assertThrows(IllegalArgumentException.class, () -> ConfigurationItem.ROBOT_NAME_PREFIX.parse(Json.createValue("a b")));
        assertEquals("ldap://a:389, ldaps://b", ConfigurationItem.LDAP_URL.parse(Json.createValue(" ldap://a:389, ldaps://b ")));
        assertEquals("pull_artifact,create_tag",
                ConfigurationItem.DISABLED_AUDIT_LOG_EVENT_TYPES.parse(Json.createValue("pull_artifact, CREATE_TAG")));
        assertThrows(IllegalArgumentException.class,
                () -> ConfigurationItem.DISABLED_AUDIT_LOG_EVENT_TYPES.parse(Json.createValue("pull_artifact,pull_secrets")));
    }

    @Test
    void anEmptyStringResetsToTheDefault() {
        assertEquals("", ConfigurationItem.LDAP_UID.parse(Json.createValue("")));
        assertEquals(Json.createValue("uid"), ConfigurationItem.LDAP_UID.toJson(null));
        assertEquals(Json.createValue(30), ConfigurationItem.TOKEN_EXPIRATION.toJson(null));
        assertEquals(JsonValue.TRUE, ConfigurationItem.LDAP_VERIFY_CERT.toJson(""));
    }

    @Test
    void aRejectedPasswordIsNeverQuotedAndTheOnlySecretIsThePassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigurationItem.LDAP_SEARCH_PASSWORD.parse(Json.createValue(12345)));
        assertFalse(e.getMessage().contains("12345"));
        assertEquals("  keep spaces  ", ConfigurationItem.LDAP_SEARCH_PASSWORD.parse(Json.createValue("  keep spaces  ")));
        assertEquals(1, Arrays.stream(ConfigurationItem.values()).filter(ConfigurationItem::secret).count());
        assertTrue(ConfigurationItem.LDAP_SEARCH_PASSWORD.secret());
    }

    @Test
    void unknownKeysAreNotItems() {
        assertTrue(ConfigurationItem.of("ldap_url").isPresent());
        assertTrue(ConfigurationItem.of("LDAP_URL").isEmpty());
        assertTrue(ConfigurationItem.of("oidc_client_secret").isEmpty());
    }
}
