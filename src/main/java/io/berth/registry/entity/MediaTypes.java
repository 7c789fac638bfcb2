package io.berth.registry.entity;

import java.util.Locale;
import java.util.Set;

/**
 * The media types the registry recognises, and the predicates that sort manifests from everything else.
 * <p>
 * Sources: OCI image-spec 1.1 ({@code media-types.md}, {@code manifest.md}, {@code image-index.md}), the
 * Docker image manifest v2 schema 2 document, and the well-known artifact types of Helm, cosign/sigstore and
 * Notation (used for display and referrer filtering; the registry stores any artifact type).
 * <p>
 * Only the four schema-2/OCI manifest and index types are accepted on the manifests endpoint. Docker schema 1
 * types are listed only so they can be recognised and refused with a helpful detail: Docker removed schema 1
 * pushes, and its signed variant cannot be content-addressed the way Berth stores manifests.
 * <p>
 * Media type comparison is case-insensitive and ignores parameters (RFC 6838, RFC 9110); {@link #normalize}
 * produces the comparable form and every predicate here applies it first.
 */
public final class MediaTypes {

    // --- OCI image-spec ---------------------------------------------------------------------------------

    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String OCI_DESCRIPTOR = "application/vnd.oci.descriptor.v1+json";
    public static final String OCI_LAYOUT = "application/vnd.oci.layout.header.v1+json";
    /** The two-byte {@code {}} blob artifacts use as config (and as layer when they have none). */
    public static final String OCI_EMPTY = "application/vnd.oci.empty.v1+json";
    public static final String OCI_LAYER_TAR = "application/vnd.oci.image.layer.v1.tar";
    public static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    public static final String OCI_LAYER_ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd";
    /** Non-distributable layers are deprecated by image-spec 1.1 but still pushed by old Windows tooling. */
    public static final String OCI_LAYER_NONDISTRIBUTABLE_TAR = "application/vnd.oci.image.layer.nondistributable.v1.tar";
    public static final String OCI_LAYER_NONDISTRIBUTABLE_GZIP = "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip";
    public static final String OCI_LAYER_NONDISTRIBUTABLE_ZSTD = "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd";

    /** The digest of the {@link #OCI_EMPTY} blob, {@code {}}; size 2. */
    public static final String OCI_EMPTY_DIGEST = "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

    // --- Docker image manifest v2 -----------------------------------------------------------------------

    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
    public static final String DOCKER_LAYER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    /** Windows base layers that clients fetch from the descriptor's {@code urls}, not from the registry. */
    public static final String DOCKER_FOREIGN_LAYER = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";
    public static final String DOCKER_PLUGIN_CONFIG = "application/vnd.docker.plugin.v1+json";
    /** Schema 1, unsigned: recognised only to be rejected. */
    public static final String DOCKER_SCHEMA1_MANIFEST = "application/vnd.docker.distribution.manifest.v1+json";
    /** Schema 1, signed (JWS): recognised only to be rejected. */
    public static final String DOCKER_SCHEMA1_SIGNED_MANIFEST = "application/vnd.docker.distribution.manifest.v1+prettyjws";

    // --- Well-known artifacts ---------------------------------------------------------------------------

    public static final String HELM_CHART_CONFIG = "application/vnd.cncf.helm.config.v1+json";
    public static final String HELM_CHART_CONTENT = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
    public static final String HELM_CHART_PROVENANCE = "application/vnd.cncf.helm.chart.provenance.v1.prov";
    /** Layer of a cosign signature stored under the {@code sha256-<digest>.sig} tag scheme. */
    public static final String COSIGN_SIMPLE_SIGNING = "application/vnd.dev.cosign.simplesigning.v1+json";
    /** Artifact type of cosign signatures pushed as OCI 1.1 referrers. */
    public static final String COSIGN_SIGNATURE_ARTIFACT = "application/vnd.dev.cosign.artifact.sig.v1+json";
    public static final String COSIGN_SBOM_ARTIFACT = "application/vnd.dev.cosign.artifact.sbom.v1+json";
    /** Sigstore bundle (cosign 2.x, attestations and signatures as referrers). */
    public static final String SIGSTORE_BUNDLE = "application/vnd.dev.sigstore.bundle.v0.3+json";
    /** DSSE envelope, the layer type of in-toto attestations. */
    public static final String DSSE_ENVELOPE = "application/vnd.dsse.envelope.v1+json";
    public static final String IN_TOTO = "application/vnd.in-toto+json";
    /** Artifact type of Notary Project (Notation) signatures. */
    public static final String NOTATION_SIGNATURE = "application/vnd.cncf.notary.signature";
    /** Notation signature envelope formats (layer media types). */
    public static final String NOTATION_ENVELOPE_JWS = "application/jose+json";
    public static final String NOTATION_ENVELOPE_COSE = "application/cose";

    private static final Set<String> IMAGE_MANIFESTS = Set.of(OCI_MANIFEST, DOCKER_MANIFEST);
    private static final Set<String> INDEXES = Set.of(OCI_INDEX, DOCKER_MANIFEST_LIST);
    private static final Set<String> SCHEMA1 = Set.of(DOCKER_SCHEMA1_MANIFEST, DOCKER_SCHEMA1_SIGNED_MANIFEST);
    private static final Set<String> IMAGE_CONFIGS = Set.of(OCI_CONFIG, DOCKER_CONFIG);
    private static final Set<String> EXTERNAL_LAYERS = Set.of(DOCKER_FOREIGN_LAYER, OCI_LAYER_NONDISTRIBUTABLE_TAR,
            OCI_LAYER_NONDISTRIBUTABLE_GZIP, OCI_LAYER_NONDISTRIBUTABLE_ZSTD);

    private MediaTypes() {
    }

    /**
     * The comparable form of a {@code Content-Type} or {@code mediaType}: parameters ({@code ; charset=utf-8})
     * dropped, surrounding whitespace trimmed, lower-cased.
     *
     * @return the normalised type, or null for null or blank input
     */
    public static String normalize(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.isEmpty() ? null : type.toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the manifests endpoint accepts this type: an image manifest or an index, OCI or Docker
     * schema 2. Schema 1 is not included.
     */
    public static boolean isManifest(String mediaType) {
        String type = normalize(mediaType);
        return type != null && (IMAGE_MANIFESTS.contains(type) || INDEXES.contains(type));
    }

    /** Whether this is an image manifest (config plus layers), OCI or Docker schema 2. */
    public static boolean isImageManifest(String mediaType) {
        String type = normalize(mediaType);
        return type != null && IMAGE_MANIFESTS.contains(type);
    }

    /** Whether this is an index of manifests: an OCI image index or a Docker manifest list. */
    public static boolean isIndex(String mediaType) {
        String type = normalize(mediaType);
        return type != null && INDEXES.contains(type);
    }

    /** Whether this is a Docker schema 1 manifest type, signed or not. */
    public static boolean isSchema1(String mediaType) {
        String type = normalize(mediaType);
        return type != null && SCHEMA1.contains(type);
    }

    /** Whether this is the config of a runnable container image, as opposed to an artifact's config. */
    public static boolean isImageConfig(String mediaType) {
        String type = normalize(mediaType);
        return type != null && IMAGE_CONFIGS.contains(type);
    }

    /**
     * Whether a layer of this type may live outside the registry (Docker foreign layers, OCI non-distributable
     * layers), in which case clients fetch it from the descriptor's {@code urls} and never push it.
     */
    public static boolean isExternalLayer(String mediaType) {
        String type = normalize(mediaType);
        return type != null && EXTERNAL_LAYERS.contains(type);
    }
}
