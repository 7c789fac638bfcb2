package io.berth.registry.entity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A content digest, {@code algorithm ":" encoded}, the identity of every blob and manifest.
 * <p>
 * The grammar is the OCI image-spec's ({@code descriptor.md}, "Digests"):
 * <pre>
 * digest              := algorithm ":" encoded
 * algorithm           := algorithm-component (algorithm-separator algorithm-component)*
 * algorithm-component := /[a-z0-9]+/
 * algorithm-separator := /[+._-]/
 * encoded             := /[a-zA-Z0-9=_-]+/
 * </pre>
 * On top of the grammar only the registered algorithms are accepted: {@code sha256} (64 lowercase hex
 * characters) and {@code sha512} (128). The image-spec says implementations SHOULD let well-formed digests
 * of unknown algorithms pass validation; a registry cannot do that, because it must hash what it stores and
 * an unverifiable digest would let anyone claim any identity. distribution (go-digest) rejects them too.
 * Upper-case hex is rejected rather than lower-cased: two spellings of one digest would give one blob two
 * names in URLs, database keys and storage paths.
 * <p>
 * Every construction path validates, so holding a {@code Digest} means holding a valid one. Failures are
 * {@link RegistryException}s with {@link OciErrorCode#DIGEST_INVALID}.
 *
 * @param algorithm the registered algorithm identifier, {@code sha256} or {@code sha512}
 * @param encoded   the lowercase hex encoding of the hash
 */
public record Digest(String algorithm, String encoded) implements Reference {

    public static final String SHA256 = "sha256";
    public static final String SHA512 = "sha512";

    /** Registered algorithm → JCA name and hex length. */
    private static final Map<String, Algorithm> ALGORITHMS = Map.of(
            SHA256, new Algorithm("SHA-256", 64),
            SHA512, new Algorithm("SHA-512", 128));

    /** No valid digest is longer (sha512: 7 + 128); checked first so hostile input costs nothing. */
    private static final int MAX_LENGTH = 255;

    private static final Pattern ALGORITHM_GRAMMAR = Pattern.compile("[a-z0-9]++(?:[+._-][a-z0-9]++)*+");
    private static final Pattern ENCODED_GRAMMAR = Pattern.compile("[a-zA-Z0-9=_-]++");
    private static final Pattern LOWER_HEX = Pattern.compile("[a-f0-9]++");

    private record Algorithm(String jcaName, int hexLength) {
    }

    /** Validates both parts; see the class description for the rules. */
    public Digest {
        if (algorithm == null || encoded == null) {
            throw new RegistryException(OciErrorCode.DIGEST_INVALID, "digest algorithm and encoded part are required");
        }
        Algorithm known = ALGORITHMS.get(algorithm);
        if (known == null) {
            if (algorithm.length() <= MAX_LENGTH && ALGORITHM_GRAMMAR.matcher(algorithm).matches()) {
                throw new RegistryException(OciErrorCode.DIGEST_INVALID, "unsupported digest algorithm "
                        + RegistryException.quote(algorithm) + "; supported are sha256 and sha512");
            }
            throw new RegistryException(OciErrorCode.DIGEST_INVALID,
                    "malformed digest algorithm " + RegistryException.quote(algorithm));
        }
        if (encoded.length() != known.hexLength() || !LOWER_HEX.matcher(encoded).matches()) {
            throw new RegistryException(OciErrorCode.DIGEST_INVALID, algorithm + " digest must be "
                    + known.hexLength() + " lowercase hex characters, got " + RegistryException.quote(encoded));
        }
    }

    /**
     * Parses {@code algorithm:encoded}.
     *
     * @throws RegistryException {@link OciErrorCode#DIGEST_INVALID} if the text is not a digest of a
     *                           registered algorithm
     */
    public static Digest parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new RegistryException(OciErrorCode.DIGEST_INVALID, "digest is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new RegistryException(OciErrorCode.DIGEST_INVALID,
                    "digest is longer than " + MAX_LENGTH + " characters: " + RegistryException.quote(text));
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new RegistryException(OciErrorCode.DIGEST_INVALID,
                    "digest must have the form <algorithm>:<encoded>, got " + RegistryException.quote(text));
        }
        String algorithm = text.substring(0, colon);
        String encoded = text.substring(colon + 1);
        // Grammar first, so "sha256:ABC" and "sha256:a:b" are reported as what they are.
        if (!ALGORITHM_GRAMMAR.matcher(algorithm).matches() || !ENCODED_GRAMMAR.matcher(encoded).matches()) {
            throw new RegistryException(OciErrorCode.DIGEST_INVALID, "malformed digest " + RegistryException.quote(text));
        }
        return new Digest(algorithm, encoded);
    }

    /** The SHA-256 digest of {@code content} (not a wrapper around an already computed hash). */
    public static Digest sha256(byte[] content) {
        return compute(SHA256, content);
    }

    /** Hashes {@code content} with a registered algorithm. */
    public static Digest compute(String algorithm, byte[] content) {
        MessageDigest md = messageDigest(algorithm);
        return of(algorithm, md.digest(content));
    }

    /** Wraps an already computed hash, e.g. from {@link #newMessageDigest()} after streaming a blob. */
    public static Digest of(String algorithm, byte[] hash) {
        return new Digest(algorithm, HexFormat.of().formatHex(hash));
    }

    /** Whether {@code algorithm} is one this registry can verify. */
    public static boolean isSupportedAlgorithm(String algorithm) {
        return algorithm != null && ALGORITHMS.containsKey(algorithm);
    }

    /** A fresh hasher for this digest's algorithm, to verify streamed content against it. */
    public MessageDigest newMessageDigest() {
        return messageDigest(algorithm);
    }

    /** Whether {@code content} hashes to this digest. */
    public boolean matches(byte[] content) {
        return MessageDigest.isEqual(newMessageDigest().digest(content), HexFormat.of().parseHex(encoded));
    }

    /** The first two characters of the encoded part: the fan-out directory of the storage layout. */
    public String hexPrefix() {
        return encoded.substring(0, 2);
    }

    @Override
    public String toString() {
        return algorithm + ":" + encoded;
    }

    private static MessageDigest messageDigest(String algorithm) {
        Algorithm known = algorithm == null ? null : ALGORITHMS.get(algorithm);
        if (known == null) {
            throw new RegistryException(OciErrorCode.DIGEST_INVALID,
                    "unsupported digest algorithm " + RegistryException.quote(algorithm));
        }
        try {
            return MessageDigest.getInstance(known.jcaName());
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 and SHA-512.
            throw new IllegalStateException(known.jcaName() + " is not available", e);
        }
    }
}
