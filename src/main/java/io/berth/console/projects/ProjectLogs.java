package io.berth.console.projects;

import io.berth.audit.boundary.AuditLogView;
import io.berth.audit.boundary.AuditLogs;
import io.berth.console.AuditEntries;
import io.berth.platform.api.Listing;
import io.berth.platform.api.PageRequest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;

/**
 * The project's Logs tab ({@code /console/projects/project?name=p&tab=logs}): the project's audit trail with the
 * same filters as the other audit pages, from {@link AuditLogs#listProject}, which lets Project Admins and
 * administrators read it and refuses everyone else. The project is the one the project page shows.
 */
@Named
@ViewScoped
public class ProjectLogs extends AuditEntries {

    @Serial
    private static final long serialVersionUID = 1L;

    @Inject
    transient AuditLogs logs;

    @Inject
    ProjectPage page;

    @Override
    protected Listing<AuditLogView> fetch(PageRequest request, String q, String sort) {
        return logs.listProject(callers.get(), page.getProject().name(), request, q, sort);
    }
}
