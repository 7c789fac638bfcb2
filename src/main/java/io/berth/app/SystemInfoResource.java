package io.berth.app;

import io.berth.platform.BerthConfig;
import io.berth.platform.RuntimeSettings;
import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.HarborVersion;
import io.berth.rbac.control.CallerContext;
import io.berth.rbac.entity.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v2.0/systeminfo}: what clients and the console read before signing in, and more after. */
@Tag(name = "systeminfo")
@Path("systeminfo")
@Produces(MediaType.APPLICATION_JSON)
public class SystemInfoResource {


    @Inject
    RuntimeSettings settings;

    @Inject
    BerthConfig config;

    @Inject
    CallerContext caller;

    @Operation(operationId = "getSystemInfo", summary = "Get general system info")
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
                HarborVersion.REPORTED, config.storageDriver(), settings.getBoolean("read_only", false), false);
    }

    /**
     * Harbor's {@code GET /systeminfo/volumes}, for system administrators: total and free bytes of the disk that
     * holds the data directory (as in Harbor, only local disk is reported; an object store has no such figure).
     */
    @Operation(operationId = "getVolumes", summary = "Get system volume info (total/free size)")
    @GET
    @Path("volumes")
    public Map<String, List<Map<String, Long>>> volumes() throws IOException {
        Caller who = caller.get();
        if (who.isAnonymous()) {
            throw ApiException.of(ApiError.UNAUTHORIZED, "log in first");
        }
        if (!who.isSysadmin()) {
            throw ApiException.of(ApiError.FORBIDDEN, "volume information is for system administrators");
        }
        FileStore store = Files.getFileStore(Files.createDirectories(config.dataDirectory()));
        return Map.of("storage", List.of(Map.of("total", store.getTotalSpace(), "free", store.getUsableSpace())));
    }

    /**
     * Harbor's {@code GET /systeminfo/getcert}: the default root certificate that signed the registry's TLS
     * certificate. Berth terminates no TLS of its own (a proxy in front does, see {@code docker/}), so there is none
     * to hand out: 404, as Harbor answers when the certificate is missing.
     */
    @Operation(operationId = "getCert", summary = "Get the default root certificate")
    @APIResponse(responseCode = "404", description = "Berth has no default root certificate")
    @GET
    @Path("getcert")
    public void certificate() {
        throw ApiException.notFound("Berth serves no default root certificate; TLS is terminated by the proxy in front of it");
    }
}
