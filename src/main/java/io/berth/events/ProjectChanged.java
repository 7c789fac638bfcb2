package io.berth.events;

/**
 * A project was created, changed (publicity, metadata) or deleted, fired by the project API inside its
 * transaction. Whoever keeps projects in memory (the registry's authorisation) observes it after the commit and
 * forgets that name, so the change holds on this node at once.
 */
public record ProjectChanged(String name) {
}
