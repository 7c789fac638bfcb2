package io.berth.auth.control.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import java.util.List;
import org.junit.jupiter.api.Test;

class LdapFiltersTest {

    private static final Filter PERSON = LdapFilters.parse("ldap_filter", "(objectClass=person)");

    @Test
    void escapesTheCharactersRfc4515Requires() {
        assertEquals("\\2a\\29\\28uid=\\2a", LdapFilters.escape("*)(uid=*"));
        assertEquals("a\\5cb\\00c", LdapFilters.escape("a\\b\u0000c"));
        assertEquals("plain.name-1", LdapFilters.escape("plain.name-1"));
    }

    @Test
    void aNameEntersTheUserFilterOnlyAsAnEscapedValue() {
        Filter filter = LdapFilters.equalityWithin(PERSON, "uid", "*)(uid=*");

        assertEquals("(&(objectClass=person)(uid=\\2a\\29\\28uid=\\2a))", filter.toString());
        assertEquals(Filter.FILTER_TYPE_AND, filter.getFilterType());
        assertEquals(2, filter.getComponents().length, "the value cannot add filter components");
    }

    @Test
    void anInjectedFilterMatchesNothingButItsLiteralValue() throws Exception {
        Entry alice = new Entry("uid=alice,dc=example,dc=com", new Attribute("objectClass", "person"),
                new Attribute("uid", "alice"));

        assertFalse(LdapFilters.equalityWithin(PERSON, "uid", "*)(uid=*").matchesEntry(alice));
        assertFalse(LdapFilters.equalityWithin(PERSON, "uid", "*").matchesEntry(alice));
        assertTrue(LdapFilters.equalityWithin(PERSON, "uid", "alice").matchesEntry(alice));
    }

    @Test
    void anAdministratorsFilterMayOmitTheOuterParentheses() {
        assertEquals("(objectClass=person)", LdapFilters.parse("ldap_filter", "objectClass=person").toString());
        assertNull(LdapFilters.parse("ldap_filter", "  "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LdapFilters.parse("ldap_filter", "(&(objectClass=person)"));
        assertTrue(e.getMessage().startsWith("ldap_filter"));
    }

    @Test
    void theMemberSearchAsksForBothMembershipAttributes() {
        Filter filter = LdapFilters.groupsWithMembers(null, List.of("uid=a*,dc=x"));

        assertEquals("(|(member=uid=a\\2a,dc=x)(uniqueMember=uid=a\\2a,dc=x))", filter.toString());
    }

    @Test
    void attributeNamesAreCheckedBeforeTheyEnterAFilter() {
        assertTrue(LdapFilters.isAttributeName("sAMAccountName"));
        assertTrue(LdapFilters.isAttributeName("2.5.4.3"));
        assertTrue(LdapFilters.isAttributeName("cn;lang-en"));
        assertFalse(LdapFilters.isAttributeName("uid)(cn=*"));
        assertFalse(LdapFilters.isAttributeName("uid=x"));
        assertFalse(LdapFilters.isAttributeName(""));
    }
}
