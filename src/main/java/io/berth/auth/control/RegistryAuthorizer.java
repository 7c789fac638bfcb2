package io.berth.auth.control;

import io.berth.auth.entity.AccessDecision;
import io.berth.auth.entity.Credentials;
import io.berth.auth.entity.RequiredAccess;
import io.berth.auth.entity.ResourceScope;
import io.berth.auth.entity.VerifiedToken;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Project;
import io.berth.registry.entity.RepositoryName;
import io.berth.registry.entity.RequestGrant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Decides a {@code /v2/} request from its credentials and what it needs ({@link RequiredAccess}); the servlet filter
 * only turns the answer into HTTP.
 * <ul>
 * <li>No credentials: challenge, always. Anonymous clients fetch an anonymous token, which grants pull on public
 * projects; so the challenge tells every client, HEAD included, where to get one.</li>
 * <li>A Bearer token: it must verify ({@link TokenVerifier}), name an existing caller ({@link TokenSubjects}), have
 * been issued no earlier than every project it is used for was created, and its {@code access} must cover what the
 * request needs. A token that falls short is challenged ({@code insufficient_scope}), as distribution does, so a
 * client can ask for a token with more scope; one that is invalid or stale is challenged with
 * {@code invalid_token}.</li>
 * <li>HTTP Basic (Harbor accepts it on {@code /v2/}): the {@link Authenticator} checks the password, then RBAC
 * decides, with the same mapping the token service uses ({@link ScopeGrants}). Wrong credentials are challenged;
 * a known caller without the right is denied ({@code 403}), since authenticating again cannot help.</li>
 * </ul>
 * A project that does not exist is treated like a private project the caller cannot see, so neither answer tells
 * the two apart; only system administrators, who see every project, get through to the registry's own
 * {@code NAME_UNKNOWN}. The source of a cross-repository mount is never required: when the caller may pull from it,
 * the {@link RequestGrant} says so, and otherwise the registry starts an ordinary upload.
 */
@ApplicationScoped
public class RegistryAuthorizer {

    @Inject
    TokenVerifier tokens;

    @Inject
    TokenSubjects subjects;

    @Inject
    Authenticator authenticator;

    @Inject
    ScopeGrants grants;

    @Inject
    ProjectFinder projects;

    public AccessDecision decide(Credentials credentials, RequiredAccess need) {
        return switch (credentials) {
            case Credentials.None none -> AccessDecision.challenge(null, "authentication required");
            case Credentials.Unsupported unsupported -> AccessDecision.challenge(null, "unsupported authorization scheme");
            case Credentials.Bearer bearer -> byToken(bearer.token(), need);
            case Credentials.Basic basic -> authenticator.authenticate(basic.username(), basic.password())
                    .map(caller -> byRoles(caller, need))
                    .orElseGet(() -> AccessDecision.challenge(null, "invalid username or password"));
        };
    }

    private AccessDecision byToken(String token, RequiredAccess need) {
        Optional<VerifiedToken> verified = tokens.verify(token);
        Optional<Caller> caller = verified.flatMap(v -> subjects.callerOf(v.subject()));
        if (caller.isEmpty()) {
            return AccessDecision.challenge(AccessDecision.INVALID_TOKEN, "invalid token");
        }
        VerifiedToken claims = verified.get();
        return decide(caller.get(), need, new Holdings() {
            @Override
            public boolean catalog() {
                return claims.allows(ResourceScope.REGISTRY, ResourceScope.CATALOG, ResourceScope.ALL);
            }

            @Override
            public Set<String> actions(RepositoryName name, Project project) {
                Set<String> held = new HashSet<>();
                for (String action : ResourceScope.REPOSITORY_ACTIONS) {
                    if (claims.allows(ResourceScope.REPOSITORY, name.value(), action)) {
                        held.add(action);
                    }
                }
                return held;
            }

            @Override
            public boolean freshFor(Project project) {
                return claims.issuedSince(project.creationTime());
            }

            @Override
            public AccessDecision lacking(String reason) {
                return AccessDecision.challenge(AccessDecision.INSUFFICIENT_SCOPE, reason);
            }
        });
    }

    private AccessDecision byRoles(Caller caller, RequiredAccess need) {
        return decide(caller, need, new Holdings() {
            @Override
            public boolean catalog() {
                return grants.mayListCatalog(caller);
            }

            @Override
            public Set<String> actions(RepositoryName name, Project project) {
                return grants.repositoryActions(caller, project);
            }

            @Override
            public boolean freshFor(Project project) {
                return true;
            }

            @Override
            public AccessDecision lacking(String reason) {
                return AccessDecision.deny(reason);
            }
        });
    }

    /** The one decision procedure, over what a token or the caller's roles hold. */
    private AccessDecision decide(Caller caller, RequiredAccess need, Holdings holdings) {
        switch (need.kind()) {
            case AUTHENTICATED -> {
                return AccessDecision.allow(caller, new RequestGrant(need.routedName(), false, Set.of()));
            }
            case CATALOG -> {
                return holdings.catalog()
                        ? AccessDecision.allow(caller, new RequestGrant(null, true, Set.of()))
                        : holdings.lacking("the catalog is for system administrators");
            }
            case REPOSITORY -> {
                RepositoryName name = need.repository();
                Optional<Project> project = projects.byName(name.project());
                if (project.isEmpty()) {
                    return caller.isSysadmin()
                            ? AccessDecision.allow(caller, new RequestGrant(need.routedName(), false, Set.of()))
                            : holdings.lacking("no access to " + name);
                }
                if (!holdings.freshFor(project.get())) {
                    return AccessDecision.challenge(AccessDecision.INVALID_TOKEN,
                            "the token was issued before project " + name.project() + " was created");
                }
                Set<String> held = holdings.actions(name, project.get());
                if (!held.containsAll(need.actions())) {
                    return holdings.lacking("no " + String.join(",", need.actions()) + " access to " + name);
                }
                Set<String> pullable = new HashSet<>();
                if (held.contains(ResourceScope.PULL)) {
                    pullable.add(name.value());
                }
                if (need.mountFrom() != null) {
                    Optional<AccessDecision> stale = addMountSource(need.mountFrom(), holdings, pullable);
                    if (stale.isPresent()) {
                        return stale.get();
                    }
                }
                return AccessDecision.allow(caller, new RequestGrant(need.routedName(), false, pullable));
            }
            default -> throw new IllegalStateException("unknown requirement " + need.kind());
        }
    }

    /** Adds the mount source to {@code pullable} if the caller may pull from it; a stale token is refused outright. */
    private Optional<AccessDecision> addMountSource(RepositoryName from, Holdings holdings, Set<String> pullable) {
        Optional<Project> source = projects.byName(from.project());
        if (source.isEmpty() || !holdings.actions(from, source.get()).contains(ResourceScope.PULL)) {
            return Optional.empty();
        }
        if (!holdings.freshFor(source.get())) {
            return Optional.of(AccessDecision.challenge(AccessDecision.INVALID_TOKEN,
                    "the token was issued before project " + from.project() + " was created"));
        }
        pullable.add(from.value());
        return Optional.empty();
    }

    /** What a token, or a caller's roles, hold; and how falling short is answered. */
    private interface Holdings {

        boolean catalog();

        Set<String> actions(RepositoryName name, Project project);

        boolean freshFor(Project project);

        AccessDecision lacking(String reason);
    }
}
