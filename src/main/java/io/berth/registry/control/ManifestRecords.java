package io.berth.registry.control;

import io.berth.platform.RetryOnConflict;
import io.berth.rbac.entity.Project;
import io.berth.registry.entity.Artifact;
import io.berth.registry.entity.ArtifactBlob;
import io.berth.registry.entity.ArtifactReference;
import io.berth.registry.entity.ArtifactTag;
import io.berth.registry.entity.Blob;
import io.berth.registry.entity.Descriptor;
import io.berth.registry.entity.Digest;
import io.berth.registry.entity.OciErrorCode;
import io.berth.registry.entity.ParsedManifest;
import io.berth.registry.entity.ProjectBlob;
import io.berth.registry.entity.Reference;
import io.berth.registry.entity.RegistryException;
import io.berth.registry.entity.Repository;
import io.berth.registry.entity.RepositoryName;
import io.berth.registry.entity.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Records a pushed manifest in one transaction: the repository (created by its first push), the check that
 * every blob and child manifest it needs is there, the artifact with its blob links and index children,
 * the tag, and, for cosign's tag-scheme signatures, the artifact they sign. Either all of it is visible
 * afterwards or none of it.
 * <p>
 * Pushes race: two clients creating one repository, or moving one tag, at the same moment. The loser's
 * transaction fails on a unique key and {@link RetryOnConflict} runs it again, when it finds the winner's rows.
 */
@ApplicationScoped
public class ManifestRecords {

    @PersistenceContext
    EntityManager em;

    @Inject
    BlobRecords blobs;

    @RetryOnConflict
    @Transactional(TxType.REQUIRES_NEW)
    public void record(RepositoryName name, ParsedManifest manifest, Digest digest, long manifestSize, Tag tag) {
        Instant now = Clock.now();
        Project project = em.createNamedQuery(Project.FIND_BY_NAME, Project.class)
                .setParameter("name", name.project())
                .getResultStream().findFirst()
                .orElseThrow(() -> RegistryException.of(OciErrorCode.NAME_UNKNOWN, "project %s does not exist", name.project()));
        Repository repository = repository(name, project, now);

        Map<Digest, Blob> needed = requireBlobs(project.id(), manifest.blobReferences(), now);
        List<Artifact> children = requireChildren(repository, manifest.manifestReferences());

        Blob manifestBlob = blobs.ensure(digest, manifestSize, manifest.mediaType(), now);
        blobs.link(project.id(), manifestBlob, now);

        Artifact artifact = em.createNamedQuery(Artifact.FIND_BY_DIGEST, Artifact.class)
                .setParameter("repositoryId", repository.id())
                .setParameter("digest", digest.toString())
                .getResultStream().findFirst().orElse(null);
        if (artifact == null) {
            artifact = newArtifact(repository, manifest, digest, manifestSize, children, now);
            em.persist(artifact);
            em.flush();
            em.persist(new ArtifactBlob(artifact.id(), manifestBlob.id()));
            for (Blob blob : needed.values()) {
                if (!blob.id().equals(manifestBlob.id())) {
                    em.persist(new ArtifactBlob(artifact.id(), blob.id()));
                }
            }
            Map<Digest, Artifact> byDigest = children.stream().collect(Collectors.toMap(Artifact::digest, a -> a, (a, b) -> a));
            Set<Long> linked = new HashSet<>();
            for (Descriptor child : manifest.manifestReferences()) {
                Artifact childArtifact = byDigest.get(child.digest());
                if (linked.add(childArtifact.id())) {
                    em.persist(new ArtifactReference(artifact.id(), childArtifact.id(), child.digest(),
                            child.platform() == null ? null : child.platform().toJson().toString(),
                            toJson(child.annotations())));
                }
            }
        } else {
            artifact.pushedAgain(now);
        }
        if (tag != null) {
            tag(repository, artifact, tag, now);
            markCosignSignature(repository, artifact, tag);
        }
        repository.touch(now);
    }

    /**
     * A manifest pushed under cosign's {@code sha256-<hex>.sig} becomes the signature of that digest, if it is in
     * this repository now (Harbor ignores signatures pushed before their subject, and so does Berth).
     */
    private void markCosignSignature(Repository repository, Artifact artifact, Tag tag) {
        tag.cosignSignatureSubject()
                .filter(subject -> !subject.equals(artifact.digest()))
                .filter(subject -> em.createNamedQuery(Artifact.FIND_BY_DIGEST, Artifact.class)
                        .setParameter("repositoryId", repository.id())
                        .setParameter("digest", subject.toString())
                        .getResultStream().findFirst().isPresent())
                .ifPresent(artifact::signs);
    }

