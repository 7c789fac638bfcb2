package io.berth.registry.control;

import io.berth.registry.entity.OciErrorCode;
import io.berth.registry.entity.RegistryException;
import io.berth.registry.entity.RepositoryName;
import io.berth.registry.entity.UploadSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.UUID;

/** The database side of uploads in progress: one short transaction per change, none while bytes flow. */
@ApplicationScoped
public class UploadSessions {

    @PersistenceContext
    EntityManager em;

    @Transactional(TxType.REQUIRES_NEW)
    public void open(String uuid, RepositoryName name, long projectId) {
        em.persist(new UploadSession(uuid, name, projectId, Clock.now()));
    }

    /**
     * The session {@code uuid} of repository {@code name}. A malformed id, an unknown one, or one that
     * belongs to another repository are all {@code BLOB_UPLOAD_UNKNOWN}: a session id never opens another
     * repository's upload.
     */
    public UploadSession require(RepositoryName name, String uuid) {
        UploadSession session = isUuid(uuid) ? em.find(UploadSession.class, uuid) : null;
        if (session == null || !session.repositoryName().equals(name.value())) {
            throw RegistryException.of(OciErrorCode.BLOB_UPLOAD_UNKNOWN, "no such upload in repository %s", name);
        }
        return session;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void progressed(String uuid, long size) {
        UploadSession session = em.find(UploadSession.class, uuid);
        if (session != null) {
            session.progressed(size, Clock.now());
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void close(String uuid) {
        UploadSession session = em.find(UploadSession.class, uuid);
        if (session != null) {
            em.remove(session);
        }
    }

    private static boolean isUuid(String text) {
        if (text == null || text.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
