package io.berth.quota.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.berth.quota.entity.Quota;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ledger's bulk updates against the real database, for the callers the HTTP tests cannot reach: a release
 * never takes usage below zero, and {@link QuotaLedger#recount} (for garbage collection and repairs) puts usage
 * back to the sum of the blobs the project sees, whatever it was. Runs on {@code library}, whose usage it leaves as
 * the recount finds it, which is what it should be.
 */
@ExtendWith(ArquillianExtension.class)
class QuotaLedgerInContainerIT {

    private static final long LIBRARY = 1L;

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("berth.war")))
                .addClass(QuotaLedgerInContainerIT.class);
    }

    @Inject
    QuotaLedger ledger;

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Test
    void recountPutsUsageBackToTheSumOfTheLinkedBlobs() throws Exception {
        inTransaction(() -> ledger.recount(LIBRARY));
        long linked = linkedBytes();
        assertEquals(linked, used());

        inTransaction(() -> ledger.charge(LIBRARY, 123_456));
        assertEquals(linked + 123_456, used());
        inTransaction(() -> ledger.release(LIBRARY, Long.MAX_VALUE / 2));
        assertEquals(0, used(), "a release never takes usage below zero");

        inTransaction(() -> ledger.recount(LIBRARY));
        assertEquals(linked, used());
    }

    private long linkedBytes() {
        Long sum = em.createQuery("SELECT SUM(b.size) FROM ProjectBlob pb, Blob b"
                + " WHERE pb.blobId = b.id AND pb.projectId = :projectId", Long.class)
                .setParameter("projectId", LIBRARY).getSingleResult();
        return sum == null ? 0 : sum;
    }

    private long used() {
        em.clear();
        return em.createNamedQuery(Quota.FIND_BY_PROJECT, Quota.class).setParameter("projectId", LIBRARY)
                .getSingleResult().used();
    }

    private void inTransaction(Runnable work) throws Exception {
        transaction.begin();
        try {
            work.run();
            transaction.commit();
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
    }
}
