package io.berth.console.shell;

import io.berth.platform.api.ApiException;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A PrimeFaces lazy table over a facade's list call, with the REST API's own paging, {@code q} and {@code sort}:
 * sorting and filtering apply to the whole list in the database, never to the page on screen.
 * <p>
 * A column's {@code field} is the API's key ({@code name}, {@code creation_time}); a sorted column becomes
 * {@code sort=key} or {@code sort=-key}, a filled filter box {@code q=key=~text} (contains). Characters that are
 * part of the {@code q} grammar are dropped from filter text, so a visitor's typing can only ever be a value.
 * <pre>
 * model = new ListingModel&lt;&gt;(ProjectView::name,
 *         (page, q, sort) -&gt; projects.list(callers.get(), page, q, sort, null, null, null), texts);
 * </pre>
 */
public class ListingModel<T> extends LazyDataModel<T> {

    @Serial
    private static final long serialVersionUID = 1L;

    /** One page of a facade's list, for a query and an order in the API's syntax (either may be null). */
    @FunctionalInterface
    public interface Source<T> {
        Listing<T> fetch(PageRequest page, String q, String sort);
    }

    private final transient Function<T, Object> key;
    private final transient Source<T> source;
    private final transient Texts texts;
    private List<T> page = List.of();
    private String extraQuery;

    public ListingModel(Function<T, Object> key, Source<T> source, Texts texts) {
        this.key = key;
        this.source = source;
        this.texts = texts;
    }

    /** A condition the page adds to every request (a chosen tab, a type), in the {@code q} syntax; null for none. */
    public void setExtraQuery(String extraQuery) {
        this.extraQuery = extraQuery;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        // load() sets the row count from the same call; PrimeFaces asks count() first only to decide paging.
        return getRowCount();
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        PageRequest request = new PageRequest(first / pageSize + 1, pageSize);
        try {
            Listing<T> listing = source.fetch(request, query(filterBy), sort(sortBy));
            if (listing.items().isEmpty() && listing.total() > 0 && first > 0) {
                // The list shrank under the visitor (deleted elsewhere): show its last page instead of nothing.
                int last = (int) ((listing.total() - 1) / pageSize);
                listing = source.fetch(new PageRequest(last + 1, pageSize), query(filterBy), sort(sortBy));
            }
            setRowCount((int) Math.min(Integer.MAX_VALUE, listing.total()));
            page = listing.items();
        } catch (ApiException e) {
            texts.refused(e);
            setRowCount(0);
            page = List.of();
        }
        return page;
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(key.apply(row));
    }

    @Override
    public T getRowData(String rowKey) {
        return page.stream().filter(row -> getRowKey(row).equals(rowKey)).findFirst().orElse(null);
    }

    String query(Map<String, FilterMeta> filterBy) {
        List<String> terms = new ArrayList<>();
        if (extraQuery != null && !extraQuery.isBlank()) {
            terms.add(extraQuery);
        }
        for (FilterMeta filter : filterBy.values()) {
            Object value = filter.getFilterValue();
            String text = value == null ? "" : safe(value.toString());
            if (!text.isBlank()) {
                terms.add(filter.getField() + "=~" + text.strip());
            }
        }
        return terms.isEmpty() ? null : String.join(",", terms);
    }

    static String sort(Map<String, SortMeta> sortBy) {
        List<String> keys = new ArrayList<>();
        sortBy.values().stream()
                .filter(s -> s.getOrder() != SortOrder.UNSORTED)
                .sorted((a, b) -> Integer.compare(a.getPriority(), b.getPriority()))
                .forEach(s -> keys.add((s.getOrder() == SortOrder.DESCENDING ? "-" : "") + s.getField()));
        return keys.isEmpty() ? null : String.join(",", keys);
    }

    /** The text without the characters of the {@code q} grammar ({@code , = ~ [ ] { } ( )}). */
    static String safe(String text) {
        return text.replaceAll("[,=~\\[\\]{}()]", "");
    }
}
