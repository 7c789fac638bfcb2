package io.berth.auth.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.berth.auth.entity.RequiredAccess.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequiredAccessTest {

    @Test
    void methodsMapToActionsAsInDistribution() {
        assertScopes("repository:library/x:pull", "GET", "/library/x/manifests/v1");
        assertScopes("repository:library/x:pull", "HEAD", "/library/x/blobs/sha256:1");
        assertScopes("repository:library/x:pull,push", "PUT", "/library/x/manifests/v1");
        assertScopes("repository:library/x:pull,push", "POST", "/library/x/blobs/uploads/");
        assertScopes("repository:library/x:pull,push", "PATCH", "/library/x/blobs/uploads/u");
        assertScopes("repository:library/x:delete", "DELETE", "/library/x/manifests/sha256:1");
        assertScopes("repository:library/x:pull,push,delete", "OPTIONS", "/library/x/manifests/v1");
    }

    @Test
    void aMountAddsTheSourcePullScope() {
        RequiredAccess need = RequiredAccess.of("POST", "/library/x/blobs/uploads/", "sha256:1", "other/y");
        assertEquals(List.of("repository:library/x:pull,push", "repository:other/y:pull"), strings(need));
        assertNull(RequiredAccess.of("POST", "/library/x/blobs/uploads/", "sha256:1", "busybox").mountFrom());
        assertNull(RequiredAccess.of("POST", "/library/x/blobs/uploads/", null, "other/y").mountFrom());
    }

    @Test
    void theCatalogNeedsRegistryCatalog() {
        assertScopes("registry:catalog:*", "GET", "/_catalog");
    }

    @Test
    void theVersionCheckUnroutedPathsAndInvalidNamesNeedOnlyAuthentication() {
        assertEquals(Kind.AUTHENTICATED, RequiredAccess.of("GET", "/", null, null).kind());
        assertEquals(Kind.AUTHENTICATED, RequiredAccess.of("GET", null, null, null).kind());
        assertEquals(Kind.AUTHENTICATED, RequiredAccess.of("GET", "/library/x/nonsense", null, null).kind());
        RequiredAccess invalid = RequiredAccess.of("PUT", "/Library/X/manifests/v1", null, null);
        assertEquals(Kind.AUTHENTICATED, invalid.kind());
        assertEquals("Library/X", invalid.routedName());
        assertEquals(List.of(), invalid.scopes());
    }

    private static void assertScopes(String expected, String method, String path) {
        assertEquals(List.of(expected), strings(RequiredAccess.of(method, path, null, null)), method + " " + path);
    }

    private static List<String> strings(RequiredAccess need) {
        return need.scopes().stream().map(ResourceScope::toString).toList();
    }
}
