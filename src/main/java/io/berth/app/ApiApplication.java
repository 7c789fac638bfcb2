package io.berth.app;

import io.berth.audit.boundary.AuditLogExtsResource;
import io.berth.audit.boundary.AuditLogsResource;
import io.berth.audit.boundary.ProjectAuditLogExtsResource;
import io.berth.audit.boundary.ProjectLogsResource;
import io.berth.audit.boundary.PurgeAuditResource;
import io.berth.auth.boundary.ldap.LdapResource;
import io.berth.auth.boundary.settings.ConfigurationsResource;
import io.berth.gc.boundary.GcResource;
import io.berth.platform.api.ApiExceptionMapper;
import io.berth.platform.api.ApiUnexpectedExceptionMapper;
import io.berth.platform.api.ApiWebExceptionMapper;
import io.berth.platform.api.HealthResource;
import io.berth.platform.api.JsonbSnakeCase;
import io.berth.platform.api.RequestIdFilter;
import io.berth.platform.api.SystemResource;
import io.berth.quota.boundary.QuotasResource;
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
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The Harbor-compatible REST API at {@code /api/v2.0}. Resources are listed explicitly: the OCI API under
 * {@code /v2} is a separate application with another error shape, and neither must answer for the other.
 */
@OpenAPIDefinition(
        info = @Info(title = "Berth", version = "2.0",
                description = "Berth's Harbor-compatible API (operation ids as in Harbor's v2.15.2 definition), "
                        + "the OCI Distribution API under /v2 and the registry token service under /service/token."),
        // Relative, so that the document holds behind a proxy or on another port: clients resolve it against /openapi.
        servers = @Server(url = "/", description = "This Berth"))
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
