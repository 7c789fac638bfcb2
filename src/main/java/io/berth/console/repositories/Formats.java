package io.berth.console.repositories;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Locale;

/**
 * How the repository and artifact pages write sizes and digests: {@code #{formats.bytes(a.size())}} gives
 * {@code 4.2 MiB} (binary units, one decimal, the same in every language), {@code #{formats.shortDigest(d)}} gives
 * {@code sha256:0123456789ab}, the first twelve hex digits, as Harbor and {@code docker images} shorten them.
 */
@Named
@ApplicationScoped
public class Formats {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    public String bytes(long size) {
        if (size < 1024) {
            return size + " B";
        }
        double value = size;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    public String shortDigest(String digest) {
        if (digest == null) {
            return "";
        }
        int colon = digest.indexOf(':');
        return digest.length() > colon + 13 ? digest.substring(0, colon + 13) : digest;
    }
}
