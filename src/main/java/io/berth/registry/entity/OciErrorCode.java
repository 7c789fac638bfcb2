package io.berth.registry.entity;

/**
 * The error catalogue of the registry API: every {@code code} Berth puts in an
 * {@code {"errors":[{"code","message","detail"}]}} body, with the HTTP status it travels with.
 * <p>
 * The codes and messages are those of the OCI Distribution Specification 1.1 ("Error Codes") and of
 * distribution/distribution ({@code registry/api/errcode/register.go}), which Docker, containerd, Harbor and
 * most clients grew up against. The specification gives codes but no statuses; where a status is not fixed by
 * an endpoint rule of the specification, distribution's status is used, except where noted on the constant.
 * The enum name is the wire code ({@link #name()}), so {@code TOOMANYREQUESTS} has no underscore, as in the
 * specification.
 * <p>
 * A status can be overridden for one response with {@link RegistryException#withStatus(int)}; the only place
 * Berth does that is an oversized manifest ({@link RegistryException#manifestTooLarge(long, long)}).
 */
public enum OciErrorCode {

    /** A blob GET, HEAD or DELETE named a digest this repository does not hold. */
    BLOB_UNKNOWN(404, "blob unknown to registry"),

    /**
     * The upload cannot proceed (bad upload state, missing length, chunk the store refused). distribution
     * sends 404 here, a leftover from treating the session as gone; Berth sends 400 like zot: the request is
     * at fault, the specification's endpoint table lists 400 among the failures of upload requests, and a 404
     * would be indistinguishable from {@link #BLOB_UPLOAD_UNKNOWN}.
     */
    BLOB_UPLOAD_INVALID(400, "blob upload invalid"),

    /** The upload session does not exist (never started, cancelled, completed or expired). */
    BLOB_UPLOAD_UNKNOWN(404, "blob upload unknown to registry"),

    /**
     * A digest is malformed or unsupported, or uploaded content does not hash to the digest the client named.
     * distribution also uses it for a malformed descriptor digest inside a manifest.
     */
    DIGEST_INVALID(400, "provided digest did not match uploaded content"),

    /**
     * A pushed manifest references a blob or child manifest the repository does not hold. 400 as in
     * distribution (and therefore Harbor): the request is the problem, not the URL. Not used for a missing
     * {@code subject}, which the specification says a registry MUST accept.
     */
    MANIFEST_BLOB_UNKNOWN(400, "blob unknown to registry"),

    /** A manifest failed validation; the detail says which rule. Also the code of an oversized manifest. */
    MANIFEST_INVALID(400, "manifest invalid"),

    /** No manifest with that tag or digest in the repository. */
    MANIFEST_UNKNOWN(404, "manifest unknown"),

    /** The repository name does not follow the grammar (or Berth's {@code <project>/<repository>} rule). */
    NAME_INVALID(400, "invalid repository name"),

    /** The repository (or its project) does not exist. */
    NAME_UNKNOWN(404, "repository name not known to registry"),

    /** A declared length (Content-Length, descriptor size) does not match the bytes received. */
    SIZE_INVALID(400, "provided length did not match content length"),

    /** No or bad credentials; sent with a {@code WWW-Authenticate} challenge. */
    UNAUTHORIZED(401, "authentication required"),

    /** Authenticated, but not allowed to do this to this resource. */
    DENIED(403, "requested access to the resource is denied"),

    /**
     * The operation is not supported (disabled deletion, unsupported mount, read-only registry).
     * 405 as in distribution; the specification asks for 400 or 405 where deletion is disabled, and 415 is
     * nowhere in it.
     */
    UNSUPPORTED(405, "The operation is unsupported."),

    /** Rate limited. */
    TOOMANYREQUESTS(429, "too many requests"),

    /**
     * An upload chunk is out of order or its Content-Range is malformed, or a blob Range cannot be satisfied.
     * Not in the specification's code table, but the specification requires 416 for out-of-order chunks and
     * distribution sends this code with it.
     */
    RANGE_INVALID(416, "invalid content range"),

    /**
     * A tag reference is malformed. distribution's message predates that use (it comes from schema1, where
     * the manifest carried its tag); the specification lists the code as an optional legacy one.
     */
    TAG_INVALID(400, "manifest tag did not match URI"),

    /** The {@code n} of a paginated listing is not a non-negative integer, or is too large. */
    PAGINATION_NUMBER_INVALID(400, "invalid number of results requested"),

    /** The registry is temporarily unable to serve (maintenance, storage unavailable). */
    UNAVAILABLE(503, "service unavailable"),

    /** Last resort for a failure without a better code; clients treat unknown codes this way too. */
    UNKNOWN(500, "unknown error");

    private final int status;
    private final String message;

    OciErrorCode(int status, String message) {
        this.status = status;
        this.message = message;
    }

    /** The HTTP status this code is sent with, unless a {@link RegistryException} overrides it. */
    public int status() {
        return status;
    }

    /** The default human-readable {@code message} of the error body. */
    public String message() {
        return message;
    }
}
