package io.berth.console;

import io.berth.audit.boundary.AuditLogView;
import io.berth.console.shell.ListingModel;
import io.berth.console.shell.Preferences;
import io.berth.console.shell.Texts;
import io.berth.events.Operation;
import io.berth.events.ResourceType;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.rbac.control.CallerContext;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.omnifaces.util.Components;
import org.primefaces.component.datatable.DataTable;

/**
 * An audit trail on a page: the filters (user name, resource, resource type, operation, result, time range) and
 * the table sorted by time and paged on the server, for the three pages that show entries: the administrators'
 * audit log, the signed-in user's logs and a project's Logs tab ({@code WEB-INF/templates/audit-entries.xhtml}).
 * Subclasses say which facade call lists the entries; the facade decides which entries the caller may read.
 * <p>
 * The filters become the REST API's own {@code q} ({@code username=~alice,op_time=[2026-01-01 00:00:00~]}), the
 * times converted from the visitor's time zone to the UTC the API speaks. Characters of the {@code q} grammar are
 * dropped from typed text, so what a visitor types can only ever be a value.
 */
public abstract class AuditEntries implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    /** The API's time format in {@code q}, always UTC. */
    static final DateTimeFormatter API_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The client id of the table in the shared template (form {@code audit}, table {@code entries}). */
    static final String TABLE = "audit:entries";

    @Inject
    protected transient CallerContext callers;

    @Inject
    protected transient Texts texts;

    @Inject
    transient Preferences preferences;

    private ListingModel<AuditLogView> model;
    private String username;
    private String resource;
    private String resourceType;
    private String operation;
    private String result;
    private LocalDateTime from;
    private LocalDateTime to;
    private String query;

    @PostConstruct
    void init() {
        model = new ListingModel<>(AuditLogView::id, this::fetch, texts);
    }

    /** One page of the entries {@code q} selects, from the facade call of this page. */
    protected abstract Listing<AuditLogView> fetch(PageRequest page, String q, String sort);

    /** Applies the filters: the whole trail is asked again, from its first page. */
    public void search() {
        query = buildQuery();
        model.setExtraQuery(query);
        if (Components.findComponent(TABLE) instanceof DataTable table) {
            table.setFirst(0);
        }
    }

    /** Empties every filter. */
    public void clear() {
        username = null;
        resource = null;
        resourceType = null;
        operation = null;
        result = null;
        from = null;
        to = null;
        search();
    }

    /** The filters as the API's {@code q}; null when none is set. */
    String buildQuery() {
        List<String> terms = new ArrayList<>();
        fuzzy(terms, "username", username);
        fuzzy(terms, "resource", resource);
        exact(terms, "resource_type", resourceType);
        exact(terms, "operation", operation);
        exact(terms, "operation_result", result);
        if (from != null || to != null) {
            terms.add("op_time=[" + utc(from) + "~" + utc(to) + "]");
        }
        return terms.isEmpty() ? null : String.join(",", terms);
    }

    private static void fuzzy(List<String> terms, String key, String text) {
        String value = text == null ? "" : safe(text).strip();
        if (!value.isEmpty()) {
            terms.add(key + "=~" + value);
        }
    }

    private static void exact(List<String> terms, String key, String choice) {
        String value = choice == null ? "" : safe(choice).strip();
        if (!value.isEmpty()) {
            terms.add(key + "=" + value);
        }
    }

    private String utc(LocalDateTime local) {
        return local == null ? "" : API_TIME.format(local.atZone(preferences.getZone()).withZoneSameInstant(ZoneOffset.UTC));
    }

    /** The text without the characters of the {@code q} grammar. */
    static String safe(String text) {
        return text.replaceAll("[,=~\\[\\]{}()\"']", "");
    }

    /** The {@code q} the table shows now (for an export of the same entries); null for everything. */
    public String getQuery() {
        return query;
    }

    public ListingModel<AuditLogView> getModel() {
        return model;
    }

    public List<String> getResourceTypes() {
        return Arrays.stream(ResourceType.values()).map(ResourceType::value).toList();
    }

    public List<String> getOperations() {
        return Arrays.stream(Operation.values()).map(Operation::value).toList();
    }

    /** Whether this page offers the CSV export (the administrators' audit log). */
    public boolean isExportable() {
        return false;
    }

    /** Where the CSV export of the filtered entries is, on pages that offer it; null elsewhere. */
    public String getExportUrl() {
        return null;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getResource() {
        return resource;
    }

    public void setResource(String resource) {
        this.resource = resource;
    }

    public String getResourceType() {
        return resourceType;
    }

    public void setResourceType(String resourceType) {
        this.resourceType = resourceType;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
    }

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public LocalDateTime getTo() {
        return to;
    }

    public void setTo(LocalDateTime to) {
        this.to = to;
    }
}
