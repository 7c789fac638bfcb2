package io.berth.auth.control;

import io.berth.rbac.control.PasswordHasher;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF tokens for cookie-authenticated API calls: 32 random bytes per session, compared in constant time
 * (CVE-2019-19025 was Harbor's missing check; CVE-2023-20902 a timing-unsafe comparison of secrets).
 */
public final class CsrfTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code presented} is the session's token; false when either is missing. */
    public static boolean matches(String expected, String presented) {
        return expected != null && presented != null && !presented.isEmpty()
                && PasswordHasher.constantTimeEquals(expected, presented);
    }
}
