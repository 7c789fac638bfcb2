package io.berth.platform.api;

import io.berth.audit.boundary.AuditLogExtsResource;
import io.berth.audit.boundary.AuditLogsResource;
import io.berth.audit.boundary.ProjectAuditLogExtsResource;
import io.berth.audit.boundary.ProjectLogsResource;
import io.berth.audit.boundary.PurgeAuditResource;
import io.berth.auth.boundary.ldap.LdapResource;
import io.berth.auth.boundary.settings.ConfigurationsResource;
import io.berth.quota.boundary.QuotasResource;
import io.berth.gc.boundary.GcResource;
import io.berth.rbac.boundary.MembersResource;
import io.berth.rbac.boundary.PermissionsResource;
import io.berth.rbac.boundary.ProjectsResource;
import io.berth.rbac.boundary.UserGroupsResource;
import io.berth.rbac.boundary.UsersResource;
import io.berth.rbac.boundary.robots.RobotsResource;
import io.berth.registry.boundary.api.AllRepositoriesResource;
import io.berth.registry.boundary.api.ArtifactsResource;
import io.berth.registry.boundary.api.LabelsResource;
import io.berth.registry.boundary.api.RepositoriesResource;
import io.berth.registry.boundary.api.SearchResource;
import io.berth.registry.boundary.api.StatisticsResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The Harbor-compatible REST API at {@code /api/v2.0}. Resources are listed explicitly: the OCI API under
 * {@code /v2} is a separate application with another error shape, and neither must answer for the other.
 */
@ApplicationPath("api/v2.0")
public class ApiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                ProjectsResource.class,
                MembersResource.class,
                UsersResource.class,
                UserGroupsResource.class,
                PermissionsResource.class,
                ConfigurationsResource.class,
                LdapResource.class,
                RobotsResource.class,
                QuotasResource.class,
                SystemResource.class,
                SystemInfoResource.class,
                HealthResource.class,
                RepositoriesResource.class,
                AllRepositoriesResource.class,
                ArtifactsResource.class,
                LabelsResource.class,
                SearchResource.class,
                StatisticsResource.class,
                AuditLogsResource.class,
                ProjectLogsResource.class,
                AuditLogExtsResource.class,
                ProjectAuditLogExtsResource.class,
                PurgeAuditResource.class,
                GcResource.class,
                RequestIdFilter.class,
                JsonbSnakeCase.class,
                ApiExceptionMapper.class,
                ApiWebExceptionMapper.class,
                ApiUnexpectedExceptionMapper.class);
    }
}
