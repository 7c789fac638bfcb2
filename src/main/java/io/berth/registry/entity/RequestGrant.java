package io.berth.registry.entity;

import java.util.Set;

/**
 * What authentication decided about one {@code /v2/} request, in the registry's own terms and free of any token
 * detail: the repository the request was authorised for (as {@link RegistryRoute#parse} read it from the path),
 * whether it may list the catalog, and which repositories the caller may pull from. The authentication filter
 * stores it as the request attribute {@link #ATTRIBUTE}; the registry checks that it matches the route JAX-RS
 * chose, and a cross-repository mount consults {@link #mayPull} for its source, so a blob is never mounted from
 * a repository the caller cannot read.
 *
 * @param repository the repository name from the path, or null for the version check and the catalog
 * @param catalog    whether the catalog may be listed
 * @param pullable   repository names the caller may pull from (the path's own and, for a mount, its source)
 */
public record RequestGrant(String repository, boolean catalog, Set<String> pullable) {

    /** The request attribute (and JAX-RS property) carrying the grant. */
    public static final String ATTRIBUTE = "io.berth.registry.grant";

    public RequestGrant {
        pullable = Set.copyOf(pullable);
    }

    /** Whether the caller may read blobs and manifests of {@code repositoryName}. */
    public boolean mayPull(String repositoryName) {
        return pullable.contains(repositoryName);
    }
}
