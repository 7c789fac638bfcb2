package io.berth.console.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which host the push commands name, and the commands of each client. */
class PushCommandsTest {

    @Test
    void theExternalUrlWinsOverTheRequestsHost() {
        assertEquals("registry.example.com", PushCommands.host(Optional.of(URI.create("https://registry.example.com")),
                "10.0.0.5:8080", "fallback:1"));
        assertEquals("registry.example.com:8443", PushCommands.host(Optional.of(URI.create("https://registry.example.com:8443")),
                "10.0.0.5:8080", "fallback:1"));
        assertEquals("10.0.0.5:8080", PushCommands.host(Optional.empty(), "10.0.0.5:8080", "fallback:1"));
    }

    @Test
    void aHostHeaderThatIsNoHostNameIsNotPutIntoACommand() {
        assertEquals("fallback:1", PushCommands.host(Optional.empty(), "evil.example/$(rm -rf ~)", "fallback:1"));
        assertEquals("fallback:1", PushCommands.host(Optional.empty(), null, "fallback:1"));
    }

    @Test
    void everyClientHasItsCommandsAndAnUnknownOneIsDocker() {
        assertEquals(List.of("docker login h:1", "docker tag SOURCE_IMAGE[:TAG] h:1/team/REPOSITORY[:TAG]",
                "docker push h:1/team/REPOSITORY[:TAG]"), lines("docker"));
        assertEquals(lines("docker"), lines("nerdctl"));
        assertEquals("podman push h:1/team/REPOSITORY[:TAG]", lines("podman").getLast());
        assertEquals("skopeo copy docker://SOURCE_IMAGE:TAG docker://h:1/team/REPOSITORY:TAG", lines("skopeo").getLast());
        assertEquals("crane copy SOURCE_IMAGE:TAG h:1/team/REPOSITORY:TAG", lines("crane").getLast());
        assertEquals("oras push h:1/team/REPOSITORY:TAG FILE[:MEDIA_TYPE]", lines("oras").getLast());
    }

    private static List<String> lines(String style) {
        return PushCommands.of(style, "h:1", "team").stream().map(PushCommands.Command::line).toList();
    }
}
