package io.berth.audit.boundary;

import io.berth.audit.control.AuditSearch;
import io.berth.audit.control.CsvCells;
import io.berth.audit.entity.AuditEntry;
import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.ListQuery;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import io.berth.rbac.control.AccessEvaluator;
import io.berth.rbac.control.ProjectGuard;
import io.berth.rbac.control.VisibleProjects;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Project;
import io.berth.rbac.entity.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Reading the audit trail: every entry for those with the system {@code audit-log:list} permission (system
 * administrators), a project's entries for those with {@code log:list} in it (Project Admins), and a CSV export of
 * a filtered range for the former. A project the caller cannot see is 404 like a missing one ({@link ProjectGuard}).
 */
@ApplicationScoped
public class AuditLogs {

    static final Permission SYSTEM_LIST = Permission.of(Resource.AUDIT_LOG, Action.LIST);
    static final Permission PROJECT_LIST = Permission.of(Resource.LOG, Action.LIST);
    static final List<String> CSV_HEADER = List.of("id", "op_time", "username", "operation", "resource_type", "resource",
            "project_id", "operation_result", "operation_description", "client_ip", "user_agent", "request_id");
    static final int EXPORT_RUN = 1000;

    @Inject
    AuditSearch search;

    @Inject
    AccessEvaluator access;

    @Inject
    ProjectGuard guard;

    @Inject
    VisibleProjects visible;

    /**
     * One page of entries, as Harbor's {@code GET /audit-logs}: all of them for system administrators, otherwise
     * those of the projects where the caller may read the log (project administrators). 400 for a bad {@code q} or
     * {@code sort}, 401 anonymous.
     */
    public Listing<AuditLogView> list(Caller caller, PageRequest page, String q, String sort) {
        requireSignedIn(caller);
        ListQuery query = AuditSearch.QUERY.parse(q, sort);
        List<Long> projects = access.canSystem(caller, SYSTEM_LIST) ? null
                : visible.ids(caller, PROJECT_LIST).orElse(null);
        return list(query, projects, page);
    }

    /**
     * One page of every entry, for system administrators only (401/403 for anyone else, where {@link #list} would
     * answer the entries of their projects): the administrators' audit log in the console.
     */
    public Listing<AuditLogView> listAll(Caller caller, PageRequest page, String q, String sort) {
        requireSystem(caller);
        return list(AuditSearch.QUERY.parse(q, sort), null, page);
    }

    /** One page of one project's entries; 404 for a project the caller cannot see, 401/403 without {@code log:list}. */
    public Listing<AuditLogView> listProject(Caller caller, String projectName, PageRequest page, String q, String sort) {
        Project project = guard.require(caller, projectName, true, PROJECT_LIST);
        return list(AuditSearch.QUERY.parse(q, sort), List.of(project.id()), page);
    }

    /**
     * The entries {@code q} selects as CSV, oldest first, written straight to {@code out} in runs of
     * {@link #EXPORT_RUN}, so a large range never sits in memory. The query is checked before the first byte.
     */
    public CsvExport export(Caller caller, String q) {
        requireSystem(caller);
        ListQuery query = AuditSearch.QUERY.parse(q, null);
        return out -> write(query, out);
    }

    /** The body of an export, written when the response is sent. */
    @FunctionalInterface
    public interface CsvExport {
        void writeTo(OutputStream out) throws IOException;
    }

    private void write(ListQuery query, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(CsvCells.line(CSV_HEADER));
        long after = 0;
        List<AuditEntry> run;
        do {
            run = search.after(query, after, EXPORT_RUN);
            for (AuditEntry e : run) {
                writer.write(CsvCells.line(List.of(Long.toString(e.id()), e.opTime().toString(), e.username(),
                        e.operation(), e.resourceType(), e.resource(), Objects.toString(e.projectId(), ""),
                        Boolean.toString(e.success()), Objects.toString(e.description(), ""),
                        Objects.toString(e.clientIp(), ""), Objects.toString(e.userAgent(), ""),
                        Objects.toString(e.requestId(), ""))));
                after = e.id();
            }
            writer.flush();
        } while (run.size() == EXPORT_RUN);
    }

    private Listing<AuditLogView> list(ListQuery query, List<Long> projectIds, PageRequest page) {
        List<AuditLogView> items = search.page(query, projectIds, page.offset(), page.pageSize()).stream()
                .map(AuditLogView::of).toList();
        return new Listing<>(items, search.count(query, projectIds));
    }

    /** 401 for anonymous callers. */
    public void requireSignedIn(Caller caller) {
        if (caller.isAnonymous()) {
            throw new ApiException(ApiError.UNAUTHORIZED, "log in first");
        }
    }

    /** 401 for anonymous callers, 403 for callers without the system {@code audit-log:list} permission. */
    public void requireSystem(Caller caller) {
        if (caller.isAnonymous()) {
            throw new ApiException(ApiError.UNAUTHORIZED, "log in first");
        }
        if (!access.canSystem(caller, SYSTEM_LIST)) {
            throw new ApiException(ApiError.FORBIDDEN, "the audit log is for system administrators;"
                    + " project admins read /projects/{project_name}/logs");
        }
    }
}
