package io.berth.registry.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running digest of uploads in progress on this node: a cache, never the truth.
 * <p>
 * A chunked upload is usually POST, one or more PATCHes, then PUT with the digest, all on one node; keeping
 * the digest state between requests lets the PUT verify without reading the bytes again. When the state is
 * missing or does not match the stored size (the previous chunk went to another node, the node restarted,
 * or the entry was evicted), the caller hashes the stored bytes instead. {@link MessageDigest} state cannot be
 * shared between JVMs, which is why it may only ever be an optimisation.
 */
@ApplicationScoped
public class UploadHashes {

    static final int MAX_ENTRIES = 4096;

    /** Chunks are hashed with SHA-256, the digest nearly every client asks for; others re-read at the end. */
    public static final String RUNNING_ALGORITHM = "SHA-256";

    private final Map<String, State> states = new ConcurrentHashMap<>();

    /** The digest state of {@code uuid} if it covers exactly {@code size} bytes; removes it from the cache. */
    public Optional<MessageDigest> take(String uuid, String algorithm, long size) {
        State state = states.remove(uuid);
        if (state == null || state.size != size || !state.digest.getAlgorithm().equals(algorithm)) {
            return Optional.empty();
        }
        return Optional.of(state.digest);
    }

    /** Remembers the digest state of {@code uuid} after {@code size} bytes. */
    public void put(String uuid, MessageDigest digest, long size) {
        if (states.size() >= MAX_ENTRIES) {
            // Abandoned uploads must not grow the map without bound; losing a state only costs a re-read.
            states.keySet().stream().findAny().ifPresent(states::remove);
        }
        states.put(uuid, new State(digest, size));
    }

    public static MessageDigest newRunningDigest() {
        try {
            return MessageDigest.getInstance(RUNNING_ALGORITHM);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + RUNNING_ALGORITHM, e);
        }
    }

    public void forget(String uuid) {
        states.remove(uuid);
    }

    private record State(MessageDigest digest, long size) {
    }
}
