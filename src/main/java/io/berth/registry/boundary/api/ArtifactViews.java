package io.berth.registry.boundary.api;

import io.berth.registry.control.ImageConfigs;
import io.berth.registry.control.PullStatistics;
import io.berth.registry.entity.Artifact;
import io.berth.registry.entity.ArtifactReference;
import io.berth.registry.entity.ArtifactTag;
import io.berth.registry.entity.HarborTypes;
import io.berth.registry.entity.Label;
import io.berth.registry.entity.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Turns a page of artifacts into Harbor's {@code Artifact} views: one query each for tags, index references,
 * labels and accessories of the whole page (never one per artifact), and the image config for
 * {@code extra_attrs} ({@link ImageConfigs}); pull times with this node's pulls not flushed yet ({@link PullStatistics}).
 */
@ApplicationScoped
public class ArtifactViews {

    /** Harbor's {@code with_*} flags that change what a view holds. */
    public record Flags(boolean withTag, boolean withLabel, boolean withAccessory) {

        /** Tags, labels and accessories: everything a page about artifacts shows. */
        public static final Flags ALL = new Flags(true, true, true);
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    ImageConfigs configs;

    @Inject
    PullStatistics pulls;

    List<ArtifactView> of(Repository repository, List<Artifact> artifacts, Flags flags) {
        if (artifacts.isEmpty()) {
            return List.of();
        }
        List<Long> ids = artifacts.stream().map(Artifact::id).toList();
        Map<Long, List<TagView>> tags = new HashMap<>();
        if (flags.withTag()) {
            List<ArtifactTag> found = em.createQuery("SELECT t FROM ArtifactTag t WHERE t.artifactId IN :ids ORDER BY t.name",
                    ArtifactTag.class).setParameter("ids", ids).getResultList();
            Map<Long, Instant> tagPullTimes = pulls.tagPullTimes(repository, found);
            found.forEach(t -> tags.computeIfAbsent(t.artifactId(), k -> new ArrayList<>()).add(TagView.of(t, tagPullTimes.get(t.id()))));
        }
        Map<Long, Instant> pullTimes = pulls.artifactPullTimes(repository, artifacts);
        Map<Long, List<LabelView>> labels = new HashMap<>();
        if (flags.withLabel()) {
            for (Object[] row : em.createQuery("SELECT al.artifactId, l FROM ArtifactLabel al, Label l"
                    + " WHERE al.labelId = l.id AND al.artifactId IN :ids ORDER BY l.name", Object[].class)
                    .setParameter("ids", ids).getResultList()) {
                labels.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add(LabelView.of((Label) row[1]));
            }
        }
        Map<Long, List<ReferenceView>> references = new HashMap<>();
        em.createQuery("SELECT r FROM ArtifactReference r WHERE r.parentId IN :ids ORDER BY r.id", ArtifactReference.class)
                .setParameter("ids", ids).getResultStream()
                .forEach(r -> references.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(new ReferenceView(
                        r.parentId(), r.childId(), r.childDigest().toString(), json(r.platform()), json(r.annotations()), null)));
        Map<String, List<AccessoryView>> accessories = flags.withAccessory() ? accessories(repository, artifacts) : Map.of();

        List<ArtifactView> views = new ArrayList<>(artifacts.size());
        for (Artifact a : artifacts) {
            views.add(new ArtifactView(a.id(), HarborTypes.type(a.manifestMediaType(), a.mediaType(), a.artifactType()),
                    a.mediaType(), a.manifestMediaType(), a.artifactType(), a.projectId(), a.repositoryId(), repository.name(),
                    a.digest().toString(), a.size(), null, a.pushTime(), pullTimes.get(a.id()),
                    configs.extraAttributes(a).orElse(JsonObject.EMPTY_JSON_OBJECT), json(a.annotations()),
                    references.get(a.id()), flags.withTag() ? tags.getOrDefault(a.id(), List.of()) : null, null,
                    flags.withLabel() ? labels.getOrDefault(a.id(), List.of()) : null,
                    flags.withAccessory() ? accessories.getOrDefault(a.digest().toString(), List.of()) : null));
        }
        return views;
    }

    /**
     * The accessories of {@code subjects} in the same repository, by subject digest: referrers (a {@code subject}
     * in the manifest) and cosign's tag-scheme signatures.
     */
    Map<String, List<AccessoryView>> accessories(Repository repository, List<Artifact> subjects) {
        Map<String, Artifact> byDigest = new HashMap<>();
        subjects.forEach(s -> byDigest.put(s.digest().toString(), s));
        Map<String, List<AccessoryView>> found = new HashMap<>();
        // One query per kind of subject, each on its (repository, column) index; one with OR looked through the
        // whole repository.
        Map<Long, Artifact> accessories = new LinkedHashMap<>();
        for (String column : List.of("subjectDigest", "signatureOf")) {
            em.createQuery("SELECT a FROM Artifact a WHERE a.repositoryId = :repositoryId AND a." + column + " IN :digests",
                            Artifact.class)
                    .setParameter("repositoryId", repository.id())
                    .setParameter("digests", byDigest.keySet()).getResultStream()
                    .forEach(a -> accessories.putIfAbsent(a.id(), a));
        }
        for (Artifact a : accessories.values().stream()
                .sorted(Comparator.comparing(Artifact::pushTime).thenComparing(Artifact::id)).toList()) {
            for (String digest : Stream.of(a.subjectDigest(), a.signatureOf()).filter(Objects::nonNull).distinct().toList()) {
                Artifact subject = byDigest.get(digest);
                if (subject != null) {
                    found.computeIfAbsent(digest, k -> new ArrayList<>()).add(accessory(repository, subject, a));
                }
            }
        }
        return found;
    }

    static AccessoryView accessory(Repository repository, Artifact subject, Artifact accessory) {
        return new AccessoryView(accessory.id(), accessory.id(), subject.id(), subject.digest().toString(),
                repository.name(), accessory.size(), accessory.digest().toString(), accessory.accessoryType(), null,
                accessory.pushTime());
    }

    private static JsonObject json(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
