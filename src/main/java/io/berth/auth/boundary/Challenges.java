package io.berth.auth.boundary;

import io.berth.auth.control.TokenPolicy;
import io.berth.auth.entity.RequiredAccess;
import io.berth.auth.entity.ResourceScope;
import io.berth.platform.BerthConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code WWW-Authenticate} challenge of a refused {@code /v2/} request (distribution's {@code auth/token}
 * {@code Challenge.SetHeaders}, Harbor's {@code v2auth.getChallenge}):
 * <pre>Bearer realm="https://berth.example/service/token",service="harbor-registry",scope="repository:library/nginx:pull,push"</pre>
 * The realm is on {@code BERTH_EXTERNAL_URL} when set, else on the scheme and {@code Host} the request came with.
 * The scope is what the request needs; a mount adds the source's pull scope, separated by a space. A token that was
 * presented and fell short adds the RFC 6750 {@code error}.
 */
@ApplicationScoped
public class Challenges {

    /** What a {@code Host} header may look like: a name or address and a port; anything else is not echoed. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]{1,255}");

    @Inject
    BerthConfig config;

    String bearer(HttpServletRequest request, RequiredAccess need, String error) {
        StringBuilder challenge = new StringBuilder("Bearer realm=\"").append(realm(request))
                .append("\",service=\"").append(TokenPolicy.SERVICE).append('"');
        List<ResourceScope> scopes = need.scopes();
        if (!scopes.isEmpty()) {
            challenge.append(",scope=\"")
                    .append(scopes.stream().map(ResourceScope::toString).collect(Collectors.joining(" ")))
                    .append('"');
        }
        if (error != null) {
            challenge.append(",error=\"").append(error).append('"');
        }
        return challenge.toString();
    }

    /** The token endpoint's URL. */
    String realm(HttpServletRequest request) {
        String base = config.externalUrl().map(Object::toString).orElseGet(() -> {
            String host = request.getHeader("Host");
            if (host == null || !HOST.matcher(host).matches()) {
                host = request.getServerName() + ":" + request.getServerPort();
            }
            return request.getScheme() + "://" + host;
        });
        return base + "/service/token";
    }

    /** The error body's {@code detail}: the access records the request needs, as distribution lists them. */
    static JsonValue detail(RequiredAccess need) {
        List<ResourceScope> scopes = need.scopes();
        if (scopes.isEmpty()) {
            return null;
        }
        JsonArrayBuilder records = Json.createArrayBuilder();
        for (ResourceScope scope : scopes) {
            for (String action : scope.actions()) {
                records.add(Json.createObjectBuilder()
                        .add("Type", scope.type())
                        .add("Class", "")
                        .add("Name", scope.name())
                        .add("Action", action));
            }
        }
        return records.build();
    }
}
