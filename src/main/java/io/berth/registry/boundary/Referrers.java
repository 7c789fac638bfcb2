package io.berth.registry.boundary;

import io.berth.registry.entity.Artifact;
import io.berth.registry.entity.Descriptor;
import io.berth.registry.entity.Digest;
import io.berth.registry.entity.Repository;
import io.berth.registry.entity.RepositoryName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OCI 1.1 referrers of a manifest: artifacts in the same repository whose {@code subject} is that
 * digest, as descriptors carrying their artifact type and annotations. The subject need not exist: a
 * signature may be pushed before the image it signs.
 */
@ApplicationScoped
public class Referrers {

    @PersistenceContext
    EntityManager em;

    /** Referrers of {@code subject}, only those of {@code artifactType} when it is given. */
    public List<Descriptor> list(RepositoryName name, Digest subject, Optional<String> artifactType) {
        Optional<Repository> repository = em.createNamedQuery(Repository.FIND_BY_NAME, Repository.class)
                .setParameter("name", name.value())
                .getResultStream().findFirst();
        if (repository.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(Artifact.FIND_REFERRERS, Artifact.class)
                .setParameter("repositoryId", repository.get().id())
                .setParameter("subject", subject.toString())
                .getResultStream()
                .filter(a -> artifactType.isEmpty() || artifactType.get().equals(a.artifactType()))
                .map(Referrers::descriptor)
                .toList();
    }

    private static Descriptor descriptor(Artifact artifact) {
        return Descriptor.of(artifact.manifestMediaType(), artifact.digest(), artifact.manifestSize())
                .withArtifactType(artifact.artifactType())
                .withAnnotations(annotations(artifact.annotations()));
    }

    private static Map<String, String> annotations(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            for (Map.Entry<String, JsonValue> e : object.entrySet()) {
                if (e.getValue() instanceof JsonString s) {
                    map.put(e.getKey(), s.getString());
                }
            }
        }
        return map;
    }
}
