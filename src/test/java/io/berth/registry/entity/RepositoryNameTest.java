package io.berth.registry.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepositoryNameTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "a/b", "library/ubuntu", "docker/stevvooe/app", "a/a/a/a", "a__b/c", "a---b/c", "aa-a/a",
            "foo/foo_bar", "foo.com/bar", "do__cker/docker", "test.example.com/my-app",
            "foo/project--id.module--name.ver---sion--name", "0/9", "a1.b2_c3__d4-e5/x",
    })
    void acceptsNamesOfTheGrammar(String name) {
        assertEquals(name, RepositoryName.parse(name).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "-a/b", "a-/b", "a/b-", "a/-b", "_a/b", "a_/b", ".a/b", "a./b", "a/b/", "/a/b", "a//b",
            "a..b/c", "a___b/c", "a._b/c", "a_.b/c", "A/b", "a/B", "Foo/FarB", "a b/c", "a/b c", "a^a/b",
            "aa/asdf$$^/aa", "____/____", "a:b/c", "a/b@sha256", "ä/b", "a/b\n",
    })
    void rejectsNamesOutsideTheGrammar(String name) {
        RegistryException e = assertThrows(RegistryException.class, () -> RepositoryName.parse(name));
        assertEquals(OciErrorCode.NAME_INVALID, e.code());
        assertEquals(400, e.status());
    }

    @Test
    void singleComponentHasNoProject() {
        RegistryException e = assertThrows(RegistryException.class, () -> RepositoryName.parse("nginx"));
        assertEquals(OciErrorCode.NAME_INVALID, e.code());
        assertTrue(e.detail().contains("<project>/<repository>"), e.detail());
    }

    @Test
    void emptyAndNullAreInvalid() {
        assertEquals(OciErrorCode.NAME_INVALID, assertThrows(RegistryException.class, () -> RepositoryName.parse("")).code());
        assertEquals(OciErrorCode.NAME_INVALID, assertThrows(RegistryException.class, () -> RepositoryName.parse(null)).code());
    }

    @Test
    void splitsProjectFromPath() {
        RepositoryName name = RepositoryName.parse("team/tools/cli");
        assertEquals("team", name.project());
        assertEquals("tools/cli", name.path());
        assertEquals("team/tools/cli", name.toString());
        assertEquals("library", RepositoryName.parse("library/nginx").project());
        assertEquals("nginx", RepositoryName.parse("library/nginx").path());
    }

    @Test
    void lengthLimitIs255() {
        String longest = "p/" + "a".repeat(253);
        assertEquals(255, longest.length());
        assertEquals(longest, RepositoryName.parse(longest).value());
        RegistryException e = assertThrows(RegistryException.class, () -> RepositoryName.parse(longest + "a"));
        assertEquals(OciErrorCode.NAME_INVALID, e.code());
        assertTrue(e.detail().contains("256"), e.detail());
    }

    @Test
    void manyComponentsWithinTheLimitAreFine() {
        String name = "a/".repeat(127) + "a";
        assertEquals(255, name.length());
        assertEquals("a", RepositoryName.parse(name).project());
    }

    @Test
    void hostileInputIsRejectedQuickly() {
        // Shapes that make backtracking regex engines work hardest: long runs that almost match.
        String[] hostile = {
                "a".repeat(10_000) + "!",
                "a-".repeat(5_000) + "!",
                "a_".repeat(5_000),
                "a/".repeat(5_000),
                "a".repeat(200) + "-".repeat(40) + "_".repeat(14) + "!",
                "p/" + "a-a_a.a__".repeat(25) + "!",
        };
        assertTimeoutPreemptively(Duration.ofMillis(500), () -> {
            for (String name : hostile) {
                assertThrows(RegistryException.class, () -> RepositoryName.parse(name));
            }
        });
    }

    @Test
    void hostileInputBelowTheLengthLimitIsRejectedQuickly() {
        // Under 255 characters the pattern does run. A backtracking blow-up would take seconds here; the
        // possessive pattern answers each in microseconds (the bound is loose for cold JIT and slow CI).
        String[] hostile = {
                "p/" + "a-".repeat(120) + "_",
                "p/" + "a".repeat(250) + "_",
                "p/" + "a__".repeat(80) + "_",
                "p/" + "a-".repeat(60) + "a_".repeat(60) + "!",
                "a.".repeat(127) + "/",
        };
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            for (int i = 0; i < 100; i++) {
                for (String name : hostile) {
                    assertTrue(name.length() <= RepositoryName.MAX_LENGTH);
                    assertThrows(RegistryException.class, () -> RepositoryName.parse(name));
                }
            }
        });
    }
}
