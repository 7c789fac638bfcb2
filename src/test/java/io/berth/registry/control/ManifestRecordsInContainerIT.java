package io.berth.registry.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.registry.entity.Digest;
import io.berth.registry.entity.ManifestParser;
import io.berth.registry.entity.OciErrorCode;
import io.berth.registry.entity.ParsedManifest;
import io.berth.registry.entity.RegistryException;
import io.berth.registry.entity.RepositoryName;
import io.berth.registry.entity.Tag;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The transaction guarantees of a manifest push, checked inside the container against its real JTA
 * transactions and database: a refused push leaves nothing behind, and pushes that race on one repository,
 * tag or blob all succeed with exactly one row each (the {@code @RetryOnConflict} interceptor at work).
 */
@ExtendWith(ArquillianExtension.class)
class ManifestRecordsInContainerIT {

    private static final int RACERS = 8;

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("berth.war")))
                .addClass(ManifestRecordsInContainerIT.class);
    }

    @Inject
    ManifestRecords manifests;

    @Inject
    BlobRecords blobs;

    @PersistenceContext
    EntityManager em;

    @Resource
    ManagedExecutorService executor;

    @Test
    void aRefusedPushLeavesNoRepositoryBehind() {
        RepositoryName name = new RepositoryName("library/refused-" + System.nanoTime());
        byte[] body = image(Digest.sha256(bytes("config that was never pushed")), 28);
        ParsedManifest manifest = ManifestParser.parse("application/vnd.oci.image.manifest.v1+json", body);

        RegistryException refused = assertThrows(RegistryException.class,
                () -> manifests.record(name, manifest, Digest.sha256(body), body.length, new Tag("v1")));

        assertEquals(OciErrorCode.MANIFEST_BLOB_UNKNOWN, refused.code());
        assertEquals(0L, count("SELECT COUNT(r) FROM Repository r WHERE r.name = '" + name.value() + "'"),
                "the repository created earlier in the same transaction must be rolled back");
    }

    @Test
    void concurrentPushesOfOneTagIntoANewRepositoryAllSucceedOnce() throws Exception {
        RepositoryName name = new RepositoryName("library/race-" + System.nanoTime());
        byte[] config = bytes("{\"architecture\":\"amd64\",\"os\":\"linux\"}");
        Digest configDigest = Digest.sha256(config);
        blobs.register(1L, configDigest, config.length, null, null);
        byte[] body = image(configDigest, config.length);
        ParsedManifest manifest = ManifestParser.parse("application/vnd.oci.image.manifest.v1+json", body);

        runConcurrently(() -> manifests.record(name, manifest, Digest.sha256(body), body.length, new Tag("latest")));

        assertEquals(1L, count("SELECT COUNT(r) FROM Repository r WHERE r.name = '" + name.value() + "'"));
        assertEquals(1L, count("SELECT COUNT(a) FROM Artifact a, Repository r WHERE a.repositoryId = r.id AND r.name = '"
                + name.value() + "'"));
        assertEquals(1L, count("SELECT COUNT(t) FROM ArtifactTag t, Repository r WHERE t.repositoryId = r.id AND r.name = '"
                + name.value() + "'"));
    }

    @Test
    void concurrentUploadsOfOneBlobRecordItOnce() throws Exception {
        byte[] content = bytes("same layer from many clients " + System.nanoTime());
        Digest digest = Digest.sha256(content);

        runConcurrently(() -> blobs.register(1L, digest, content.length, null, null));

        assertEquals(1L, count("SELECT COUNT(b) FROM Blob b WHERE b.digest = '" + digest + "'"));
        assertTrue(blobs.visible(1L, digest).isPresent(), "the project must see the blob");
    }

    /** Starts {@link #RACERS} tasks at the same instant and fails if any of them failed. */
    private void runConcurrently(Runnable task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            results.add(executor.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                task.run();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> result : results) {
            result.get(60, TimeUnit.SECONDS);
        }
    }

    private long count(String jpql) {
        return em.createQuery(jpql, Long.class).getSingleResult();
    }

    private static byte[] image(Digest config, long configSize) {
        return bytes("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + config
                + "\",\"size\":" + configSize + "},\"layers\":[]}");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
