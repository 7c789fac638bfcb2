package io.berth.registry.boundary;

import io.berth.registry.control.BlobBeingCollectedException;
import io.berth.registry.control.BlobPaths;
import io.berth.registry.control.BlobWrites;
import io.berth.registry.control.ManifestCache;
import io.berth.registry.control.ManifestLookups;
import io.berth.registry.control.ManifestRecords;
import io.berth.registry.entity.Artifact;
import io.berth.registry.entity.Digest;
import io.berth.registry.entity.ManifestParser;
import io.berth.registry.entity.OciErrorCode;
import io.berth.registry.entity.ParsedManifest;
import io.berth.registry.entity.Reference;
import io.berth.registry.entity.RegistryException;
import io.berth.registry.entity.Repository;
import io.berth.registry.entity.RepositoryName;
import io.berth.registry.entity.Tag;
import io.berth.storage.spi.PathNotFoundException;
import io.berth.storage.spi.StorageDriver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Manifests by tag or digest: lookup, content, push and delete.
 * <p>
 * Manifest bytes are kept exactly as received (the digest is over those bytes) and stored content-addressed
 * like any blob; the database holds what listings and lookups need. A push writes the bytes first, then
 * records everything in one transaction: bytes without a record are invisible and collected later, while a
 * record never points at missing bytes.
 */
@ApplicationScoped
public class Manifests {

    /** The largest manifest accepted, as distribution and the OCI specification suggest. */
    public static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

    @PersistenceContext
    EntityManager em;

    @Inject
    StorageDriver storage;

    @Inject
    ManifestRecords records;

    @Inject
    ManifestCache cache;

    @Inject
    ManifestLookups lookups;

    @Inject
    BlobWrites writes;

    /**
     * Digest, media type and size of a manifest, from {@link ManifestLookups} or one query; MANIFEST_UNKNOWN
     * or NAME_UNKNOWN if absent.
     */
    public ManifestInfo find(RepositoryName name, Reference reference) {
        return lookups.get(name, reference.toString(), () -> query(name, reference))
                .orElseThrow(() -> unknown(name, reference));
    }

    private Optional<ManifestInfo> query(RepositoryName name, Reference reference) {
        List<Object[]> rows = switch (reference) {
            case Tag tag -> em.createNamedQuery(Artifact.FIND_INFO_BY_TAG, Object[].class)
                    .setParameter("name", name.value())
                    .setParameter("tag", tag.value())
                    .getResultList();
            case Digest digest -> em.createNamedQuery(Artifact.FIND_INFO_BY_DIGEST, Object[].class)
                    .setParameter("name", name.value())
                    .setParameter("digest", digest.toString())
                    .getResultList();
        };
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        return Optional.of(new ManifestInfo(Digest.parse((String) row[0]), (String) row[1], (Long) row[2]));
    }

    /** The exact bytes of a manifest found by {@link #find}. */
    public byte[] content(ManifestInfo manifest) {
        return cache.get(manifest.digest(), () -> {
            try {
                return storage.getContent(BlobPaths.blob(manifest.digest()));
            } catch (PathNotFoundException e) {
                throw new RegistryException(OciErrorCode.MANIFEST_UNKNOWN,
                        "manifest content is missing from the store: " + manifest.digest(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Stores a manifest under a tag or its digest. The body must parse as the media type it declares, a
     * digest reference must match the bytes, and every blob and child manifest it needs must be in the
     * repository already.
     */
    public PushedManifest put(RepositoryName name, Reference reference, String contentType, byte[] body) {
        if (body.length > MAX_MANIFEST_BYTES) {
            throw RegistryException.manifestTooLarge(body.length, MAX_MANIFEST_BYTES);
        }
        ParsedManifest manifest = ManifestParser.parse(contentType, body);
        Digest digest;
        Tag tag = null;
        if (reference instanceof Digest given) {
            digest = Digest.compute(given.algorithm(), body);
            if (!digest.equals(given)) {
                throw RegistryException.of(OciErrorCode.DIGEST_INVALID,
                        "manifest digest %s does not match the reference %s", digest, given);
            }
        } else {
            digest = Digest.sha256(body);
            tag = (Tag) reference;
        }
        for (int attempt = 1; ; attempt++) {
            writes.awaitWritable(digest);
            try {
                storage.putContent(BlobPaths.blob(digest), body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                records.record(name, manifest, digest, body.length, tag);
                break;
            } catch (BlobBeingCollectedException e) {
                // GC began deleting these bytes (or a layer) after they were claimed: wait for it, then write again.
                if (attempt == 3) {
                    throw RegistryException.of(OciErrorCode.MANIFEST_BLOB_UNKNOWN,
                            "garbage collection is removing content this manifest needs; push the missing blobs again");
                }
            }
        }
        lookups.invalidate(name);
        return new PushedManifest(digest, manifest.subject() == null ? null : manifest.subject().digest());
    }

    private RegistryException unknown(RepositoryName name, Reference reference) {
        boolean repositoryExists = !em.createNamedQuery(Repository.FIND_BY_NAME, Repository.class)
                .setParameter("name", name.value())
                .getResultList().isEmpty();
        if (!repositoryExists) {
            return RegistryException.of(OciErrorCode.NAME_UNKNOWN, "repository %s is not known", name);
        }
        return RegistryException.of(OciErrorCode.MANIFEST_UNKNOWN, "manifest %s is not in %s", reference, name);
    }
}
