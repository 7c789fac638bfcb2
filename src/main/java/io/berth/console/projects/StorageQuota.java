package io.berth.console.projects;

import io.berth.rbac.boundary.ProjectSummary;
import java.io.Serial;
import java.io.Serializable;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * A project's storage quota as the summary and configuration tabs show it: the bytes used and the hard limit
 * ({@code -1}: unlimited), with sizes in binary units ({@code 1.5 MiB}) and the share of the limit in use for the bar.
 * Built from the facade's {@link ProjectSummary.Quota}; null where the caller may not read the quota. A class with
 * getters rather than a record: Expression Language reads only a record's components, not derived properties.
 */
public final class StorageQuota implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private final long used;
    private final long hard;

    StorageQuota(long used, long hard) {
        this.used = used;
        this.hard = hard;
    }

    /** The quota of a summary; null when the summary has none for this caller. */
    static StorageQuota of(ProjectSummary summary) {
        if (summary == null || summary.quota() == null) {
            return null;
        }
        Long hard = summary.quota().hard() == null ? null : summary.quota().hard().get("storage");
        Long used = summary.quota().used() == null ? null : summary.quota().used().get("storage");
        return new StorageQuota(used == null ? 0 : used, hard == null ? -1 : hard);
    }

    /** Bytes in use. */
    public long getUsed() {
        return used;
    }

    /** The limit in bytes; -1 for none. */
    public long getHard() {
        return hard;
    }

    public boolean isUnlimited() {
        return hard < 0;
    }

    /** The share of the limit in use, 0 to 100 (more is shown as full); 0 when unlimited. */
    public int getPercent() {
        if (isUnlimited()) {
            return 0;
        }
        if (hard == 0) {
            return used == 0 ? 0 : 100;
        }
        return (int) Math.min(100, Math.round(100.0 * used / hard));
    }

    /** Whether the usage has reached 90 % of the limit (the bar turns to a warning). */
    public boolean isNearlyFull() {
        return !isUnlimited() && getPercent() >= 90;
    }

    /** {@code 1.5 MiB} in the page's language's number style. */
    public static String format(long bytes, Locale locale) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(value < 10 ? 2 : 1);
        return number.format(value) + " " + UNITS[unit];
    }
}
