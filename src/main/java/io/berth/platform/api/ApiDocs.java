package io.berth.platform.api;

/**
 * Harbor's descriptions of the list parameters every paged resource shares, for the {@code @Parameter}
 * annotations that document them in {@code /openapi}: one wording, as Harbor's definition has one shared
 * parameter for each.
 */
public final class ApiDocs {

    public static final String QUERY = "Query string to query resources. Supported query patterns are \"exact match(k=v)\", "
            + "\"fuzzy match(k=~v)\", \"range(k=[min~max])\", \"list with union relationship(k={v1 v2 v3})\" and "
            + "\"list with intersection relationship(k=(v1 v2 v3))\". The value of range and list can be string (enclosed by "
            + "\" or '), integer or time (in format \"2020-04-09 02:36:00\"). All of these query patterns are put in the query "
            + "string \"q=xxx\" and split by \",\", e.g. q=k1=v1,k2=~v2,k3=[min~max]";
    public static final String SORT = "Sort the resource list in ascending or descending order, e.g. sort by field1 in "
            + "ascending order and field2 in descending order with \"sort=field1,-field2\"";
    public static final String PAGE = "The page number, from 1 (default 1)";
    public static final String PAGE_SIZE = "The size of a page (default " + PageRequest.DEFAULT_SIZE + ", at most "
            + PageRequest.MAX_SIZE + ")";

    private ApiDocs() {
    }
}
