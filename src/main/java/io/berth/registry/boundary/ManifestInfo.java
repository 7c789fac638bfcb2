package io.berth.registry.boundary;

import io.berth.registry.entity.Digest;

/** What a manifest HEAD needs: digest, media type and size; a GET adds the bytes from the store. */
public record ManifestInfo(Digest digest, String mediaType, long size) {
}
