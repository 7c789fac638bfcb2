package io.berth.platform.api;

import java.util.List;

/** One page of a list and the total count behind it, for {@code X-Total-Count} and {@code Link}. */
public record Listing<T>(List<T> items, long total) {

    public Listing {
        items = List.copyOf(items);
    }
}
