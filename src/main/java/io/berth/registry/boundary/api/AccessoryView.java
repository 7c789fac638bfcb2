package io.berth.registry.boundary.api;

import java.time.Instant;

/**
 * Harbor's {@code Accessory}: an artifact that refers to another through its {@code subject} (a signature, an
 * SBOM, an attestation), with Harbor's type names ({@code signature.cosign}, {@code signature.notation},
 * {@code harbor.sbom}, {@code subject.accessory} for any other).
 */
public record AccessoryView(long id, long artifactId, long subjectArtifactId, String subjectArtifactDigest,
        String subjectArtifactRepo, long size, String digest, String type, String icon, Instant creationTime) {
}
