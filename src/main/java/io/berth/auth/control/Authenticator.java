package io.berth.auth.control;

import io.berth.auth.entity.AuthenticatedUser;
import io.berth.platform.RuntimeSettings;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Robot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a name and a password into a {@link Caller}: robot accounts by their {@code robot$} prefix, users
 * through the identity store that {@code auth_mode} names ({@code admin} always through the database).
 * <p>
 * PBKDF2 is slow on purpose, and clients such as Docker send Basic credentials on many requests, so a
 * successful check is remembered for {@link #REMEMBER} under a SHA-256 of the name and password (the
 * password itself is never kept). Failures are throttled by {@link LoginThrottle}. Nothing here logs a secret.
 */
@ApplicationScoped
public class Authenticator {

    public static final String ROBOT_PREFIX = "robot$";
    static final Duration REMEMBER = Duration.ofSeconds(60);
    private static final Logger LOGGER = Logger.getLogger(Authenticator.class.getName());

    @Inject
    Instance<IdentityStore> stores;

    @Inject
    RuntimeSettings settings;

    @Inject
    LoginThrottle throttle;

    @PersistenceContext
    EntityManager em;

    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    /** The caller these credentials identify; empty when they are wrong, locked, expired or disabled. */
    public Optional<Caller> authenticate(String username, String password) {
        if (username == null || username.isEmpty() || password == null || password.isEmpty()
                || username.length() > 255 || password.length() > 1024) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        String key = cacheKey(username, password);
        Remembered hit = remembered.get(key);
        if (hit != null && now.isBefore(hit.until)) {
            return Optional.of(hit.caller);
        }
        if (!throttle.allowed(username, now)) {
            PasswordHasher.verifyDummy(password.toCharArray());
            return Optional.empty();
        }
        Optional<Caller> caller = username.startsWith(ROBOT_PREFIX)
                ? robot(username, password, now)
                : user(username, password);
        if (caller.isPresent()) {
            throttle.succeeded(username);
            if (remembered.size() > 10_000) {
                remembered.values().removeIf(r -> now.isAfter(r.until));
            }
            remembered.put(key, new Remembered(caller.get(), now.plus(REMEMBER)));
        } else {
            throttle.failed(username, now);
            LOGGER.log(Level.INFO, "Failed login for {0}", username);
        }
        return caller;
    }

    /** Forgets remembered logins, after a password, role or robot change on this node. */
    public void forgetAll() {
        remembered.clear();
    }

    private Optional<Caller> user(String username, String password) {
        String mode = AdminBootstrap.ADMIN.equals(username)
                ? DatabaseIdentityStore.MODE
                : settings.get("auth_mode", DatabaseIdentityStore.MODE);
        IdentityStore store = stores.stream().filter(s -> s.authMode().equals(mode)).findFirst()
                .orElseGet(() -> stores.select(DatabaseIdentityStore.class).get());
        return store.authenticate(username, password.toCharArray()).map(Authenticator::caller);
    }

    private Optional<Caller> robot(String name, String secret, Instant now) {
        Optional<Robot> robot = em.createNamedQuery(Robot.FIND_BY_NAME, Robot.class)
                .setParameter("name", name)
                .getResultStream().findFirst();
        if (robot.isEmpty()) {
            PasswordHasher.verifyDummy(secret.toCharArray());
            return Optional.empty();
        }
        Robot r = robot.get();
        boolean ok = PasswordHasher.verify(secret.toCharArray(), r.secretHash());
        if (!ok || !r.isActive(now)) {
            return Optional.empty();
        }
        return Optional.of(new Caller.RobotCaller(r.id(), r.name(), r.projectId(), r.grants()));
    }

    private static Caller caller(AuthenticatedUser user) {
        return new Caller.UserCaller(user.user().id(), user.user().username(), user.user().isSysadmin(), user.groupIds());
    }

    private static String cacheKey(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Remembered(Caller caller, Instant until) {
    }
}
