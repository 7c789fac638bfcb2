package io.berth.auth.boundary;

import io.berth.auth.control.Authenticator;
import io.berth.auth.control.ScopeGrants;
import io.berth.auth.control.TokenIssuer;
import io.berth.auth.control.TokenPolicy;
import io.berth.auth.entity.Credentials;
import io.berth.auth.entity.IssuedToken;
import io.berth.auth.entity.ResourceScope;
import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.rbac.entity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The token service: who asks (HTTP Basic with a user's password or a robot's secret, or nobody), what for (the
 * scopes), and a signed token for the part of it RBAC allows. As in Harbor, {@code service} must be
 * {@code harbor-registry}, and a request with neither credentials nor scope is refused (that is {@code docker login}
 * without a password). Unlike Harbor, wrong credentials are refused even when scopes are asked for, instead of
 * silently answering with an anonymous token: a client with a mistyped password learns so at once.
 */
@ApplicationScoped
public class Tokens {

    @Inject
    Authenticator authenticator;

    @Inject
    ScopeGrants grants;

    @Inject
    TokenIssuer issuer;

    /** A token for the caller that {@code authorization} names, granting what it may of {@code scopes}. */
    public IssuedToken issue(String authorization, String service, List<String> scopes) {
        if (!TokenPolicy.SERVICE.equals(service)) {
            throw ApiException.badRequest("invalid service: the token service serves %s", TokenPolicy.SERVICE);
        }
        Caller caller = switch (Credentials.parse(authorization)) {
            case Credentials.None none -> Caller.ANONYMOUS;
            case Credentials.Basic basic -> authenticator.authenticate(basic.username(), basic.password())
                    .orElseThrow(() -> unauthorized("invalid username or password"));
            case Credentials.Bearer bearer -> throw unauthorized("the token service takes Basic credentials");
            case Credentials.Unsupported unsupported -> throw unauthorized("the token service takes Basic credentials");
        };
        List<ResourceScope> requested = ResourceScope.parse(scopes == null ? List.of() : scopes);
        if (caller.isAnonymous() && requested.isEmpty()) {
            throw unauthorized("authentication required");
        }
        return issuer.issue(caller.name(), grants.grant(caller, requested));
    }

    private static ApiException unauthorized(String message) {
        return new ApiException(ApiError.UNAUTHORIZED, message);
    }
}
