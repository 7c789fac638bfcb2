package io.berth.auth.control;

import io.berth.events.ProjectChanged;
import io.berth.rbac.entity.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Looks a project up by name for authorisation: every registry request needs it (its creation time decides
 * which tokens it accepts), so the answer is kept for {@code berth.cache.project.ttl.millis} (1 s by default;
 * 0 turns the cache off), which lets a pull touch the database once, for its blob.
 * <p>
 * A project created, changed or deleted through this node is forgotten at once ({@link ProjectChanged}, after the
 * commit). A project deleted and created again on <em>another</em> node may accept tokens issued for its
 * predecessor for at most that TTL after the re-creation; the cost of closing that last second would be a query
 * on every request.
 */
@ApplicationScoped
public class ProjectFinder {

    static final int MAX_ENTRIES = 10_000;

    private final long ttlNanos = ConfigProvider.getConfig(ProjectFinder.class.getClassLoader())
            .getOptionalValue("berth.cache.project.ttl.millis", Long.class).orElse(1000L) * 1_000_000L;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @PersistenceContext
    EntityManager em;

    public Optional<Project> byName(String name) {
        if (ttlNanos == 0) {
            return query(name);
        }
        long now = System.nanoTime();
        Entry hit = entries.get(name);
        if (hit != null && now - hit.loadedAt < ttlNanos) {
            return hit.project;
        }
        Optional<Project> project = query(name);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(name, new Entry(project, now));
        return project;
    }

    void projectChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProjectChanged event) {
        entries.remove(event.name());
    }

    private Optional<Project> query(String name) {
        return em.createNamedQuery(Project.FIND_BY_NAME, Project.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    private record Entry(Optional<Project> project, long loadedAt) {
    }
}
