package io.berth.registry.boundary;

import java.util.List;

/** One page of a lexically sorted listing, and whether more follow (for the {@code Link} header). */
public record Page(List<String> items, boolean more) {

    /** The last item of this page: the {@code last} parameter of the next page's request. */
    public String last() {
        return items.get(items.size() - 1);
    }
}
