package io.berth.quota.entity;

import java.util.Locale;

/**
 * Why a push was refused: {@code adding} bytes next to {@code used} would pass {@code hard}. {@link #message()}
 * is Harbor's wording, so scripts and people who know Harbor's refusal recognise it:
 * <pre>
 * Quota exceeded when processing the request of adding 1.2 MiB of storage resource, which when updated to
 * current usage of 9.5 MiB will exceed the configured upper limit of 10.0 MiB.
 * </pre>
 */
public record QuotaExceeded(long adding, long used, long hard) {

    public String message() {
        return "Quota exceeded when processing the request of adding " + displaySize(adding)
                + " of storage resource, which when updated to current usage of " + displaySize(used)
                + " will exceed the configured upper limit of " + displaySize(hard) + ".";
    }

    /** Bytes as Harbor shows them: {@code 512 B}, {@code 1.5 KiB}, {@code 10.0 MiB}, one decimal, binary units. */
    public static String displaySize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        long unit = 1024;
        int exponent = 0;
        for (long n = bytes / 1024; n >= 1024; n /= 1024) {
            unit *= 1024;
            exponent++;
        }
        return String.format(Locale.ROOT, "%.1f %ciB", (double) bytes / unit, "KMGTPE".charAt(exponent));
    }
}