    private Repository repository(RepositoryName name, Project project, Instant now) {
        Optional<Repository> existing = em.createNamedQuery(Repository.FIND_BY_NAME, Repository.class)
                .setParameter("name", name.value())
                .getResultStream().findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        Repository repository = new Repository(project.id(), name, now);
        em.persist(repository);
        em.flush();
        return repository;
    }

    /**
     * Every blob the manifest needs, visible to the project and not being collected; else MANIFEST_BLOB_UNKNOWN.
     * Blobs GC has marked are taken back to NONE.
     */
    private Map<Digest, Blob> requireBlobs(long projectId, List<Descriptor> references, Instant now) {
        if (references.isEmpty()) {
            return Map.of();
        }
        Set<String> digests = references.stream().map(d -> d.digest().toString()).collect(Collectors.toSet());
        Map<Digest, Blob> found = new HashMap<>();
        // A shared lock on each blob row until commit: GC's sweep (an exclusive UPDATE to DELETING) waits for this
        // push, and then sees its artifact_blob rows; or the sweep came first, and this read sees DELETING.
        for (Blob blob : em.createNamedQuery(ProjectBlob.FIND_VISIBLE_IN, Blob.class)
                .setParameter("projectId", projectId)
                .setParameter("digests", digests)
                .setLockMode(LockModeType.PESSIMISTIC_READ)
                .getResultList()) {
            if (blob.status().isUsable()) {
                found.put(blob.digest(), blob);
            }
        }
        blobs.reclaim(List.copyOf(found.values()), now);
        for (Descriptor reference : references) {
            if (!found.containsKey(reference.digest())) {
                throw RegistryException.of(OciErrorCode.MANIFEST_BLOB_UNKNOWN,
                        "blob %s (%s) is not in this repository; push it before the manifest",
                        reference.digest(), reference.mediaType());
            }
        }
        return found;
    }

    /** The manifests an index lists must be in the same repository already; else MANIFEST_BLOB_UNKNOWN. */
    private List<Artifact> requireChildren(Repository repository, List<Descriptor> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        Set<String> digests = references.stream().map(d -> d.digest().toString()).collect(Collectors.toSet());
        List<Artifact> found = em.createNamedQuery(Artifact.FIND_BY_DIGESTS, Artifact.class)
                .setParameter("repositoryId", repository.id())
                .setParameter("digests", digests)
                .getResultList();
        Set<Digest> present = found.stream().map(Artifact::digest).collect(Collectors.toSet());
        for (Descriptor reference : references) {
            if (!present.contains(reference.digest())) {
                throw RegistryException.of(OciErrorCode.MANIFEST_BLOB_UNKNOWN,
                        "manifest %s listed in the index is not in this repository; push it first", reference.digest());
            }
        }
        return found;
    }

    private static Artifact newArtifact(Repository repository, ParsedManifest manifest, Digest digest, long manifestSize,
            List<Artifact> children, Instant now) {
        long size = manifestSize;
        String mediaType;
        if (manifest.isIndex()) {
            size += children.stream().mapToLong(Artifact::size).sum();
            mediaType = manifest.mediaType();
        } else {
            size += manifest.blobReferences().stream().mapToLong(Descriptor::size).sum();
            mediaType = manifest.config() != null ? manifest.config().mediaType() : manifest.mediaType();
        }
        Digest subject = manifest.subject() == null ? null : manifest.subject().digest();
        return new Artifact(repository.id(), repository.projectId(), digest, manifest.mediaType(), mediaType,
                manifest.artifactType(), manifestSize, size, subject, toJson(manifest.annotations()), now);
    }

    private void tag(Repository repository, Artifact artifact, Tag tag, Instant now) {
        Optional<ArtifactTag> existing = em.createNamedQuery(ArtifactTag.FIND, ArtifactTag.class)
                .setParameter("repositoryId", repository.id())
                .setParameter("name", tag.value())
                .getResultStream().findFirst();
        if (existing.isPresent()) {
            existing.get().moveTo(artifact.id(), now);
        } else {
            em.persist(new ArtifactTag(repository.id(), artifact.id(), tag, now));
            em.flush();
        }
    }

    static String toJson(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return null;
        }
        JsonObjectBuilder json = Json.createObjectBuilder();
        map.forEach(json::add);
        return json.build().toString();
    }
}
