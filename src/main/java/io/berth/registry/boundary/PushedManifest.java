package io.berth.registry.boundary;

import io.berth.registry.entity.Digest;

/** The outcome of a manifest PUT: its digest, and the subject it refers to (for the OCI-Subject header). */
public record PushedManifest(Digest digest, Digest subject) {
}
