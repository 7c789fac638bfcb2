package io.berth.auth.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceScopeTest {

    @Test
    void aSimpleRepositoryScope() {
        assertEquals(List.of(new ResourceScope("repository", "library/nginx", Set.of("pull", "push"))),
                ResourceScope.parse(List.of("repository:library/nginx:pull,push")));
    }

    @Test
    void namesMayHoldAHostAndPort() {
        ResourceScope scope = ResourceScope.parse(List.of("repository:127.0.0.1:5000/library/nginx:pull")).get(0);
        assertEquals("repository", scope.type());
        assertEquals("127.0.0.1:5000/library/nginx", scope.name());
        assertEquals(Set.of("pull"), scope.actions());
    }

    @Test
    void spaceSeparatedAndRepeatedParametersAreAllRead() {
        List<ResourceScope> scopes = ResourceScope.parse(List.of("repository:a/b:pull registry:catalog:*", "repository:c/d:delete"));
        assertEquals(List.of("repository:a/b:pull", "registry:catalog:*", "repository:c/d:delete"),
                scopes.stream().map(ResourceScope::toString).toList());
    }

    @Test
    void scopesForOneResourceAreMerged() {
        assertEquals(List.of("repository:a/b:pull,push"),
                ResourceScope.parse(List.of("repository:a/b:pull", "repository:a/b:push,pull")).stream().map(ResourceScope::toString).toList());
    }

    @Test
    void theClassOfATypeIsDroppedAndShortScopesHaveNoActions() {
        assertEquals("repository:a/b:pull", ResourceScope.parse(List.of("repository(plugin):a/b:pull")).get(0).toString());
        assertEquals(new ResourceScope("repository", "a/b", Set.of()), ResourceScope.parse(List.of("repository:a/b")).get(0));
        assertEquals(new ResourceScope("repository", "", Set.of()), ResourceScope.parse(List.of("repository")).get(0));
        assertTrue(ResourceScope.parse(List.of("", "  ")).isEmpty());
    }

    @Test
    void unknownTypesAreKept() {
        assertEquals("plugin:x:run", ResourceScope.parse(List.of("plugin:x:run")).get(0).toString());
    }

    @Test
    void oversizedParametersAreIgnored() {
        assertTrue(ResourceScope.parse(List.of("repository:" + "a".repeat(ResourceScope.MAX_SCOPE_LENGTH) + ":pull")).isEmpty());
    }
}
