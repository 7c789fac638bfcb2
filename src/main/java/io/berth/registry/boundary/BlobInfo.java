package io.berth.registry.boundary;

import io.berth.registry.entity.Digest;

/** What a blob GET or HEAD needs to answer: the digest and the size. */
public record BlobInfo(Digest digest, long size) {
}
