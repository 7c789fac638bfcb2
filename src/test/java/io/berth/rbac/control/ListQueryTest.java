package io.berth.rbac.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.platform.api.ApiException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Harbor's {@code q} and {@code sort}, on an allow-list (CVE-2025-30086: no filtering by secrets). */
class ListQueryTest {

    private static final Set<String> KEYS = Set.of("username", "email");

    @Test
    void parsesExactAndFuzzyTermsAndSortOrders() {
        ListQuery query = ListQuery.parse("username=~ali,email=\"a@b.c\"", "-username,email", KEYS, KEYS);
        assertEquals(new ListQuery.Match("ali", true), query.filters().get("username"));
        assertEquals(new ListQuery.Match("a@b.c", false), query.filters().get("email"));
        assertEquals(List.of(new ListQuery.Order("username", true), new ListQuery.Order("email", false)), query.sort());
    }

    @Test
    void emptyParametersMeanNoFilterAndNoOrder() {
        ListQuery query = ListQuery.parse(null, "", KEYS, KEYS);
        assertTrue(query.filters().isEmpty());
        assertTrue(query.sort().isEmpty());
    }

    @Test
    void refusesKeysOutsideTheAllowListAndUnsupportedForms() {
        for (String q : List.of("password_hash=~pbkdf2", "passwordHash=x", "username", "=x", "username=[a~b]",
                "username={a b}", "username=(a b)")) {
            assertThrows(ApiException.class, () -> ListQuery.parse(q, null, KEYS, KEYS), q);
        }
        assertThrows(ApiException.class, () -> ListQuery.parse(null, "password_hash", KEYS, KEYS));
        assertThrows(ApiException.class, () -> ListQuery.parse(null, "-failed_logins", KEYS, KEYS));
    }

    @Test
    void likePatternsTreatWildcardsAsText() {
        assertEquals("%a!%b!_c!!%", Likes.containing("A%b_c!"));
    }
}
