package io.berth.auth.control.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LdapServerTest {

    @Test
    void severalUrlsSeparatedByCommasOrSpacesKeepTheirOrder() {
        assertEquals(List.of(new LdapServer(false, "a.example", 389), new LdapServer(true, "b.example", 636),
                        new LdapServer(false, "c.example", 1389)),
                LdapServer.parseList("ldap://a.example, ldaps://b.example  ldap://c.example:1389"));
    }

    @Test
    void aBareHostMeansLdap() {
        assertEquals(List.of(new LdapServer(false, "dir.example", 389)), LdapServer.parseList("dir.example"));
        assertEquals(List.of(new LdapServer(false, "::1", 10389)), LdapServer.parseList("ldap://[::1]:10389"));
        assertTrue(LdapServer.parseList("  ").isEmpty());
    }

    @Test
    void otherSchemesAndExtrasAreRefused() {
        for (String bad : List.of("http://dir.example", "file:///etc/passwd", "ldap://user:pw@dir.example",
                "ldap://dir.example/dc=example", "ldap://dir.example?x", "ldap://:389", "ldap://dir.example:70000")) {
            assertThrows(IllegalArgumentException.class, () -> LdapServer.parseList(bad), bad);
        }
    }

    @Test
    void printsAsAUrl() {
        assertEquals("ldaps://b.example:636", new LdapServer(true, "b.example", 636).toString());
        assertEquals("ldap://[::1]:389", new LdapServer(false, "::1", 389).toString());
    }
}
