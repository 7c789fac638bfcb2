package io.berth.gc.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Static GC settings from MicroProfile Config:
 * <ul>
 *   <li>{@code berth.gc.time.window.minutes} ({@code BERTH_GC_TIME_WINDOW_MINUTES}, 120 by default): a blob or
 *       untagged artifact younger than this is never collected, which protects pushes in flight. 0 is allowed
 *       for tests.</li>
 *   <li>{@code berth.gc.upload.max.age.minutes} ({@code BERTH_GC_UPLOAD_MAX_AGE_MINUTES}, 1440 by default): an
 *       upload session untouched for this long is abandoned, and GC purges it.</li>
 *   <li>{@code berth.gc.sweep.batch} (500): blobs per sweep transaction. Tests make it small, so that a run
 *       takes long enough to be stopped.</li>
 * </ul>
 */
@ApplicationScoped
public class GcSettings {

    /** How long a node's claim on the GC holds without a heartbeat; a dead node's run is taken over after it. */
    public static final Duration LEASE = Duration.ofSeconds(60);
    /** How often a running GC renews its claim and looks for a stop request. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private final Duration timeWindow;
    private final Duration uploadMaxAge;
    private final int sweepBatch;

    public GcSettings() {
        Config config = ConfigProvider.getConfig(GcSettings.class.getClassLoader());
        timeWindow = minutes(config, "berth.gc.time.window.minutes", 120);
        uploadMaxAge = minutes(config, "berth.gc.upload.max.age.minutes", 1440);
        sweepBatch = config.getOptionalValue("berth.gc.sweep.batch", Integer.class).orElse(500);
        if (sweepBatch < 1) {
            throw new IllegalArgumentException("berth.gc.sweep.batch must be 1 or more, got " + sweepBatch);
        }
    }

    /** Blobs per sweep transaction; a stop request is seen between batches. */
    public int sweepBatch() {
        return sweepBatch;
    }

    public Duration timeWindow() {
        return timeWindow;
    }

    public Duration uploadMaxAge() {
        return uploadMaxAge;
    }

    private static Duration minutes(Config config, String key, long fallback) {
        long value = config.getOptionalValue(key, Long.class).orElse(fallback);
        if (value < 0) {
            throw new IllegalArgumentException(key + " must not be negative, got " + value);
        }
        return Duration.ofMinutes(value);
    }
}
