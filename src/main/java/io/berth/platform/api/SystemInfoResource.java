package io.berth.platform.api;

import io.berth.auth.boundary.CallerContext;
import io.berth.platform.BerthConfig;
import io.berth.platform.RuntimeSettings;
import io.berth.rbac.entity.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** {@code GET /api/v2.0/systeminfo}: what clients and the console read before signing in, and more after. */
@Path("systeminfo")
@Produces(MediaType.APPLICATION_JSON)
public class SystemInfoResource {

    /** The Harbor API version Berth follows, reported as Harbor reports its own version. */
    static final String HARBOR_API_VERSION = "v2.15.2";

    @Inject
    RuntimeSettings settings;

    @Inject
    BerthConfig config;

    @Inject
    CallerContext caller;

    @GET
    public GeneralInfo get(@Context UriInfo uri) {
        Caller who = caller.get();
        String authMode = settings.get("auth_mode", "db_auth");
        boolean selfRegistration = settings.getBoolean("self_registration", false);
        String banner = settings.get("banner_message", "");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (who.isAnonymous()) {
            return new GeneralInfo(banner, now, null, null, authMode, false, null, selfRegistration, null, null, null,
                    null, null);
        }
        String base = config.externalUrl().map(Object::toString)
                .orElseGet(() -> uri.getBaseUri().resolve("/").toString().replaceAll("/$", ""));
        String host = base.replaceFirst("^[a-z]+://", "");
        return new GeneralInfo(banner, now, host, base, authMode, false,
                settings.get("project_creation_restriction", "everyone"), selfRegistration, false,
                HARBOR_API_VERSION + "-berth", config.storageDriver(), settings.getBoolean("read_only", false), false);
    }
}
