package io.berth.console.projects;

import java.io.Serial;
import java.io.Serializable;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The commands that push an image into a project, for each client the console offers
 * ({@code Preferences.PULL_STYLES}): sign in, then tag and push (docker, podman), copy (skopeo, crane) or push
 * files as an artifact (oras). Upper-case words are placeholders the user replaces, as in Harbor.
 * <p>
 * The registry host is the authority of {@code BERTH_EXTERNAL_URL} when set (behind a proxy it is the only name
 * clients know), else the {@code Host} the browser used, which reaches this server by definition.
 * <pre>
 * PushCommands.of("podman", PushCommands.host(config.externalUrl(), request.getHeader("Host"), "localhost:8080"), "team")
 * </pre>
 */
public final class PushCommands {

    /** What a Host header may hold (name or address, optional port); anything else is not used in a command. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]{1,255}");

    private PushCommands() {
    }

    /** One step: the message key that says what it does, and the command line. */
    public record Command(String labelKey, String line) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** The registry's host (and port) as clients address it. */
    static String host(Optional<URI> externalUrl, String hostHeader, String fallback) {
        Optional<String> configured = externalUrl.map(URI::getRawAuthority).filter(a -> a != null && !a.isEmpty());
        if (configured.isPresent()) {
            return configured.get();
        }
        return hostHeader != null && HOST.matcher(hostHeader).matches() ? hostHeader : fallback;
    }

    /** The steps for {@code style} (an unknown style is docker) into {@code project} on {@code host}. */
    static List<Command> of(String style, String host, String project) {
        String target = host + "/" + project + "/REPOSITORY";
        return switch (style) {
            case "podman" -> List.of(
                    new Command("projects.push.login", "podman login " + host),
                    new Command("projects.push.tag", "podman tag SOURCE_IMAGE[:TAG] " + target + "[:TAG]"),
                    new Command("projects.push.push", "podman push " + target + "[:TAG]"));
            case "skopeo" -> List.of(
                    new Command("projects.push.login", "skopeo login " + host),
                    new Command("projects.push.copy", "skopeo copy docker://SOURCE_IMAGE:TAG docker://" + target + ":TAG"));
            case "crane" -> List.of(
                    new Command("projects.push.login", "crane auth login " + host + " -u USERNAME"),
                    new Command("projects.push.copy", "crane copy SOURCE_IMAGE:TAG " + target + ":TAG"));
            case "oras" -> List.of(
                    new Command("projects.push.login", "oras login " + host),
                    new Command("projects.push.files", "oras push " + target + ":TAG FILE[:MEDIA_TYPE]"));
            default -> List.of(
                    new Command("projects.push.login", "docker login " + host),
                    new Command("projects.push.tag", "docker tag SOURCE_IMAGE[:TAG] " + target + "[:TAG]"),
                    new Command("projects.push.push", "docker push " + target + "[:TAG]"));
        };
    }
}
