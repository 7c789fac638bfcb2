package io.berth.registry.control;

import io.berth.rbac.entity.Project;
import io.berth.registry.entity.Artifact;
import io.berth.registry.entity.ArtifactTag;
import io.berth.registry.entity.Digest;
import io.berth.registry.entity.Reference;
import io.berth.registry.entity.RegistryException;
import io.berth.registry.entity.Repository;
import io.berth.registry.entity.RepositoryName;
import io.berth.registry.entity.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Finds repositories and artifacts the way the Harbor API names them: a repository by its name inside a
 * project ({@code nginx} or {@code tools/cli} in {@code library}), an artifact by tag or digest. Names that are
 * not valid are simply not found: nothing can exist under them.
 */
@ApplicationScoped
public class ContentLookup {

    @PersistenceContext
    EntityManager em;

    public Optional<Repository> repository(Project project, String path) {
        RepositoryName name;
        try {
            name = new RepositoryName(project.name() + "/" + path);
        } catch (RegistryException e) {
            return Optional.empty();
        }
        return em.createNamedQuery(Repository.FIND_BY_NAME, Repository.class)
                .setParameter("name", name.value())
                .getResultStream().findFirst()
                .filter(r -> r.projectId() == project.id());
    }

    /** The artifact {@code reference} (a tag or a digest) names in {@code repository}. */
    public Optional<Artifact> artifact(Repository repository, String reference) {
        Reference parsed;
        try {
            parsed = Reference.parse(reference);
        } catch (RegistryException e) {
            return Optional.empty();
        }
        return switch (parsed) {
            case Digest digest -> em.createNamedQuery(Artifact.FIND_BY_DIGEST, Artifact.class)
                    .setParameter("repositoryId", repository.id())
                    .setParameter("digest", digest.toString())
                    .getResultStream().findFirst();
            case Tag tag -> em.createNamedQuery(ArtifactTag.FIND, ArtifactTag.class)
                    .setParameter("repositoryId", repository.id())
                    .setParameter("name", tag.value())
                    .getResultStream().findFirst()
                    .map(t -> em.find(Artifact.class, t.artifactId()));
        };
    }
}
