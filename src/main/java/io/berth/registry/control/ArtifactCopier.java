package io.berth.registry.control;

import io.berth.platform.RetryOnConflict;
import io.berth.registry.entity.Artifact;
import io.berth.registry.entity.ArtifactTag;
import io.berth.registry.entity.Blob;
import io.berth.registry.entity.ManifestParser;
import io.berth.registry.entity.OciErrorCode;
import io.berth.registry.entity.ParsedManifest;
import io.berth.registry.entity.RegistryException;
import io.berth.registry.entity.RepositoryName;
import io.berth.registry.entity.Tag;
import io.berth.storage.spi.StorageDriver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;

/**
 * Copies an artifact (an image index with all its children) into another repository, possibly of another
 * project, without copying a byte: blobs and manifests are content-addressed, so the target project is given
 * sight of the blobs ({@code project_blob}) and the manifests are recorded there as if pushed, children first,
 * then the source's tags. Each manifest is recorded in its own transaction, like a push: a copy that fails
 * half-way leaves complete artifacts behind, never half-recorded ones.
 */
@ApplicationScoped
public class ArtifactCopier {

    @PersistenceContext
    EntityManager em;

    @Inject
    StorageDriver storage;

    @Inject
    ManifestRecords records;

    @Inject
    BlobRecords blobs;

    @Inject
    ManifestCache cache;

    @Inject
    ArtifactCopier self;

    /** Copies {@code source} (and its children and tags) into the repository {@code target}. */
    public void copy(Artifact source, RepositoryName target, long targetProjectId) {
        copy(source, target, targetProjectId, null);
    }

    /**
     * Copies as above and also tags the copy with {@code extraTag} (null for none), as a push of it under that tag
     * would: a tag of that name on another artifact of the target moves to the copy.
     */
    public void copy(Artifact source, RepositoryName target, long targetProjectId, Tag extraTag) {
        List<Artifact> closure = closure(source);
        self.linkBlobs(closure.stream().map(Artifact::id).toList(), targetProjectId);
        ParsedManifest root = null;
        for (Artifact artifact : closure) {
            ParsedManifest parsed = ManifestParser.parse(artifact.manifestMediaType(), content(artifact));
            records.record(target, parsed, artifact.digest(), artifact.manifestSize(), null);
            root = parsed;
        }
        for (ArtifactTag tag : em.createQuery("SELECT t FROM ArtifactTag t WHERE t.artifactId = :id ORDER BY t.name",
                ArtifactTag.class).setParameter("id", source.id()).getResultList()) {
            records.record(target, root, source.digest(), source.manifestSize(), new Tag(tag.name()));
        }
        if (extraTag != null) {
            records.record(target, root, source.digest(), source.manifestSize(), extraTag);
        }
    }

    /**
     * Lets the project see every blob the artifacts need (configs, layers and the manifests themselves), charged to
     * its quota like an upload or a mount.
     */
    @RetryOnConflict
    @Transactional(TxType.REQUIRES_NEW)
    public void linkBlobs(List<Long> artifactIds, long projectId) {
        Instant now = Clock.now();
        for (Blob blob : em.createQuery("SELECT DISTINCT b FROM ArtifactBlob ab, Blob b WHERE ab.blobId = b.id"
                + " AND ab.artifactId IN :ids", Blob.class).setParameter("ids", artifactIds).getResultList()) {
            if (!blob.status().isUsable()) {
                throw RegistryException.of(OciErrorCode.BLOB_UNKNOWN, "blob %s is being garbage-collected", blob.digest());
            }
            // A fresh grace window first (the exclusive row update orders this after a GC unlink, see BlobRecords.link),
            // so that GC leaves the links alone until the manifests are recorded.
            em.createNamedQuery(Blob.TOUCH).setParameter("now", now).setParameter("digest", blob.digest().toString()).executeUpdate();
            blobs.link(projectId, blob, now);
        }
    }

    /** The artifact and, for an index, its children (recursively), children before their parents. */
    private List<Artifact> closure(Artifact root) {
        SequencedSet<Artifact> ordered = new LinkedHashSet<>();
        collect(root, ordered, new ArrayList<>());
        return List.copyOf(ordered);
    }

    private void collect(Artifact artifact, SequencedSet<Artifact> into, List<Long> path) {
        if (path.contains(artifact.id()) || into.contains(artifact)) {
            return;
        }
        path.add(artifact.id());
        for (Artifact child : em.createQuery("SELECT a FROM ArtifactReference r, Artifact a WHERE r.parentId = :id"
                + " AND a.id = r.childId", Artifact.class).setParameter("id", artifact.id()).getResultList()) {
            collect(child, into, path);
        }
        path.removeLast();
        into.add(artifact);
    }

    private byte[] content(Artifact artifact) {
        return cache.get(artifact.digest(), () -> {
            try {
                return storage.getContent(BlobPaths.blob(artifact.digest()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
