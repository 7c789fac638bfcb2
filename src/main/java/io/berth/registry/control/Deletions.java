package io.berth.registry.control;

import io.berth.registry.entity.Digest;
import io.berth.registry.entity.Reference;
import io.berth.registry.entity.RepositoryName;
import io.berth.registry.entity.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Deletion of artifacts, tags and repositories: the one entry point that {@code /v2/} and the Harbor API
 * ({@code /api/v2.0/projects/{p}/repositories/...}) share. Who may delete is decided before (Maintainer and up).
 * <p>
 * Deleted content leaves every listing and lookup when the call returns: the database rows go in one
 * transaction, and this node's manifest lookup cache forgets the repository after the commit (other nodes
 * within the cache's time to live). Bytes are not touched here; garbage collection reclaims blobs that no
 * artifact references any more.
 * <p>
 * Failures are {@link io.berth.registry.entity.RegistryException}s: {@code NAME_UNKNOWN} (no repository),
 * {@code MANIFEST_UNKNOWN} (no such artifact or tag), {@code DENIED} (an image index still lists the artifact).
 * <pre>
 *   deletions.deleteArtifact(new RepositoryName("library/app"), Reference.parse("sha256:..."));
 *   deletions.deleteTag(new RepositoryName("library/app"), new Tag("v1"));
 *   deletions.deleteRepository(new RepositoryName("library/app"));
 * </pre>
 */
@ApplicationScoped
public class Deletions {

    @Inject
    ArtifactRemovals removals;

    @Inject
    ManifestLookups lookups;

    /**
     * Deletes the artifact a digest names, or the artifact a tag points to, with its accessories and the index
     * children only it lists. Returns the digests of every artifact deleted, the named one first.
     */
    public List<Digest> deleteArtifact(RepositoryName name, Reference reference) {
        try {
            return removals.deleteArtifact(name, reference);
        } finally {
            lookups.invalidate(name);
        }
    }

    /** Deletes a tag; the artifact stays, untagged (and {@code delete_untagged} GC may take it). */
    public void deleteTag(RepositoryName name, Tag tag) {
        try {
            removals.deleteTag(name, tag);
        } finally {
            lookups.invalidate(name);
        }
    }

    /** Deletes a repository with all its artifacts and tags; returns how many artifacts went. */
    public int deleteRepository(RepositoryName name) {
        try {
            return removals.deleteRepository(name);
        } finally {
            lookups.invalidate(name);
        }
    }
}
