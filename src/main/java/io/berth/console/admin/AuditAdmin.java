package io.berth.console.admin;

import io.berth.audit.boundary.AuditLogView;
import io.berth.audit.boundary.AuditLogs;
import io.berth.console.AuditEntries;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The audit log of the whole system ({@code /console/admin/audit}), for administrators: every entry, filtered and
 * sorted on the server, and the CSV export of exactly the filtered entries, which is the REST API's
 * {@code /api/v2.0/audit-logs/export?q=...} (the session cookie authorises a GET; the facade refuses anyone but
 * administrators, the page as well as the link).
 */
@Named
@ViewScoped
public class AuditAdmin extends AuditEntries {

    @Serial
    private static final long serialVersionUID = 1L;
    static final String EXPORT = "/api/v2.0/audit-logs/export";

    @Inject
    transient AuditLogs logs;

    /** Refuses everyone but administrators (401/403 through the error page) before anything shows. */
    public void load() {
        logs.requireSystem(callers.get());
    }

    @Override
    protected Listing<AuditLogView> fetch(PageRequest page, String q, String sort) {
        return logs.listAll(callers.get(), page, q, sort);
    }

    @Override
    public boolean isExportable() {
        return true;
    }

    /** The CSV of the entries the filters select, oldest first. */
    public String getExportUrl() {
        String q = getQuery();
        return q == null ? EXPORT : EXPORT + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }
}
