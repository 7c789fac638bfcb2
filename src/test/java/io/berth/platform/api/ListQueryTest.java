package io.berth.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Harbor's {@code q} and {@code sort}, on an allow-list (CVE-2025-30086: no filtering by secrets). */
class ListQueryTest {

    private static final Set<String> KEYS = Set.of("username", "email", "op_time", "id");

    @Test
    void parsesExactAndFuzzyTermsAndSortOrders() {
        ListQuery query = ListQuery.parse("username=~ali,email=\"a@b.c\"", "-username,email", KEYS, KEYS);
        assertEquals(new ListQuery.Fuzzy("ali"), query.filters().get("username"));
        assertEquals(new ListQuery.Exact("a@b.c"), query.filters().get("email"));
        assertEquals(List.of(new ListQuery.Order("username", true), new ListQuery.Order("email", false)), query.sort());
    }

    @Test
    void parsesRangesWithOpenEndsAndHarborTimes() {
        ListQuery query = ListQuery.parse("op_time=[2026-11-01 00:00:00~2026-11-02 00:00:00],id=[5~]", null, KEYS, KEYS);
        assertEquals(new ListQuery.Range("2026-11-01 00:00:00", "2026-11-02 00:00:00"), query.filters().get("op_time"));
        assertEquals(new ListQuery.Range("5", null), query.filters().get("id"));
    }

    @Test
    void parsesAnyOfAndAllOfLists() {
        ListQuery query = ListQuery.parse("username={alice  \"bob\"},id=(1 2)", null, KEYS, KEYS);
        assertEquals(new ListQuery.AnyOf(List.of("alice", "bob")), query.filters().get("username"));
        assertEquals(new ListQuery.AllOf(List.of("1", "2")), query.filters().get("id"));
    }

    @Test
    void emptyParametersMeanNoFilterAndNoOrder() {
        ListQuery query = ListQuery.parse(null, "", KEYS, KEYS);
        assertTrue(query.filters().isEmpty());
        assertTrue(query.sort().isEmpty());
    }

    @Test
    void refusesKeysOutsideTheAllowListAndMalformedTerms() {
        for (String q : List.of("password_hash=~pbkdf2", "passwordHash=x", "username", "=x", "id=[~]", "id=[1 2]",
                "id={}", "id=(1 2", "id=1,id=2")) {
            assertThrows(ApiException.class, () -> ListQuery.parse(q, null, KEYS, KEYS), q);
        }
        assertThrows(ApiException.class, () -> ListQuery.parse(null, "password_hash", KEYS, KEYS));
        assertThrows(ApiException.class, () -> ListQuery.parse(null, "-failed_logins", KEYS, KEYS));
    }

    @Test
    void convertsValuesToTheAttributeTypeOrRefusesThem() {
        assertEquals(42L, QueryFields.convert(long.class, "id", "42"));
        assertEquals(Boolean.TRUE, QueryFields.convert(Boolean.class, "public", "TRUE"));
        assertEquals(Instant.parse("2026-11-01T10:00:00Z"), QueryFields.convert(Instant.class, "t", "2026-11-01 10:00:00"));
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), QueryFields.convert(Instant.class, "t", "2026-11-01"));
        assertEquals(Instant.parse("2026-11-01T09:00:00Z"), QueryFields.convert(Instant.class, "t", "2026-11-01T10:00:00+01:00"));
        assertEquals(LocalDateTime.parse("2026-11-01T10:00:00"), QueryFields.convert(LocalDateTime.class, "t", "2026-11-01 10:00:00"));
        for (String bad : List.of("x", "1e3", "")) {
            assertThrows(ApiException.class, () -> QueryFields.convert(Long.class, "id", bad), bad);
        }
        assertThrows(ApiException.class, () -> QueryFields.convert(Boolean.class, "public", "yes"));
        assertThrows(ApiException.class, () -> QueryFields.convert(Instant.class, "t", "yesterday"));
    }

    @Test
    void upperEndsOfTimeRangesTakeInTheWholeSecondOrDay() {
        assertEquals(Instant.parse("2026-11-01T10:00:00.999Z"), QueryFields.upperBound(Instant.class, "t", "2026-11-01 10:00:00"));
        assertEquals(Instant.parse("2026-11-01T23:59:59.999Z"), QueryFields.upperBound(Instant.class, "t", "2026-11-01"));
        assertEquals(Instant.parse("2026-11-01T10:00:00.250Z"), QueryFields.upperBound(Instant.class, "t", "2026-11-01T10:00:00.250Z"));
        assertEquals(7L, QueryFields.upperBound(Long.class, "id", "7"));
    }

    @Test
    void likePatternsTreatWildcardsAsText() {
        assertEquals("%a!%b!_c!!%", Likes.containing("A%b_c!"));
    }
}
