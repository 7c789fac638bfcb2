package io.berth.auth.control;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;

/**
 * Key IDs for the {@code kid} header of registry tokens. Docker's libtrust fingerprint is what distribution 2.x
 * and Harbor put there, and what registries configured with Harbor's certificate expect: the SHA-256 of the
 * DER-encoded SubjectPublicKeyInfo, truncated to 240 bits, in base32 (RFC 4648 alphabet, no padding), as 12 groups
 * of 4 characters joined with {@code :} (libtrust {@code keyIDFromCryptoKey} and {@code keyIDEncode}):
 * <pre>ABCD:EFGH:IJKL:MNOP:QRST:UVWX:YZ23:4567:ABCD:EFGH:IJKL:MNOP</pre>
 */
public final class KeyIds {

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private KeyIds() {
    }

    /** The libtrust key ID of {@code key}; {@link PublicKey#getEncoded()} is the SubjectPublicKeyInfo DER. */
    public static String libtrust(PublicKey key) {
        try {
            byte[] hash = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()), 30);
            String encoded = base32(hash);
            StringBuilder id = new StringBuilder();
            for (int i = 0; i < encoded.length(); i += 4) {
                if (i > 0) {
                    id.append(':');
                }
                id.append(encoded, i, Math.min(i + 4, encoded.length()));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** RFC 4648 base32 without padding. */
    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }
}
