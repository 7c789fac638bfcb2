package io.berth.registry.boundary.oci;

import io.berth.platform.BerthConfig;
import io.berth.registry.entity.Digest;
import io.berth.registry.entity.RepositoryName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The URLs Berth hands out in {@code Location} and {@code Link} headers. With {@code BERTH_EXTERNAL_URL}
 * set they are absolute on that base; without it they are absolute paths, which every client resolves
 * against the URL it called, so Berth needs no knowledge of proxies in front of it.
 */
@ApplicationScoped
public class Locations {

    @Inject
    BerthConfig config;

    String blob(RepositoryName name, Digest digest) {
        return url("/v2/" + name + "/blobs/" + digest);
    }

    String upload(RepositoryName name, String uuid) {
        return url("/v2/" + name + "/blobs/uploads/" + uuid);
    }

    String manifest(RepositoryName name, Digest digest) {
        return url("/v2/" + name + "/manifests/" + digest);
    }

    /** A path-absolute URL on the external base, if there is one. */
    String url(String path) {
        return config.externalUrl().map(base -> base + path).orElse(path);
    }
}
