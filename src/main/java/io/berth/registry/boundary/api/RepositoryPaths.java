package io.berth.registry.boundary.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Harbor's clients encode a repository name twice in a path ({@code a/b} → {@code a%252Fb}) so that its slashes
 * survive proxies; JAX-RS decodes once, this decodes the second time. A name encoded only once arrives already
 * whole and is left alone.
 */
final class RepositoryPaths {

    private RepositoryPaths() {
    }

    static String decode(String once) {
        if (once == null || once.indexOf('%') < 0) {
            return once;
        }
        try {
            return URLDecoder.decode(once.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return once;
        }
    }
}
