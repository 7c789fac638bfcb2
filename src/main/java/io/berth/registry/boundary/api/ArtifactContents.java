package io.berth.registry.boundary.api;

import io.berth.registry.control.ImageConfigs;
import io.berth.registry.entity.Artifact;
import io.berth.registry.entity.Descriptor;
import io.berth.registry.entity.ParsedManifest;
import io.berth.registry.entity.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds an {@link ArtifactContentView} from the stored manifest and image config ({@link ImageConfigs}, cached by
 * digest), plus one query for the sizes of an index's children. Config fields of the wrong JSON type are left out
 * rather than failing the page: the config is whatever the client pushed.
 */
@ApplicationScoped
class ArtifactContents {

    @PersistenceContext
    EntityManager em;

    @Inject
    ImageConfigs configs;

    ArtifactContentView of(Repository repository, Artifact artifact) {
        Optional<ParsedManifest> read = configs.manifest(artifact);
        if (read.isEmpty()) {
            return new ArtifactContentView(artifact.manifestMediaType(), null, List.of(), 0, List.of(), List.of(), false);
        }
        ParsedManifest manifest = read.get();
        if (manifest.isIndex()) {
            return new ArtifactContentView(manifest.mediaType(), null, List.of(), 0, List.of(),
                    children(repository, manifest), true);
        }
        List<ArtifactContentView.Layer> layers = manifest.layers().stream()
                .map(l -> new ArtifactContentView.Layer(l.mediaType(), l.digest().toString(), l.size(), l.urls()))
                .toList();
        long total = layers.stream().mapToLong(ArtifactContentView.Layer::size).sum();
        Descriptor descriptor = manifest.config();
        Optional<JsonObject> config = descriptor == null || !isJsonConfig(descriptor.mediaType())
                ? Optional.empty() : configs.config(descriptor.digest(), descriptor.size());
        return new ArtifactContentView(manifest.mediaType(),
                config.map(c -> summary(descriptor, c)).orElse(null), layers, total,
                config.map(ArtifactContents::history).orElse(List.of()), List.of(), true);
    }

    private List<ArtifactContentView.Child> children(Repository repository, ParsedManifest index) {
        List<String> digests = index.manifests().stream().map(d -> d.digest().toString()).toList();
        Map<String, Long> sizes = digests.isEmpty() ? Map.of()
                : em.createNamedQuery(Artifact.FIND_BY_DIGESTS, Artifact.class)
                .setParameter("repositoryId", repository.id()).setParameter("digests", digests).getResultStream()
                .collect(Collectors.toMap(a -> a.digest().toString(), Artifact::size, (a, b) -> a));
        List<ArtifactContentView.Child> children = new ArrayList<>();
        for (Descriptor child : index.manifests()) {
            String digest = child.digest().toString();
            Long size = sizes.get(digest);
            children.add(new ArtifactContentView.Child(digest, child.mediaType(),
                    child.platform() == null ? "" : child.platform().toString(),
                    size == null ? child.size() : size, size != null));
        }
        return children;
    }

    private static boolean isJsonConfig(String mediaType) {
        return mediaType != null && mediaType.endsWith("json");
    }

    static ArtifactContentView.ImageConfig summary(Descriptor descriptor, JsonObject config) {
        JsonObject runtime = object(config, "config");
        return new ArtifactContentView.ImageConfig(descriptor.digest().toString(), descriptor.size(),
                string(config, "os"), string(config, "architecture"), string(config, "variant"),
                time(string(config, "created")), string(config, "author"),
                strings(runtime, "Entrypoint"), strings(runtime, "Cmd"), strings(runtime, "Env"),
                string(runtime, "WorkingDir"), string(runtime, "User"),
                runtime != null && runtime.get("ExposedPorts") instanceof JsonObject ports
                        ? List.copyOf(ports.keySet()) : List.of(),
                labels(object(runtime, "Labels")));
    }

    static List<ArtifactContentView.HistoryStep> history(JsonObject config) {
        if (!(config.get("history") instanceof JsonArray steps)) {
            return List.of();
        }
        List<ArtifactContentView.HistoryStep> history = new ArrayList<>();
        for (JsonValue value : steps) {
            if (value instanceof JsonObject step) {
                history.add(new ArtifactContentView.HistoryStep(time(string(step, "created")),
                        string(step, "created_by"), string(step, "comment"),
                        step.get("empty_layer") == JsonValue.TRUE));
            }
        }
        return history;
    }

    private static JsonObject object(JsonObject parent, String key) {
        return parent != null && parent.get(key) instanceof JsonObject child ? child : null;
    }

    private static String string(JsonObject parent, String key) {
        return parent != null && parent.get(key) instanceof JsonString text ? text.getString() : null;
    }

    private static List<String> strings(JsonObject parent, String key) {
        if (parent == null || !(parent.get(key) instanceof JsonArray array)) {
            return List.of();
        }
        return array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList();
    }

    private static Map<String, String> labels(JsonObject labels) {
        Map<String, String> result = new LinkedHashMap<>();
        if (labels != null) {
            labels.forEach((key, value) -> {
                if (value instanceof JsonString text) {
                    result.put(key, text.getString());
                }
            });
        }
        return result;
    }

    /** An RFC 3339 time as image configs write it; null when absent or unreadable. */
    private static Instant time(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
