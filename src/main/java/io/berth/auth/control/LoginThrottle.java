package io.berth.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@link #MAX_FAILURES} failed logins for one account name within
 * {@link #WINDOW}, that name is locked for {@link #LOCK} and every attempt fails, right password or not.
 * Names that do not exist are counted the same way, so the answers never tell which accounts exist.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(5);
    static final int MAX_TRACKED = 100_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    /** Whether {@code username} may try now. */
    public boolean allowed(String username, Instant now) {
        Failures f = failures.get(username);
        return f == null || f.lockedUntil == null || now.isAfter(f.lockedUntil);
    }

    public void failed(String username, Instant now) {
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(f -> f.first.plus(WINDOW).isBefore(now));
        }
        failures.compute(username, (k, f) -> {
            if (f == null || f.first.plus(WINDOW).isBefore(now)) {
                return new Failures(now, 1, null);
            }
            int count = f.count + 1;
            return new Failures(f.first, count, count >= MAX_FAILURES ? now.plus(LOCK) : f.lockedUntil);
        });
    }

    public void succeeded(String username) {
        failures.remove(username);
    }

    private record Failures(Instant first, int count, Instant lockedUntil) {
    }
}
