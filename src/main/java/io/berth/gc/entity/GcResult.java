package io.berth.gc.entity;

/**
 * What a run freed (or, in a dry run, would free): blobs and, among them, manifests; artifacts deleted as
 * untagged; abandoned uploads purged; bytes; and how long mark and sweep took.
 */
public record GcResult(long blobs, long manifests, long artifacts, long uploads, long bytes, long markMillis, long sweepMillis) {

    public static final GcResult EMPTY = new GcResult(0, 0, 0, 0, 0, 0, 0);
}
