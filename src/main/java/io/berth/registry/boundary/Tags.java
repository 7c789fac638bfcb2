package io.berth.registry.boundary;

import io.berth.registry.entity.ArtifactTag;
import io.berth.registry.entity.OciErrorCode;
import io.berth.registry.entity.RegistryException;
import io.berth.registry.entity.Repository;
import io.berth.registry.entity.RepositoryName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The tags of a repository in lexical (byte) order, paged with {@code n} and {@code last} as the spec says. */
@ApplicationScoped
public class Tags {

    @PersistenceContext
    EntityManager em;

    /**
     * Up to {@code n} tags after {@code last} ({@code n} null: all of them). NAME_UNKNOWN if the
     * repository does not exist.
     */
    public Page list(RepositoryName name, Integer n, String last) {
        Repository repository = em.createNamedQuery(Repository.FIND_BY_NAME, Repository.class)
                .setParameter("name", name.value())
                .getResultStream().findFirst()
                .orElseThrow(() -> RegistryException.of(OciErrorCode.NAME_UNKNOWN, "repository %s is not known", name));
        var query = em.createNamedQuery(ArtifactTag.LIST, String.class)
                .setParameter("repositoryId", repository.id())
                .setParameter("last", last == null ? "" : last);
        return Paging.page(query, n);
    }

}
