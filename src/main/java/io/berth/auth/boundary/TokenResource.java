package io.berth.auth.boundary;

import io.berth.auth.entity.IssuedToken;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /service/token}: the Docker token endpoint clients are sent to by a {@code /v2/} challenge. */
@Tag(name = "token")
@Path("token")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    Tokens tokens;

    /**
     * 200 {@code {"token","access_token","expires_in","issued_at"}} ({@code Cache-Control: no-store}); the token
     * grants what was asked for and may be granted, possibly nothing. 400 when {@code service} is not
     * {@code harbor-registry}; 401 (with a Basic challenge) for wrong credentials, and for a request with neither
     * credentials nor scope ({@code docker login} without a password).
     */
    @Operation(operationId = "getToken", summary = "Issue a registry bearer token for the requested scopes")
    @APIResponse(responseCode = "401", description = "Wrong credentials")
    @GET
    public Response token(@QueryParam("service") String service, @QueryParam("scope") List<String> scopes,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        IssuedToken issued = tokens.issue(authorization, service, scopes);
        String body = Json.createObjectBuilder()
                .add("token", issued.token())
                .add("access_token", issued.token())
                .add("expires_in", issued.expiresIn())
                .add("issued_at", issued.issuedAt().toString())
                .build().toString();
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(body).cacheControl(noStore).header("Pragma", "no-cache").build();
    }
}
