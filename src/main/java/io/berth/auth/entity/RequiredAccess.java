package io.berth.auth.entity;

import io.berth.registry.entity.RegistryException;
import io.berth.registry.entity.RegistryRoute;
import io.berth.registry.entity.RepositoryName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@code /v2/} request needs, decided from its method and path alone, as distribution's
 * {@code appendAccessRecords} does: GET and HEAD pull, POST, PUT and PATCH pull and push, DELETE deletes (other
 * methods need all three, so that nothing unforeseen is cheaper than a push). The version check, paths no resource
 * serves and repository names that break the grammar need only valid credentials of any kind, anonymous tokens
 * included: they answer {@code {}}, 404 or 400 and reveal nothing. The catalog needs {@code registry:catalog:*}.
 *
 * @param kind       which of these it is
 * @param routedName the repository name as the path spells it (possibly invalid), or null
 * @param repository the repository, for {@link Kind#REPOSITORY}
 * @param actions    the repository actions needed, in {@link ResourceScope#REPOSITORY_ACTIONS} order
 * @param mountFrom  the source of a cross-repository mount ({@code POST ...?mount=&from=}) when it is a valid name;
 *                   pulling from it is wanted, not required: without it the mount becomes an upload
 */
public record RequiredAccess(Kind kind, String routedName, RepositoryName repository, List<String> actions,
        RepositoryName mountFrom) {

    /** The kinds of requirement. */
    public enum Kind {
        /** Any valid credentials or token. */
        AUTHENTICATED,
        /** {@code registry:catalog:*}. */
        CATALOG,
        /** {@link #actions} on {@link #repository}. */
        REPOSITORY
    }

    public RequiredAccess {
        actions = List.copyOf(actions);
    }

    /**
     * The requirement of a request.
     *
     * @param method the HTTP method
     * @param path   the path after {@code /v2}, decoded
     * @param mount  the {@code mount} query parameter, or null
     * @param from   the {@code from} query parameter, or null
     */
    public static RequiredAccess of(String method, String path, String mount, String from) {
        RegistryRoute route = RegistryRoute.parse(path);
        return switch (route.kind()) {
            case BASE, NONE -> new RequiredAccess(Kind.AUTHENTICATED, null, null, List.of(), null);
            case CATALOG -> new RequiredAccess(Kind.CATALOG, null, null, List.of(ResourceScope.ALL), null);
            case REPOSITORY -> {
                Optional<RepositoryName> name = valid(route.name());
                if (name.isEmpty()) {
                    yield new RequiredAccess(Kind.AUTHENTICATED, route.name(), null, List.of(), null);
                }
                RepositoryName source = "POST".equals(method) && mount != null ? valid(from).orElse(null) : null;
                yield new RequiredAccess(Kind.REPOSITORY, route.name(), name.get(), actions(method), source);
            }
        };
    }

    /** The scopes a client needs a token for: what a challenge names. */
    public List<ResourceScope> scopes() {
        List<ResourceScope> scopes = new ArrayList<>();
        switch (kind) {
            case CATALOG -> scopes.add(new ResourceScope(ResourceScope.REGISTRY, ResourceScope.CATALOG, Set.of(ResourceScope.ALL)));
            case REPOSITORY -> {
                scopes.add(new ResourceScope(ResourceScope.REPOSITORY, repository.value(), new LinkedHashSet<>(actions)));
                if (mountFrom != null) {
                    scopes.add(new ResourceScope(ResourceScope.REPOSITORY, mountFrom.value(), Set.of(ResourceScope.PULL)));
                }
            }
            case AUTHENTICATED -> {
                // no scope: any token will do
            }
        }
        return scopes;
    }

    static List<String> actions(String method) {
        return switch (method) {
            case "GET", "HEAD" -> List.of(ResourceScope.PULL);
            case "POST", "PUT", "PATCH" -> List.of(ResourceScope.PULL, ResourceScope.PUSH);
            case "DELETE" -> List.of(ResourceScope.DELETE);
            default -> ResourceScope.REPOSITORY_ACTIONS;
        };
    }

    private static Optional<RepositoryName> valid(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RepositoryName(name));
        } catch (RegistryException e) {
            return Optional.empty();
        }
    }
}
