package io.berth.auth.control.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DistinguishedNamesTest {

    @Test
    void caseAndOptionalSpacesDoNotMatter() {
        assertTrue(DistinguishedNames.same("CN=Devs, OU=Groups,DC=Example,DC=com", "cn=devs,ou=groups,dc=example,dc=com"));
        assertTrue(DistinguishedNames.same(" cn=devs,dc=example ", "cn=devs, dc=example"));
    }

    @Test
    void escapedCharactersCompareByValue() {
        assertTrue(DistinguishedNames.same("cn=a\\,b,dc=x", "cn=a\\2cb,dc=x"));
    }

    @Test
    void differentEntriesDiffer() {
        assertFalse(DistinguishedNames.same("cn=devs,dc=example", "cn=dev,dc=example"));
        assertFalse(DistinguishedNames.same("cn=devs,ou=a,dc=example", "cn=devs,ou=b,dc=example"));
        assertFalse(DistinguishedNames.same("cn=devs,dc=example", "cn=devs,dc=example,dc=com"));
    }

    @Test
    void malformedNamesNeverMatch() {
        assertFalse(DistinguishedNames.same("not a dn", "not a dn"));
        assertFalse(DistinguishedNames.same(null, null));
        assertEquals(Optional.empty(), DistinguishedNames.normalize("cn"));
        assertFalse(DistinguishedNames.isValid("=x"));
    }

    @Test
    void normalizedFormIsLowerCaseWithoutSpaces() {
        assertEquals("cn=devs,ou=groups,dc=example", DistinguishedNames.normalize("CN=Devs, OU=Groups, DC=Example").orElseThrow());
    }
}
