package io.berth.quota.control;

import io.berth.platform.RuntimeSettings;
import io.berth.platform.api.ApiException;
import io.berth.quota.entity.Quota;
import io.berth.quota.entity.QuotaExceeded;
import io.berth.quota.entity.StorageLimit;
import io.berth.rbac.control.AccessEvaluator;
import io.berth.rbac.control.ProjectQuotas;
import io.berth.rbac.entity.Action;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Permission;
import io.berth.rbac.entity.Resource;
import io.berth.registry.control.StorageQuota;
import io.berth.registry.entity.OciErrorCode;
import io.berth.registry.entity.RegistryException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The quota rows and every change to them: opened with a project, charged and released by the registry as blobs
 * are linked to and unlinked from projects, recounted from the links on request.
 * <p>
 * It runs in its callers' transactions (the project's creation, the registry's link), so a quota never exists
 * without its project and usage never disagrees with the links once a transaction ends. A push costs one
 * conditional {@code UPDATE} per newly linked blob; a refused one changes nothing.
 * <pre>
 * UPDATE quota SET used_storage = used_storage + :size
 *  WHERE project_id = :project AND (hard_storage &lt; 0 OR used_storage + :size &lt;= hard_storage)   -- 0 rows: refused
 * </pre>
 * A project without a quota row (none should exist: the migration gave every project one) is not limited.
 */
@ApplicationScoped
public class QuotaLedger implements StorageQuota, ProjectQuotas {

    /** Harbor's setting for the limit of new projects, in bytes; -1 (the default) for none. */
    public static final String STORAGE_PER_PROJECT = "storage_per_project";
    /** Harbor's switch: when false, usage is still counted but no limit refuses a push. */
    public static final String QUOTA_PER_PROJECT_ENABLE = "quota_per_project_enable";

    @PersistenceContext
    EntityManager em;

    @Inject
    RuntimeSettings settings;

    @Inject
    AccessEvaluator access;

    @Override
    public void open(Caller creator, long projectId, Long requestedLimit) {
        StorageLimit limit;
        if (mayChooseLimit(creator) && requestedLimit != null && requestedLimit != 0) {
            try {
                limit = new StorageLimit(requestedLimit);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("storage_limit: %s", e.getMessage());
            }
        } else {
            limit = defaultLimit();
        }
        em.persist(new Quota(projectId, limit, now()));
    }

    @Override
    public Optional<Storage> storage(long projectId) {
        return find(projectId).map(q -> new Storage(q.hard().bytes(), q.used()));
    }

    @Override
    public void requireRoom(long projectId, long size) {
        if (!enforced()) {
            return;
        }
        find(projectId).ifPresent(quota -> {
            if (!quota.hard().fits(quota.used(), size)) {
                throw refusal(new QuotaExceeded(size, quota.used(), quota.hard().bytes()));
            }
        });
    }

    @Override
    public void charge(long projectId, long size) {
        int charged = em.createNamedQuery(Quota.CHARGE)
                .setParameter("enforce", enforced())
                .setParameter("size", size)
                .setParameter("now", now())
                .setParameter("projectId", projectId)
                .executeUpdate();
        if (charged == 0) {
            // Refused, or no quota at all. The row read here is the one the UPDATE just saw (it holds no lock when
            // it changed nothing, so the numbers may be a moment old; the decision is not).
            find(projectId).ifPresent(quota -> {
                throw refusal(new QuotaExceeded(size, quota.used(), quota.hard().bytes()));
            });
        }
    }

    private boolean enforced() {
        return settings.getBoolean(QUOTA_PER_PROJECT_ENABLE, true);
    }

    @Override
    public void release(long projectId, long size) {
        em.createNamedQuery(Quota.RELEASE)
                .setParameter("size", size)
                .setParameter("now", now())
                .setParameter("projectId", projectId)
                .executeUpdate();
    }

    @Override
    public void recount(long projectId) {
        em.createNamedQuery(Quota.RECOUNT)
                .setParameter("now", now())
                .setParameter("projectId", projectId)
                .executeUpdate();
    }

    /** The limit of projects created without one (or by someone who may not choose it). */
    StorageLimit defaultLimit() {
        String configured = settings.get(STORAGE_PER_PROJECT).orElse("").trim();
        try {
            return configured.isEmpty() ? StorageLimit.unlimited() : new StorageLimit(Long.parseLong(configured));
        } catch (IllegalArgumentException e) {
            // The configurations API checks the value; one that slipped past must not make projects uncreatable.
            return StorageLimit.unlimited();
        }
    }

    /** Harbor's {@code isSysAdmin}: system administrators, and system robots that may create projects. */
    private boolean mayChooseLimit(Caller creator) {
        return access.canSystem(creator, Permission.of(Resource.PROJECT, Action.CREATE));
    }

    private Optional<Quota> find(long projectId) {
        return em.createNamedQuery(Quota.FIND_BY_PROJECT, Quota.class)
                .setParameter("projectId", projectId)
                .getResultStream().findFirst();
    }

    private static RegistryException refusal(QuotaExceeded exceeded) {
        return new RegistryException(OciErrorCode.DENIED, null).withMessage(exceeded.message());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
