package io.berth.registry.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that store upload bodies behind the request threads that read them ({@link DigestingCopier}).
 * <p>
 * A task is handed straight to an idle or new thread, never queued: a queued task would leave its request
 * thread waiting for another upload to end, so when all {@link #MAX_THREADS} are busy the executor refuses
 * and the upload stores inline, as before. Threads come from the container's ManagedThreadFactory (they carry
 * the application's context) and go after a minute of idleness.
 */
@ApplicationScoped
public class StoreWriters {

    /** Beyond a few concurrent uploads per core the machine is CPU-bound anyway; overlap no longer helps. */
    static final int MAX_THREADS = Math.max(4, 4 * Runtime.getRuntime().availableProcessors());

    @Resource
    ManagedThreadFactory threads;

    private ThreadPoolExecutor pool;

    /** The executor to pass to {@link DigestingCopier#copy}: it runs a task at once or throws RejectedExecutionException. */
    public synchronized Executor executor() {
        if (pool == null) {
            pool = new ThreadPoolExecutor(0, MAX_THREADS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
        }
        return pool;
    }

    @PreDestroy
    synchronized void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
