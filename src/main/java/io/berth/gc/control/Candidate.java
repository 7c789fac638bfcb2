package io.berth.gc.control;

import io.berth.registry.entity.Digest;

/** A blob GC considers: its row id, digest, size, and whether it holds a manifest (manifest rows carry a media type). */
public record Candidate(long id, Digest digest, long size, boolean manifest) {
}
