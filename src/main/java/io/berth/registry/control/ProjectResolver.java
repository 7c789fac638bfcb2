package io.berth.registry.control;

import io.berth.rbac.entity.Project;
import io.berth.registry.entity.OciErrorCode;
import io.berth.registry.entity.RegistryException;
import io.berth.registry.entity.RepositoryName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Resolves the project a repository name lives in: its first path component, as in Harbor. */
@ApplicationScoped
public class ProjectResolver {

    @PersistenceContext
    EntityManager em;

    /** The project of {@code name}; {@code NAME_UNKNOWN} when there is no such project. */
    public Project require(RepositoryName name) {
        return find(name.project()).orElseThrow(() -> RegistryException.of(OciErrorCode.NAME_UNKNOWN,
                        "project %s does not exist", name.project()));
    }

    public Optional<Project> find(String projectName) {
        return em.createNamedQuery(Project.FIND_BY_NAME, Project.class)
                .setParameter("name", projectName)
                .getResultStream()
                .findFirst();
    }
}
