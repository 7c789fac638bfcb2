package io.berth.rbac.control;

import io.berth.platform.api.ApiException;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Harbor's rules for robot input ({@code src/server/v2.0/handler/robot.go}), and secret generation.
 * <ul>
 * <li>Name: lower-case letters and digits, separated by single {@code .}, {@code _} or {@code -} (so no
 * {@code +} or {@code $}, which the full name uses to mark project and prefix).</li>
 * <li>Secret chosen by the caller: 8 to 128 characters with an upper-case letter, a lower-case letter and a
 * digit ({@code isValidSec}).</li>
 * <li>Generated secret: 32 characters of {@code [A-Za-z0-9]} (about 190 bits) passing the same rule, as Harbor's
 * {@code CreateSec}.</li>
 * <li>Duration: days, {@code -1} for never; absent or {@code 0} means the {@code robot_token_duration} setting.
 * The upper bound keeps the expiry within what both databases can store.</li>
 * </ul>
 * Messages never repeat a secret.
 */
public final class RobotRules {

    public static final int NEVER = -1;
    static final int MAX_DURATION_DAYS = 1_000_000;
    static final int MAX_FULL_NAME = 255;
    static final int GENERATED_LENGTH = 32;
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RobotRules() {
    }

    /** 400 unless {@code name} follows Harbor's robot name grammar. */
    public static void name(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.badRequest("robot name must be lower-case letters and digits, separated by single . _ or -");
        }
    }

    /** 400 unless the full name (prefix, project, name) fits the name column. */
    public static void fullName(String fullName) {
        if (fullName.length() > MAX_FULL_NAME) {
            throw ApiException.badRequest("robot name too long: the full name may have at most %d characters", MAX_FULL_NAME);
        }
    }

    /** Whether {@code secret} passes Harbor's rule for secrets chosen by a caller. */
    public static boolean isValidSecret(String secret) {
        return secret != null && secret.length() >= 8 && secret.length() <= 128
                && secret.chars().anyMatch(c -> c >= 'a' && c <= 'z')
                && secret.chars().anyMatch(c -> c >= 'A' && c <= 'Z')
                && secret.chars().anyMatch(c -> c >= '0' && c <= '9');
    }

    /** 400 unless {@link #isValidSecret}. */
    public static void secret(String secret) {
        if (!isValidSecret(secret)) {
            throw ApiException.badRequest("the secret must be 8 to 128 characters with at least one upper-case letter,"
                    + " one lower-case letter and one digit");
        }
    }

    /** A new random secret that passes {@link #isValidSecret}. */
    public static String generateSecret() {
        while (true) {
            StringBuilder secret = new StringBuilder(GENERATED_LENGTH);
            for (int i = 0; i < GENERATED_LENGTH; i++) {
                secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            // Few draws lack a class (about 1 in 300); drawing again keeps every character uniformly random.
            if (isValidSecret(secret.toString())) {
                return secret.toString();
            }
        }
    }

    /** The duration in days to store: {@code requested}, or {@code defaultDays} when absent or 0; 400 when invalid. */
    public static int duration(Long requested, int defaultDays) {
        if (requested == null || requested == 0) {
            return defaultDays > 0 ? Math.min(defaultDays, MAX_DURATION_DAYS) : 30;
        }
        if (requested != NEVER && (requested < 1 || requested > MAX_DURATION_DAYS)) {
            throw ApiException.badRequest("duration must be -1 (never) or between 1 and %d days", MAX_DURATION_DAYS);
        }
        return requested.intValue();
    }
}
