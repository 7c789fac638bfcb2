package io.berth.registry.boundary;

import io.berth.registry.control.BlobPaths;
import io.berth.registry.control.BlobRecords;
import io.berth.registry.control.ProjectResolver;
import io.berth.registry.control.StorageQuota;
import io.berth.registry.entity.Blob;
import io.berth.registry.entity.BlobStatus;
import io.berth.registry.entity.ByteRange;
import io.berth.registry.entity.Digest;
import io.berth.registry.entity.OciErrorCode;
import io.berth.registry.entity.ProjectBlob;
import io.berth.registry.entity.RegistryException;
import io.berth.registry.entity.RepositoryName;
import io.berth.storage.spi.PathNotFoundException;
import io.berth.storage.spi.StorageDriver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * Blobs as the OCI API sees them: existence and size in a repository's project, the bytes, deletion and
 * cross-repository mounts.
 * <p>
 * A pull asks the database exactly once (is this digest visible to this project, and how large is it),
 * then streams from the store; the bytes never pass through the database or the heap whole.
 */
@ApplicationScoped
public class Blobs {

    @PersistenceContext
    EntityManager em;

    @Inject
    StorageDriver storage;

    @Inject
    BlobRecords records;

    @Inject
    ProjectResolver projects;

    @Inject
    StorageQuota quota;

    /**
     * The blob {@code digest} as seen from repository {@code name}; {@code BLOB_UNKNOWN} if the project
     * cannot see it or garbage collection is removing it. A blob that GC had marked is taken back (Harbor's
     * "touch"), so a client that checks before it pushes a manifest can rely on the answer.
     */
    public BlobInfo find(RepositoryName name, Digest digest) {
        List<Object[]> rows = em.createQuery(
                        "SELECT b.size, b.status FROM Blob b, ProjectBlob pb, Project p"
                                + " WHERE b.digest = :digest AND pb.blobId = b.id AND pb.projectId = p.id AND p.name = :project",
                        Object[].class)
                .setParameter("digest", digest.toString())
                .setParameter("project", name.project())
                .getResultList();
        if (rows.isEmpty()) {
            throw unknown(digest);
        }
        BlobStatus status = (BlobStatus) rows.get(0)[1];
        if (!status.isUsable()) {
            throw unknown(digest);
        }
        if (status == BlobStatus.DELETE && !records.rescue(digest)) {
            throw unknown(digest); // GC moved on to deleting it between the two statements
        }
        return new BlobInfo(digest, (Long) rows.get(0)[0]);
    }

    /** Streams {@code range} (or the whole blob) to {@code out}. */
    public void copy(BlobInfo blob, ByteRange range, OutputStream out) throws IOException {
        long offset = range == null ? 0 : range.start();
        long length = range == null ? blob.size() : range.length();
        try {
            storage.copyTo(BlobPaths.blob(blob.digest()), offset, length, out);
        } catch (PathNotFoundException e) {
            // Metadata says yes but the bytes are gone (a store restored from an older backup): say so plainly.
            throw new RegistryException(OciErrorCode.BLOB_UNKNOWN, "blob content is missing from the store: " + blob.digest(), e);
        }
    }

    /** The blob as a local file for a zero-copy transfer, when the store keeps it as one. */
    public Optional<java.nio.file.Path> localFile(BlobInfo blob) throws IOException {
        try {
            return storage.localFile(BlobPaths.blob(blob.digest()));
        } catch (PathNotFoundException e) {
            throw new RegistryException(OciErrorCode.BLOB_UNKNOWN, "blob content is missing from the store: " + blob.digest(), e);
        }
    }

    /**
     * Makes a blob known in one project visible in the project of {@code target}. Whether the caller may read
     * {@code from} is decided before, from the request's {@link io.berth.registry.entity.RequestGrant}.
     * Returns false when the blob is not visible there, so the caller starts a normal upload.
     */
    public boolean mount(RepositoryName target, Digest digest, RepositoryName from) {
        long toProject = projects.require(target).id();
        Optional<Long> source = projects.find(from.project()).map(p -> p.id());
        if (source.isEmpty()) {
            return false;
        }
        long fromProject = source.get();
        if (fromProject == toProject) {
            return records.visible(toProject, digest).map(b -> b.status().isUsable()).orElse(false);
        }
        return records.mount(fromProject, toProject, digest);
    }

    /**
     * Removes the blob from the project of {@code name}. A blob that an artifact of the project still
     * needs stays, and the request is refused, so deleting a layer never breaks an image. The project's quota usage
     * goes down by the blob's size.
     */
    @Transactional
    public void delete(RepositoryName name, Digest digest) {
        long projectId = projects.require(name).id();
        Blob blob = records.visible(projectId, digest).orElseThrow(() -> unknown(digest));
        long users = em.createQuery("SELECT COUNT(ab) FROM ArtifactBlob ab, Artifact a"
                        + " WHERE ab.blobId = :blobId AND ab.artifactId = a.id AND a.projectId = :projectId", Long.class)
                .setParameter("blobId", blob.id())
                .setParameter("projectId", projectId)
                .getSingleResult();
        if (users > 0) {
            throw RegistryException.of(OciErrorCode.DENIED,
                    "blob %s is used by %d artifact(s) in project %s; delete those first", digest, users, name.project());
        }
        em.remove(em.find(ProjectBlob.class, new ProjectBlob.Key(projectId, blob.id())));
        quota.release(projectId, blob.size());
    }

    private static RegistryException unknown(Digest digest) {
        return RegistryException.of(OciErrorCode.BLOB_UNKNOWN, "blob %s is unknown to this repository", digest);
    }
}
