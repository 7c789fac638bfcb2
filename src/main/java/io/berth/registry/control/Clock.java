package io.berth.registry.control;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as the database stores them (milliseconds), so a value read back equals the value written. */
public final class Clock {

    private Clock() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
