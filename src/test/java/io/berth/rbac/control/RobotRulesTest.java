package io.berth.rbac.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.platform.api.ApiException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Harbor's robot name grammar, its secret rule, generated secrets and durations. */
class RobotRulesTest {

    @Test
    void namesFollowHarborsGrammar() {
        for (String ok : List.of("a", "ci", "ci-bot", "ci.bot_2", "0", "a-b.c_d")) {
            assertDoesNotThrow(() -> RobotRules.name(ok), ok);
        }
        for (String bad : List.of("", "CI", "ci+bot", "robot$ci", "-ci", "ci-", "ci..bot", "ci bot", "ci/bot", "ci:bot", "é")) {
            assertThrows(ApiException.class, () -> RobotRules.name(bad), bad);
        }
        assertThrows(ApiException.class, () -> RobotRules.name(null));
        assertThrows(ApiException.class, () -> RobotRules.fullName("robot$" + "n".repeat(250)));
        assertDoesNotThrow(() -> RobotRules.fullName("robot$" + "n".repeat(249)));
    }

    @Test
    void chosenSecretsNeedLengthAndThreeClasses() {
        for (String ok : List.of("Abcdefg1", "Aa1" + "x".repeat(125))) {
            assertTrue(RobotRules.isValidSecret(ok), ok);
        }
        for (String bad : List.of("", "Abcdef1", "abcdefg1", "ABCDEFG1", "Abcdefgh", "Aa1" + "x".repeat(126))) {
            assertFalse(RobotRules.isValidSecret(bad), bad);
            ApiException refused = assertThrows(ApiException.class, () -> RobotRules.secret(bad));
            assertFalse(!bad.isEmpty() && refused.getMessage().contains(bad), "the message never repeats the secret");
        }
        assertFalse(RobotRules.isValidSecret(null));
    }

    @Test
    void generatedSecretsAreLongValidAndDifferent() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String secret = RobotRules.generateSecret();
            assertEquals(32, secret.length());
            assertTrue(RobotRules.isValidSecret(secret), secret);
            assertTrue(secret.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128), secret);
            assertTrue(seen.add(secret));
        }
    }

    @Test
    void durations() {
        assertEquals(30, RobotRules.duration(null, 30));
        assertEquals(45, RobotRules.duration(0L, 45));
        assertEquals(30, RobotRules.duration(null, 0), "a broken setting falls back to Harbor's 30 days");
        assertEquals(-1, RobotRules.duration(-1L, 30));
        assertEquals(1, RobotRules.duration(1L, 30));
        assertEquals(RobotRules.MAX_DURATION_DAYS, RobotRules.duration((long) RobotRules.MAX_DURATION_DAYS, 30));
        for (long bad : new long[] {-2, -1000, RobotRules.MAX_DURATION_DAYS + 1L, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThrows(ApiException.class, () -> RobotRules.duration(bad, 30), Long.toString(bad));
        }
    }
}
