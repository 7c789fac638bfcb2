package io.berth.registry.control;

import io.berth.registry.entity.Artifact;
import io.berth.registry.entity.ArtifactTag;
import io.berth.registry.entity.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Pull counts and pull times as views show them: the database's figures plus this node's pulls that
 * {@link PullLedger} has not flushed yet, so a pull shows at once although it writes nothing to the database.
 * <p>
 * The figures are read again here, by id, inside {@link PullLedger#read}: entities loaded earlier in the request
 * may predate a flush that committed since, and adding the ledger to them would then miss (or, read the other way
 * round, double) that flush's pulls. Callers run outside a transaction, so each query sees the latest commit.
 */
@ApplicationScoped
public class PullStatistics {

    @PersistenceContext
    EntityManager em;

    @Inject
    PullLedger ledger;

    /** {@code pull_count} by repository id. */
    public Map<Long, Long> pullCounts(Collection<Repository> repositories) {
        if (repositories.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = repositories.stream().map(Repository::id).toList();
        return ledger.read(pending -> {
            Map<Long, Long> counts = new HashMap<>();
            for (Object[] row : em.createQuery("SELECT r.id, r.name, r.pullCount FROM Repository r WHERE r.id IN :ids",
                    Object[].class).setParameter("ids", ids).getResultList()) {
                counts.put((Long) row[0], ((Number) row[2]).longValue() + pending.count((String) row[1]));
            }
            return counts;
        });
    }

    /** {@code pull_time} by artifact id, of artifacts in {@code repository}; absent if never pulled. */
    public Map<Long, Instant> artifactPullTimes(Repository repository, Collection<Artifact> artifacts) {
        return pullTimes(artifacts, Artifact::id, "SELECT a.id, a.pullTime FROM Artifact a WHERE a.id IN :ids",
                (pending, a) -> pending.artifactPull(repository.name(), a.digest()));
    }

    /** {@code pull_time} by tag id, of tags in {@code repository}; absent if never pulled by that tag. */
    public Map<Long, Instant> tagPullTimes(Repository repository, Collection<ArtifactTag> tags) {
        return pullTimes(tags, ArtifactTag::id, "SELECT t.id, t.pullTime FROM ArtifactTag t WHERE t.id IN :ids",
                (pending, t) -> pending.tagPull(repository.name(), t.name()));
    }

    /** The later of each item's flushed pull time ({@code query} over ids) and its pending one. */
    private <T> Map<Long, Instant> pullTimes(Collection<T> items, Function<T, Long> id, String query,
            BiFunction<PullLedger.Pending, T, Optional<Instant>> pendingTime) {
        if (items.isEmpty()) {
            return Map.of();
        }
        return ledger.read(pending -> {
            Map<Long, Instant> flushed = flushedTimes(query, items.stream().map(id).toList());
            Map<Long, Instant> times = new HashMap<>();
            for (T item : items) {
                Instant time = PullLedger.Pending.latest(flushed.get(id.apply(item)), pendingTime.apply(pending, item));
                if (time != null) {
                    times.put(id.apply(item), time);
                }
            }
            return times;
        });
    }

    private Map<Long, Instant> flushedTimes(String query, List<Long> ids) {
        Map<Long, Instant> times = new HashMap<>();
        for (Object[] row : em.createQuery(query, Object[].class).setParameter("ids", ids).getResultList()) {
            if (row[1] != null) {
                times.put((Long) row[0], (Instant) row[1]);
            }
        }
        return times;
    }
}
