package io.berth.registry.entity;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Harbor's names for kinds of content, derived from media types the way Harbor's artifact processors do:
 * <ul>
 * <li>{@link #type}: {@code IMAGE} for container images and image indexes, {@code CHART} for Helm charts,
 * {@code CNAB} for CNAB bundles; otherwise the middle of {@code application/vnd.<org>.<type>.config.<v>+json}
 * upper-cased (Harbor's default processor), else the artifact type, else {@code UNKNOWN}.</li>
 * <li>{@link #accessoryType}: what a referrer is to its subject: {@code signature.cosign},
 * {@code signature.notation}, {@code harbor.sbom}, or {@code subject.accessory} for anything else.</li>
 * </ul>
 */
public final class HarborTypes {

    public static final String IMAGE = "IMAGE";
    public static final String CHART = "CHART";
    public static final String CNAB = "CNAB";
    public static final String UNKNOWN = "UNKNOWN";
    public static final String COSIGN_SIGNATURE = "signature.cosign";
    /** The artifact type of an index that is a CNAB bundle. */
    public static final String CNAB_MANIFEST = "application/vnd.cnab.manifest.v1";
    static final String HARBOR_SBOM = "application/vnd.goharbor.harbor.sbom.v1";
    private static final Pattern CONFIG_TYPE = Pattern.compile("application/vnd\\.[^.]*\\.(.*)\\.config\\.[^.]*\\+json");

    private HarborTypes() {
    }

    /**
     * @param manifestMediaType the manifest's own media type
     * @param mediaType         the config media type of an image manifest, else the manifest type
     * @param artifactType      the OCI artifact type, null if none
     */
    public static String type(String manifestMediaType, String mediaType, String artifactType) {
        if (MediaTypes.isIndex(manifestMediaType)) {
            return CNAB_MANIFEST.equals(artifactType) ? CNAB : IMAGE;
        }
        if (MediaTypes.isImageConfig(mediaType)) {
            return IMAGE;
        }
        if (MediaTypes.HELM_CHART_CONFIG.equals(mediaType)) {
            return CHART;
        }
        if (mediaType != null && mediaType.startsWith("application/vnd.cnab.")) {
            return CNAB;
        }
        Matcher matcher = mediaType == null ? null : CONFIG_TYPE.matcher(mediaType);
        if (matcher != null && matcher.matches()) {
            return matcher.group(1).toUpperCase(Locale.ROOT);
        }
        return artifactType != null ? artifactType : UNKNOWN;
    }

    /** Harbor's accessory type of a referrer with this artifact type (or config media type when it has none). */
    public static String accessoryType(String artifactType, String mediaType) {
        String kind = artifactType != null ? artifactType : mediaType;
        if (kind == null) {
            return "subject.accessory";
        }
        if (kind.equals(MediaTypes.COSIGN_SIGNATURE_ARTIFACT) || kind.equals(MediaTypes.COSIGN_SIMPLE_SIGNING)
                || kind.equals(MediaTypes.SIGSTORE_BUNDLE)) {
            return COSIGN_SIGNATURE;
        }
        if (kind.equals(MediaTypes.NOTATION_SIGNATURE)) {
            return "signature.notation";
        }
        if (kind.equals(HARBOR_SBOM)) {
            return "harbor.sbom";
        }
        return "subject.accessory";
    }

    /** Whether an accessory of {@code accessoryType} is a signature (Harbor's {@code with_signature}). */
    public static boolean isSignature(String accessoryType) {
        return accessoryType.startsWith("signature.");
    }
}
