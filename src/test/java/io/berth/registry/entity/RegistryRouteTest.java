package io.berth.registry.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.berth.registry.entity.RegistryRoute.Kind;
import org.junit.jupiter.api.Test;

class RegistryRouteTest {

    @Test
    void theVersionCheckAndTheCatalog() {
        assertEquals(new RegistryRoute(Kind.BASE, null), RegistryRoute.parse(null));
        assertEquals(new RegistryRoute(Kind.BASE, null), RegistryRoute.parse(""));
        assertEquals(new RegistryRoute(Kind.BASE, null), RegistryRoute.parse("/"));
        assertEquals(new RegistryRoute(Kind.CATALOG, null), RegistryRoute.parse("/_catalog"));
        assertEquals(new RegistryRoute(Kind.CATALOG, null), RegistryRoute.parse("/_catalog/"));
    }

    @Test
    void everyRepositoryEndpointYieldsTheName() {
        assertRepository("library/nginx", "/library/nginx/manifests/latest");
        assertRepository("library/nginx", "/library/nginx/blobs/sha256:abc");
        assertRepository("library/nginx", "/library/nginx/blobs/uploads");
        assertRepository("library/nginx", "/library/nginx/blobs/uploads/");
        assertRepository("library/nginx", "/library/nginx/blobs/uploads/0b9c-11");
        assertRepository("library/nginx", "/library/nginx/tags/list");
        assertRepository("library/nginx", "/library/nginx/referrers/sha256:abc");
    }

    @Test
    void theNameEndsAtTheLastEndpointSegment() {
        assertRepository("team/manifests/x", "/team/manifests/x/manifests/v1");
        assertRepository("a/blobs/b", "/a/blobs/b/blobs/sha256:1");
        assertRepository("a/blobs/uploads", "/a/blobs/uploads/blobs/uploads");
        assertRepository("a/tags/list", "/a/tags/list/tags/list");
        assertRepository("a/manifests", "/a/manifests/blobs/sha256:1");
        assertRepository("a/blobs", "/a/blobs/manifests/v1");
    }

    @Test
    void namesAreTakenAsTheyAreWhateverTheirGrammar() {
        assertRepository("Library/UPPER", "/Library/UPPER/tags/list");
        assertRepository("no-project", "/no-project/manifests/latest");
    }

    @Test
    void pathsNoResourceServes() {
        for (String path : new String[] {"/_unknown", "/library/x/nonsense", "/library/x/tags", "/library/x/manifests",
                "/library/x/blobs", "/library/x/manifests/a/b", "/library/x/tags/list/more"}) {
            assertEquals(Kind.NONE, RegistryRoute.parse(path).kind(), path);
        }
    }

    private static void assertRepository(String name, String path) {
        assertEquals(new RegistryRoute(Kind.REPOSITORY, name), RegistryRoute.parse(path), path);
    }
}
