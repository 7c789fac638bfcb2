package io.berth.console.repositories;

import io.berth.console.shell.Preferences;
import io.berth.platform.BerthConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * The commands that pull an artifact, by tag or by digest, for the client the visitor chose
 * ({@code #{preferences.pullStyle}}: docker, podman, skopeo, crane, oras), on the registry's address as clients
 * reach it: the host of {@code BERTH_EXTERNAL_URL} when set, else the host the browser called. The repository and
 * artifact pages show them with copy buttons:
 * <pre>
 * #{pullCommands.byTag('library/app', 'v1')}      docker pull registry.example.com/library/app:v1
 * #{pullCommands.byDigest('library/app', digest)} docker pull registry.example.com/library/app@sha256:...
 * </pre>
 */
@Named
@RequestScoped
public class PullCommands {

    /** What a Host header may hold: names, IPv4 and bracketed IPv6 addresses, a port. Anything else is dropped. */
    private static final Pattern AUTHORITY = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+](:\\d{1,5})?");

    @Inject
    Preferences preferences;

    @Inject
    BerthConfig config;

    private String registry;

    public String byTag(String repository, String tag) {
        return command(repository, ":" + tag, tag);
    }

    public String byDigest(String repository, String digest) {
        return command(repository, "@" + digest, null);
    }

    /** The chosen client's name, as the commands use it. */
    public String getStyle() {
        return preferences.getPullStyle();
    }

    private String command(String repository, String reference, String tag) {
        String image = registry() + "/" + repository + reference;
        String local = repository.substring(repository.lastIndexOf('/') + 1);
        return switch (preferences.getPullStyle()) {
            case "podman" -> "podman pull " + image;
            case "skopeo" -> "skopeo copy docker://" + image + " oci:" + local + (tag == null ? "" : ":" + tag);
            case "crane" -> "crane pull " + image + " " + local + ".tar";
            case "oras" -> "oras pull " + image;
            default -> "docker pull " + image;
        };
    }

    /** {@code host[:port]} of the registry as clients reach it. */
    String registry() {
        if (registry == null) {
            registry = config.externalUrl().map(URI::getRawAuthority).orElseGet(() -> {
                HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
                String host = request.getHeader("Host");
                return host != null && AUTHORITY.matcher(host).matches() ? host
                        : request.getServerName() + (request.getServerPort() == 80 || request.getServerPort() == 443
                                ? "" : ":" + request.getServerPort());
            });
        }
        return registry;
    }
}
