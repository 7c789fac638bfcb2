package io.berth.auth.control.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.SearchScope;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LdapSettingsTest {

    @Test
    void harborsDefaultsApplyToUnsetKeys() {
        LdapSettings s = LdapSettings.of(key -> null);

        assertFalse(s.configured());
        assertEquals("uid", s.uidAttribute());
        assertEquals(SearchScope.SUB, s.scope());
        assertEquals(5, s.timeoutSeconds());
        assertTrue(s.verifyCert());
        assertEquals("cn", s.groupNameAttribute());
        assertEquals("memberof", s.membershipAttribute());
        assertEquals(SearchScope.SUB, s.groupScope());
        assertNull(s.userFilter());
    }

    @Test
    void scopesAreHarborsNumbers() {
        assertEquals(SearchScope.BASE, LdapSettings.of(Map.of(LdapSettings.SCOPE, "0")::get).scope());
        assertEquals(SearchScope.ONE, LdapSettings.of(Map.of(LdapSettings.GROUP_SCOPE, "1")::get).groupScope());
        assertThrows(IllegalArgumentException.class, () -> LdapSettings.of(Map.of(LdapSettings.SCOPE, "3")::get));
    }

    @Test
    void badValuesNameTheirKey() {
        assertEquals("ldap_timeout must be between 1 and 300", assertThrows(IllegalArgumentException.class,
                () -> LdapSettings.of(Map.of(LdapSettings.TIMEOUT, "0")::get)).getMessage());
        assertEquals("ldap_base_dn: not a valid DN", assertThrows(IllegalArgumentException.class,
                () -> LdapSettings.of(Map.of(LdapSettings.BASE_DN, "nonsense")::get)).getMessage());
        assertEquals("ldap_uid: not a valid attribute name", assertThrows(IllegalArgumentException.class,
                () -> LdapSettings.of(Map.of(LdapSettings.UID, "uid)(cn=*")::get)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> LdapSettings.of(Map.of(LdapSettings.VERIFY_CERT, "yes")::get));
    }

    @Test
    void theGroupSearchFallsBackToTheUserBaseDn() {
        assertEquals("dc=example", LdapSettings.of(Map.of(LdapSettings.BASE_DN, "dc=example")::get).groupSearchBase());
        assertEquals("ou=g,dc=example", LdapSettings.of(Map.of(LdapSettings.BASE_DN, "dc=example",
                LdapSettings.GROUP_BASE_DN, "ou=g,dc=example")::get).groupSearchBase());
    }

    @Test
    void thePasswordNeverAppearsInToString() {
        LdapSettings s = LdapSettings.of(Map.of(LdapSettings.SEARCH_PASSWORD, "Sup3r-Secret")::get);

        assertFalse(s.toString().contains("Sup3r-Secret"), s.toString());
        assertTrue(s.toString().contains("searchPassword=(set)"));
    }
}
