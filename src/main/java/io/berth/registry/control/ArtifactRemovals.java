package io.berth.registry.control;

import io.berth.platform.RetryOnConflict;
import io.berth.registry.entity.Artifact;
import io.berth.registry.entity.ArtifactTag;
import io.berth.registry.entity.Digest;
import io.berth.registry.entity.OciErrorCode;
import io.berth.registry.entity.Reference;
import io.berth.registry.entity.RegistryException;
import io.berth.registry.entity.Repository;
import io.berth.registry.entity.RepositoryName;
import io.berth.registry.entity.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes artifacts, tags and repositories from the database, each call one transaction. Bytes stay in the
 * store: a blob no artifact references any more is garbage collection's to reclaim.
 * <p>
 * Deleting an artifact deletes, as Harbor's {@code deleteDeeply} does, what hangs on it:
 * <ul>
 *   <li>its accessories (signatures, SBOMs and other referrers: artifacts of the repository whose subject it is;
 *       and cosign's tag-scheme signatures of it), whatever their tags, unless an image index still lists them;</li>
 *   <li>the index children only it lists and that carry no tag of their own, and theirs in turn.</li>
 * </ul>
 * An artifact that an index still lists cannot be deleted on its own ({@code DENIED}). A concurrent push that
 * links to an artifact being deleted loses on a foreign key, or makes the deletion lose and retry, so no tag or
 * index ever points at a deleted artifact.
 */
@ApplicationScoped
public class ArtifactRemovals {

    @PersistenceContext
    EntityManager em;

    /** Deletes the artifact {@code reference} names (a tag names the artifact it points to) and what hangs on it. */
    @RetryOnConflict
    @Transactional(TxType.REQUIRES_NEW)
    public List<Digest> deleteArtifact(RepositoryName name, Reference reference) {
        Repository repository = repository(name);
        Artifact artifact = artifact(repository, reference);
        if (!parents(artifact.id()).isEmpty()) {
            throw RegistryException.of(OciErrorCode.DENIED,
                    "manifest %s is listed by an image index in %s; delete the index first", artifact.digest(), name);
        }
        Set<Artifact> plan = new LinkedHashSet<>();
        collect(artifact, true, plan);
        remove(plan);
        repository.touch(Clock.now());
        return plan.stream().map(Artifact::digest).toList();
    }

    /** Deletes one tag; the artifact stays (untagged). {@code MANIFEST_UNKNOWN} if there is no such tag. */
    @Transactional(TxType.REQUIRES_NEW)
    public void deleteTag(RepositoryName name, Tag tag) {
        Repository repository = repository(name);
        ArtifactTag row = em.createNamedQuery(ArtifactTag.FIND, ArtifactTag.class)
                .setParameter("repositoryId", repository.id())
                .setParameter("name", tag.value())
                .getResultStream().findFirst()
                .orElseThrow(() -> RegistryException.of(OciErrorCode.MANIFEST_UNKNOWN, "tag %s is not in %s", tag, name));
        em.remove(row);
        repository.touch(Clock.now());
    }

    /** Deletes a repository with every artifact and tag in it. {@code NAME_UNKNOWN} if there is none. */
    @RetryOnConflict
    @Transactional(TxType.REQUIRES_NEW)
    public int deleteRepository(RepositoryName name) {
        Repository repository = repository(name);
        long id = repository.id();
        em.createQuery("DELETE FROM ArtifactTag t WHERE t.repositoryId = :id").setParameter("id", id).executeUpdate();
        em.createQuery("DELETE FROM ArtifactBlob ab WHERE ab.artifactId IN (SELECT a.id FROM Artifact a WHERE a.repositoryId = :id)")
                .setParameter("id", id).executeUpdate();
        em.createQuery("DELETE FROM ArtifactReference r WHERE r.parentId IN (SELECT a.id FROM Artifact a WHERE a.repositoryId = :id)")
                .setParameter("id", id).executeUpdate();
        int artifacts = em.createQuery("DELETE FROM Artifact a WHERE a.repositoryId = :id").setParameter("id", id).executeUpdate();
        em.remove(repository);
        return artifacts;
    }

    /**
     * Root artifacts without a tag pushed before {@code pushedBefore}: not listed by an index (children go with
     * their index) and not an accessory whose subject is still there (accessories go with their subject).
     */
    public List<ArtifactRef> untagged(Instant pushedBefore) {
        List<Object[]> rows = em.createQuery("SELECT r.name, a.digest FROM Artifact a, Repository r"
                        + " WHERE a.repositoryId = r.id AND a.pushTime < :before"
                        + " AND NOT EXISTS (SELECT t.id FROM ArtifactTag t WHERE t.artifactId = a.id)"
                        + " AND NOT EXISTS (SELECT ar.id FROM ArtifactReference ar WHERE ar.childId = a.id)"
                        + " AND NOT EXISTS (SELECT s.id FROM Artifact s WHERE s.repositoryId = a.repositoryId"
                        + " AND (s.digest = a.subjectDigest OR s.digest = a.signatureOf))"
                        + " ORDER BY a.id", Object[].class)
                .setParameter("before", pushedBefore)
                .getResultList();
        List<ArtifactRef> refs = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            refs.add(new ArtifactRef(new RepositoryName((String) row[0]), Digest.parse((String) row[1])));
        }
        return refs;
    }

    /** The ids of the artifacts {@link #deleteArtifact} would delete for {@code ref}, deleting nothing. */
    public Set<Long> plan(ArtifactRef ref) {
        Repository repository = repository(ref.repository());
        Artifact artifact = artifact(repository, ref.digest());
        Set<Artifact> plan = new LinkedHashSet<>();
        if (parents(artifact.id()).isEmpty()) {
            collect(artifact, true, plan);
        }
        Set<Long> ids = new LinkedHashSet<>();
        plan.forEach(a -> ids.add(a.id()));
        return ids;
    }

    /** An artifact by repository and digest. */
    public record ArtifactRef(RepositoryName repository, Digest digest) {
    }

    private void collect(Artifact artifact, boolean root, Set<Artifact> plan) {
        if (plan.contains(artifact)) {
            return;
        }
        if (!root) {
            if (hasTags(artifact.id())) {
                return;
            }
            for (Long parent : parents(artifact.id())) {
                if (plan.stream().noneMatch(p -> p.id().equals(parent))) {
                    return;
                }
            }
        }
        plan.add(artifact);
        for (Artifact accessory : em.createNamedQuery(Artifact.FIND_ACCESSORIES, Artifact.class)
                .setParameter("repositoryId", artifact.repositoryId())
                .setParameter("subject", artifact.digest().toString())
                .getResultList()) {
            if (parents(accessory.id()).isEmpty()) {
                collect(accessory, true, plan);
            }
        }
        for (Artifact child : em.createQuery("SELECT c FROM ArtifactReference r, Artifact c"
                        + " WHERE r.parentId = :id AND c.id = r.childId", Artifact.class)
                .setParameter("id", artifact.id())
                .getResultList()) {
            collect(child, false, plan);
        }
    }

    private void remove(Set<Artifact> plan) {
        List<Long> ids = plan.stream().map(Artifact::id).toList();
        em.createQuery("DELETE FROM ArtifactTag t WHERE t.artifactId IN :ids").setParameter("ids", ids).executeUpdate();
        em.createQuery("DELETE FROM ArtifactBlob ab WHERE ab.artifactId IN :ids").setParameter("ids", ids).executeUpdate();
        em.createQuery("DELETE FROM ArtifactReference r WHERE r.parentId IN :ids").setParameter("ids", ids).executeUpdate();
        em.createQuery("DELETE FROM Artifact a WHERE a.id IN :ids").setParameter("ids", ids).executeUpdate();
    }

    private boolean hasTags(long artifactId) {
        return !em.createQuery("SELECT t.id FROM ArtifactTag t WHERE t.artifactId = :id", Long.class)
                .setParameter("id", artifactId).setMaxResults(1).getResultList().isEmpty();
    }

    private List<Long> parents(long artifactId) {
        return em.createQuery("SELECT r.parentId FROM ArtifactReference r WHERE r.childId = :id", Long.class)
                .setParameter("id", artifactId).getResultList();
    }

    private Repository repository(RepositoryName name) {
        return em.createNamedQuery(Repository.FIND_BY_NAME, Repository.class)
                .setParameter("name", name.value())
                .getResultStream().findFirst()
                .orElseThrow(() -> RegistryException.of(OciErrorCode.NAME_UNKNOWN, "repository %s is not known", name));
    }

    private Artifact artifact(Repository repository, Reference reference) {
        List<Artifact> found = switch (reference) {
            case Digest digest -> em.createNamedQuery(Artifact.FIND_BY_DIGEST, Artifact.class)
                    .setParameter("repositoryId", repository.id())
                    .setParameter("digest", digest.toString())
                    .getResultList();
            case Tag tag -> em.createQuery("SELECT a FROM ArtifactTag t, Artifact a"
                            + " WHERE t.repositoryId = :repositoryId AND t.name = :name AND a.id = t.artifactId", Artifact.class)
                    .setParameter("repositoryId", repository.id())
                    .setParameter("name", tag.value())
                    .getResultList();
        };
        if (found.isEmpty()) {
            throw RegistryException.of(OciErrorCode.MANIFEST_UNKNOWN, "manifest %s is not in %s", reference, repository.name());
        }
        return found.get(0);
    }
}
