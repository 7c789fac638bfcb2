package io.berth.console;

import io.berth.audit.boundary.AuditLogView;
import io.berth.audit.boundary.AuditLogs;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;

/**
 * The signed-in user's logs ({@code /console/logs}, Harbor's "Logs"): the audit entries the caller may read, which
 * {@link AuditLogs#list} decides (everything for administrators, the entries of the projects where the caller may
 * read the log otherwise; anonymous visitors are refused).
 */
@Named
@ViewScoped
public class Logs extends AuditEntries {

    @Serial
    private static final long serialVersionUID = 1L;

    @Inject
    transient AuditLogs logs;

    /** Refuses anonymous visitors (401, the error page offers to sign in). */
    public void load() {
        logs.requireSignedIn(callers.get());
    }

    @Override
    protected Listing<AuditLogView> fetch(PageRequest page, String q, String sort) {
        return logs.list(callers.get(), page, q, sort);
    }
}
