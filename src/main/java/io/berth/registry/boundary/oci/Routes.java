package io.berth.registry.boundary.oci;

/**
 * Path templates shared by the resources. A repository name may contain slashes, so it is matched with
 * {@code .+}; each resource anchors its last segment with {@code $} so that a repository called, say,
 * {@code team/manifests/x} is never mistaken for a manifest path. The name's grammar is checked by
 * {@link io.berth.registry.entity.RepositoryName}, which answers NAME_INVALID instead of a bare 404.
 */
final class Routes {

    static final String NAME = "{name: .+}";

    private Routes() {
    }
}
