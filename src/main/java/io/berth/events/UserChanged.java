package io.berth.events;

/**
 * A user's password or administrator flag changed, or the user was deleted, fired by the users API inside its
 * transaction. Whoever remembers logins (authentication) observes it after the commit and forgets them, so an old
 * password or a revoked administrator role stops working on this node at once.
 */
public record UserChanged(long userId, String name) {
}
