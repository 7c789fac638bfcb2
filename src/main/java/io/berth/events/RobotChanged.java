package io.berth.events;

/**
 * A robot account was changed or deleted (secret, grants, expiry, disabled), fired by the robots API inside its
 * transaction. Whoever keeps robots in memory (remembered logins, token subjects) observes it after the commit and
 * forgets them, so the change holds on this node at once rather than when a cache entry runs out.
 */
public record RobotChanged(long robotId, String name) {
}
