package io.berth.registry.entity;

/**
 * The {@code <reference>} of {@code /v2/<name>/manifests/<reference>}: a {@link Tag} or a {@link Digest},
 * and nothing else.
 * <p>
 * {@link #parse(String)} decides by the colon, which a tag can never contain: anything with a colon is held
 * to the digest grammar, so {@code sha256:ABC} is reported as {@code DIGEST_INVALID} rather than as a bad tag,
 * and everything else to the tag grammar ({@code TAG_INVALID}). Being sealed, a {@code switch} over a
 * reference is checked for exhaustiveness by the compiler.
 */
public sealed interface Reference permits Tag, Digest {

    /**
     * Parses a reference from a URL path segment.
     *
     * @throws RegistryException {@link OciErrorCode#DIGEST_INVALID} for a malformed digest,
     *                           {@link OciErrorCode#TAG_INVALID} for a malformed tag
     */
    static Reference parse(String text) {
        if (text != null && text.indexOf(':') >= 0) {
            return Digest.parse(text);
        }
        return Tag.parse(text);
    }

    /** Whether this reference names content by digest (immutable) rather than by tag (movable). */
    default boolean isDigest() {
        return this instanceof Digest;
    }

    /**
     * This reference as a digest.
     *
     * @throws IllegalStateException if it is a tag; check {@link #isDigest()} first
     */
    default Digest asDigest() {
        if (this instanceof Digest digest) {
            return digest;
        }
        throw new IllegalStateException("reference " + this + " is a tag, not a digest");
    }

    /**
     * This reference as a tag.
     *
     * @throws IllegalStateException if it is a digest; check {@link #isDigest()} first
     */
    default Tag asTag() {
        if (this instanceof Tag tag) {
            return tag;
        }
        throw new IllegalStateException("reference " + this + " is a digest, not a tag");
    }
}
