package io.berth.platform.api;

/**
 * The version of Harbor's API that Berth follows (its operation ids, paths and field names), as {@code /systeminfo}
 * reports it in {@code harbor_version} and the console's about page shows it.
 */
public final class HarborVersion {

    /** Harbor's release whose API definition Berth follows. */
    public static final String FOLLOWED = "v2.15.2";
    /** What Berth reports where Harbor reports its own version. */
    public static final String REPORTED = FOLLOWED + "-berth";

    private HarborVersion() {
    }
}
