package io.berth.registry.entity;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tag: the movable, human-readable name of a manifest in a repository.
 * <p>
 * The grammar is the OCI Distribution Specification's, {@code [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}}: at most
 * 128 characters, never starting with {@code .} or {@code -}. Case is preserved and significant
 * ({@code Latest} and {@code latest} are two tags), as in every registry. The constructor validates, so a
 * {@code Tag} value is always a valid one.
 *
 * @param value the tag text
 */
public record Tag(String value) implements Reference {

    /** Longest tag the specification allows. */
    public static final int MAX_LENGTH = 128;

    private static final Pattern GRAMMAR = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");
    /** cosign's tag for the signatures of {@code sha256:<hex>} when it does not use the referrers API. */
    private static final Pattern COSIGN_SIGNATURE = Pattern.compile("sha256-([a-f0-9]{64})\\.sig");

    /**
     * @throws RegistryException {@link OciErrorCode#TAG_INVALID} if {@code value} is not a valid tag
     */
    public Tag {
        if (value == null || value.isEmpty()) {
            throw new RegistryException(OciErrorCode.TAG_INVALID, "tag is empty");
        }
        // Length first: the pattern is bounded anyway, but this gives the clearer detail.
        if (value.length() > MAX_LENGTH) {
            throw new RegistryException(OciErrorCode.TAG_INVALID, "tag is " + value.length()
                    + " characters, at most " + MAX_LENGTH + " are allowed: " + RegistryException.quote(value));
        }
        if (!GRAMMAR.matcher(value).matches()) {
            throw new RegistryException(OciErrorCode.TAG_INVALID, "invalid tag " + RegistryException.quote(value)
                    + ": tags match [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");
        }
    }

    /** Same as the constructor; reads better at call sites that parse request input. */
    public static Tag parse(String value) {
        return new Tag(value);
    }

    /**
     * The digest whose signature this tag names under cosign's tag scheme ({@code sha256-<hex>.sig}, as cosign
     * pushes signatures without {@code --registry-referrers-mode}); empty for any other tag, {@code .att} and
     * {@code .sbom} included.
     */
    public Optional<Digest> cosignSignatureSubject() {
        Matcher matcher = COSIGN_SIGNATURE.matcher(value);
        return matcher.matches() ? Optional.of(Digest.parse(Digest.SHA256 + ":" + matcher.group(1))) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
