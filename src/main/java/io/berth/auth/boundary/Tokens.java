package io.berth.auth.boundary;

import io.berth.auth.control.Authenticator;
import io.berth.auth.control.ScopeGrants;
import io.berth.auth.control.TokenIssuer;
import io.berth.auth.control.TokenPolicy;
import io.berth.auth.entity.Credentials;
import io.berth.auth.entity.IssuedToken;
import io.berth.auth.entity.ResourceScope;
import io.berth.events.AuditEvent;
import io.berth.events.Operation;
import io.berth.events.ResourceType;
import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.rbac.entity.Caller;
import io.berth.registry.entity.RepositoryName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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

    @Inject
    Event<AuditEvent> audit;

    /** A token for the caller that {@code authorization} names, granting what it may of {@code scopes}. */
    public IssuedToken issue(String authorization, String service, List<String> scopes) {
        if (!TokenPolicy.SERVICE.equals(service)) {
            throw ApiException.badRequest("invalid service: the token service serves %s", TokenPolicy.SERVICE);
        }
        Caller caller = switch (Credentials.parse(authorization)) {
            case Credentials.None none -> Caller.ANONYMOUS;
            case Credentials.Basic basic -> authenticator.authenticate(basic.username(), basic.password())
                    .orElseThrow(() -> {
                        audit.fire(AuditEvent.of(Operation.LOGIN, ResourceType.USER, basic.username()).by(basic.username())
                                .failed("token service: invalid username or password"));
                        return unauthorized("invalid username or password");
                    });
            case Credentials.Bearer bearer -> throw unauthorized("the token service takes Basic credentials");
            case Credentials.Unsupported unsupported -> throw unauthorized("the token service takes Basic credentials");
        };
        List<ResourceScope> requested = ResourceScope.parse(scopes == null ? List.of() : scopes);
        if (caller.isAnonymous() && requested.isEmpty()) {
            throw unauthorized("authentication required");
        }
        List<ResourceScope> granted = grants.grant(caller, requested);
        if (requested.isEmpty()) {
            // No scope is what docker login asks for: that request is the login; others are token refreshes.
            audit.fire(AuditEvent.of(Operation.LOGIN, ResourceType.USER, caller.name()).by(caller.name()).describedAs("token service"));
        }
        granted.forEach(scope -> recordWriteGrant(caller, scope));
        return issuer.issue(caller.name(), granted);
    }

    /** A token that lets its holder push or delete is worth an entry; pull-only tokens are as common as pulls. */
    private void recordWriteGrant(Caller caller, ResourceScope scope) {
        if (ResourceScope.REPOSITORY.equals(scope.type())
                && (scope.actions().contains(ResourceScope.PUSH) || scope.actions().contains(ResourceScope.DELETE))) {
            audit.fire(AuditEvent.of(Operation.GRANT, ResourceType.TOKEN, scope.toString()).by(caller.name())
                    .inProject(new RepositoryName(scope.name()).project()));
        }
    }

    private static ApiException unauthorized(String message) {
        return new ApiException(ApiError.UNAUTHORIZED, message);
    }
}
