package io.berth.registry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Harbor's {@code artifact_count} of repositories: the artifacts a listing shows, i.e. neither children of an
 * image index nor accessories (signatures, SBOMs, by {@code subject} or cosign's tag scheme) of an artifact in the
 * same repository.
 */
@ApplicationScoped
public class ArtifactCounts {

    /**
     * JPQL conditions on an artifact {@code a} that make it a top-level artifact (see the class comment). Each
     * subject test is its own {@code NOT EXISTS} on the unique (repository, digest) key, behind an {@code IS NULL}
     * that settles it for the plain images most rows are: one subquery with {@code digest = x OR digest = y} made H2
     * look through the repository's artifacts for every row (a repository of 10,000 artifacts took a second per count).
     */
    public static final String TOP_LEVEL = "NOT EXISTS (SELECT r FROM ArtifactReference r WHERE r.childId = a.id)"
            + " AND (a.subjectDigest IS NULL OR NOT EXISTS (SELECT s FROM Artifact s WHERE s.repositoryId = a.repositoryId"
            + " AND s.digest = a.subjectDigest))"
            + " AND (a.signatureOf IS NULL OR NOT EXISTS (SELECT g FROM Artifact g WHERE g.repositoryId = a.repositoryId"
            + " AND g.digest = a.signatureOf))";

    @PersistenceContext
    EntityManager em;

    /** Top-level artifacts per repository id, for the given ids (absent ones have none). */
    public Map<Long, Long> of(List<Long> repositoryIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (repositoryIds.isEmpty()) {
            return counts;
        }
        for (Object[] row : em.createQuery("SELECT a.repositoryId, COUNT(a) FROM Artifact a WHERE a.repositoryId IN :ids AND "
                + TOP_LEVEL + " GROUP BY a.repositoryId", Object[].class).setParameter("ids", repositoryIds).getResultList()) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }
}
