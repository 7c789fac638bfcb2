package io.berth.registry.boundary.api;

import io.berth.platform.api.ApiError;
import io.berth.platform.api.ApiException;
import io.berth.registry.boundary.Manifests;
import io.berth.registry.control.ManifestLookups;
import io.berth.registry.entity.Digest;
import io.berth.registry.entity.OciErrorCode;
import io.berth.registry.entity.RegistryException;
import io.berth.registry.entity.Repository;
import io.berth.registry.entity.RepositoryName;
import io.berth.registry.entity.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Every deletion the Harbor API asks for, in one place: an artifact, a tag, a whole repository. Authorisation is
 * done by the callers; this class only removes metadata (blobs stay for garbage collection) and turns the
 * registry's refusals into Harbor's errors. Deletion semantics (index children, accessories, GC marks) are
 * owned by the registry's deletion facade; these calls are what to point at it.
 */
@ApplicationScoped
public class ContentRemoval {

    @PersistenceContext
    EntityManager em;

    @Inject
    Manifests manifests;

    @Inject
    ManifestLookups lookups;

    /** Deletes an artifact with its tags; 412 while an image index in the repository lists it. */
    public void deleteArtifact(RepositoryName repository, Digest digest) {
        try {
            manifests.delete(repository, digest);
        } catch (RegistryException e) {
            throw translate(e);
        }
    }

    /** Deletes one tag; the artifact stays. */
    public void deleteTag(RepositoryName repository, Tag tag) {
        try {
            manifests.delete(repository, tag);
        } catch (RegistryException e) {
            throw translate(e);
        }
    }

    /**
     * Deletes a repository, its artifacts, tags, index references and label attachments, in one transaction.
     * Index references go first: their child key has no cascade, so that a single artifact can never be
     * deleted from under an index.
     */
    @Transactional
    public void deleteRepository(Repository repository) {
        Repository managed = em.find(Repository.class, repository.id());
        if (managed == null) {
            throw ApiException.notFound("repository %s not found", repository.name());
        }
        em.createQuery("DELETE FROM ArtifactReference r WHERE r.parentId IN"
                        + " (SELECT a.id FROM Artifact a WHERE a.repositoryId = :repositoryId)")
                .setParameter("repositoryId", managed.id()).executeUpdate();
        em.createQuery("DELETE FROM Artifact a WHERE a.repositoryId = :repositoryId")
                .setParameter("repositoryId", managed.id()).executeUpdate();
        em.remove(managed);
        lookups.invalidate(new RepositoryName(managed.name()));
    }

    private static ApiException translate(RegistryException e) {
        return e.code() == OciErrorCode.DENIED
                ? new ApiException(ApiError.PRECONDITION, e.detail())
                : new ApiException(ApiError.NOT_FOUND, e.detail());
    }
}
