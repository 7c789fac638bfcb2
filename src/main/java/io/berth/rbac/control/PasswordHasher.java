package io.berth.rbac.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password and secret hashing: PBKDF2 with HMAC-SHA256, a random 16-byte salt per hash, and the iteration
 * count inside the stored string, so the cost can be raised later and old hashes still verify.
 * Comparison is constant-time ({@link MessageDigest#isEqual}). Stored form:
 * <pre>pbkdf2-sha256$310000$&lt;salt, base64&gt;$&lt;hash, base64&gt;</pre>
 */
public final class PasswordHasher {

    static final String SCHEME = "pbkdf2-sha256";
    static final int ITERATIONS = 310_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A hash of a well-formed dummy password: verified against when a user does not exist, so timing tells nothing. */
    private static final String DUMMY = hash("not-a-real-password".toCharArray());

    private PasswordHasher() {
    }

    public static String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = pbkdf2(password, salt, ITERATIONS);
        return SCHEME + "$" + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(hash);
    }

    /** Whether {@code password} matches {@code stored}; false for a null or malformed hash, in comparable time. */
    public static boolean verify(char[] password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            verify(password, DUMMY);
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, pbkdf2(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time of one verification; for unknown users, so that they cannot be told apart. */
    public static void verifyDummy(char[] password) {
        verify(password, DUMMY);
    }

    /** Whether a stored hash was made with a lower cost than today's and should be replaced at next login. */
    public static boolean needsRehash(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        return parts.length != 4 || !SCHEME.equals(parts[0]) || !String.valueOf(ITERATIONS).equals(parts[1]);
    }

    /** Constant-time equality of two secrets given as strings. */
    public static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
