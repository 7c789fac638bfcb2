package io.berth.registry.boundary;

import io.berth.registry.entity.RepositoryName;

/** Where an upload stands: which repository, which session, how many bytes have arrived. */
public record UploadStatus(RepositoryName repository, String uuid, long size) {
}
