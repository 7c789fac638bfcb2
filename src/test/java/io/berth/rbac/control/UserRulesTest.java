package io.berth.rbac.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.platform.api.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Harbor's password policy (8+ characters, upper, lower, digit; Berth caps at 128) and user field rules. */
class UserRulesTest {

    @Test
    void passwordPolicy() {
        for (String ok : List.of("Abcdefg1", "Passw0rd-with-more", "Aa1" + "x".repeat(125))) {
            assertDoesNotThrow(() -> UserRules.password(ok), ok);
        }
        for (String bad : List.of("", "Abcdef1", "abcdefg1", "ABCDEFG1", "Abcdefgh", "Aa1" + "x".repeat(126))) {
            assertThrows(ApiException.class, () -> UserRules.password(bad), bad);
        }
        assertThrows(ApiException.class, () -> UserRules.password(null));
    }

    @Test
    void usernames() {
        for (String ok : List.of("alice", "alice.smith", "Alice Smith", "a-b_c")) {
            assertDoesNotThrow(() -> UserRules.username(ok), ok);
        }
        for (String bad : List.of("", " ", " alice", "alice ", "al:ice", "robot$x", "a,b", "a\"b", "a~b", "a#b",
                "a%b", "a$b", "a\nb", "x".repeat(256))) {
            assertThrows(ApiException.class, () -> UserRules.username(bad), bad);
        }
        assertThrows(ApiException.class, () -> UserRules.username(null));
    }

    @Test
    void profiles() {
        assertDoesNotThrow(() -> UserRules.profile("a@example.com", "Alice", null));
        assertThrows(ApiException.class, () -> UserRules.profile("", "Alice", null));
        assertThrows(ApiException.class, () -> UserRules.profile("not-an-email", "Alice", null));
        assertThrows(ApiException.class, () -> UserRules.profile("a@example", "Alice", null));
        assertThrows(ApiException.class, () -> UserRules.profile("a@example.com", "", null));
        assertThrows(ApiException.class, () -> UserRules.profile("a@example.com", "Al#ice", null));
        assertThrows(ApiException.class, () -> UserRules.profile("a@example.com", "Alice", "c".repeat(1025)));
    }
}
