package io.berth.auth.control;

import io.berth.rbac.entity.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Looks a project up by name for authorisation. Deliberately uncached: a project deleted and created again must
 * be seen at once on every node, since its creation time decides which tokens it accepts (one indexed query).
 */
@ApplicationScoped
public class ProjectFinder {

    @PersistenceContext
    EntityManager em;

    public Optional<Project> byName(String name) {
        return em.createNamedQuery(Project.FIND_BY_NAME, Project.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }
}
