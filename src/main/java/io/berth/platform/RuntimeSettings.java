package io.berth.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Settings administrators change while Berth runs (Harbor's configurations: {@code auth_mode}, LDAP,
 * {@code token_expiration}, ...), stored as rows so every node sees the same values.
 * <p>
 * Reads are served from a per-node copy refreshed every {@link #REFRESH} (a change made on another node is
 * seen within that time; on this node at once). Values of secret keys ({@link #isSecret}) are encrypted at
 * rest with {@link SettingsCipher} and never leave through {@link #all()}.
 * <pre>
 * String mode = settings.get("auth_mode").orElse("db_auth");
 * settings.put(Map.of("token_expiration", "60"));
 * </pre>
 */
@ApplicationScoped
public class RuntimeSettings {

    static final Duration REFRESH = Duration.ofSeconds(5);

    @PersistenceContext
    EntityManager em;

    @Inject
    SettingsCipher cipher;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private volatile Snapshot snapshot = new Snapshot(Map.of(), Instant.EPOCH);

    /** The current value of {@code key}, decrypted if it is a secret. */
    public Optional<String> get(String key) {
        String value = current().get(key);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(isSecret(key) ? cipher.decrypt(value) : value);
    }

    public String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    public int getInt(String key, int defaultValue) {
        return get(key).map(v -> {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                return defaultValue;
            }
        }).orElse(defaultValue);
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        return get(key).map(v -> Boolean.parseBoolean(v.trim())).orElse(defaultValue);
    }

    /** Every stored setting, secrets left out: what may be shown to an administrator. */
    public Map<String, String> all() {
        Map<String, String> visible = new HashMap<>(current());
        visible.keySet().removeIf(RuntimeSettings::isSecret);
        return visible;
    }

    /** Stores the given values in one transaction (secrets encrypted); an empty string clears a key. */
    @Transactional
    public void put(Map<String, String> values) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        values.forEach((key, value) -> {
            ConfigurationEntry entry = em.find(ConfigurationEntry.class, key);
            if (value == null || value.isEmpty()) {
                if (entry != null) {
                    em.remove(entry);
                }
                return;
            }
            String stored = isSecret(key) ? cipher.encrypt(value) : value;
            if (entry == null) {
                em.persist(new ConfigurationEntry(key, stored, now));
            } else {
                entry.setValue(stored, now);
            }
        });
        forget();
        // A read on another thread between this forget and the commit reloads the old rows; forgetting again once
        // the transaction has ended keeps that stale copy from lasting a whole REFRESH.
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                forget();
            }
        });
    }

    private void forget() {
        snapshot = new Snapshot(Map.of(), Instant.EPOCH);
    }

    /** Keys whose values are credentials: encrypted at rest, never returned, never logged. */
    public static boolean isSecret(String key) {
        return key.endsWith("_password") || key.endsWith("_secret") || key.endsWith("_token");
    }

    private Map<String, String> current() {
        Snapshot s = snapshot;
        if (Instant.now().isAfter(s.loaded.plus(REFRESH))) {
            Map<String, String> values = new HashMap<>();
            em.createQuery("SELECT c FROM ConfigurationEntry c", ConfigurationEntry.class)
                    .getResultList()
                    .forEach(c -> values.put(c.key(), c.value()));
            s = new Snapshot(Map.copyOf(values), Instant.now());
            snapshot = s;
        }
        return s.values;
    }

    private record Snapshot(Map<String, String> values, Instant loaded) {
    }
}
