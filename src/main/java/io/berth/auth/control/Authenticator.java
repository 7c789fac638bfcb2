package io.berth.auth.control;

import io.berth.auth.entity.AuthenticatedUser;
import io.berth.events.RobotChanged;
import io.berth.events.UserChanged;
import io.berth.platform.RuntimeSettings;
import io.berth.rbac.control.AdminBootstrap;
import io.berth.rbac.control.PasswordHasher;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Robot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
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
 * password itself is never kept). Failures are throttled by {@link LoginThrottle} (this node, every name) and
 * {@link AccountLocks} (the database, accounts only, seen by every node). Nothing here logs a secret.
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

    @Inject
    AccountLocks locks;

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
        // The lock is checked before the remembered logins: a locked account must fail even with the right
        // password it used a moment ago.
        if (!throttle.allowed(username, now)) {
            PasswordHasher.verifyDummy(password.toCharArray());
            return Optional.empty();
        }
        String key = cacheKey(username, password);
        Remembered hit = remembered.get(key);
        if (hit != null && now.isBefore(hit.until)) {
            return Optional.of(hit.caller);
        }
        boolean robot = isRobotName(username, settings);
        // A lock set by another node (or before a restart) lives in the database; only asked when the password is
        // really checked, so remembered logins stay free of queries.
        if (!robot && locks.isLocked(username, now)) {
            PasswordHasher.verifyDummy(password.toCharArray());
            throttle.failed(username, now);
            return Optional.empty();
        }
        Optional<Caller> caller = robot
                ? robot(username, password, now)
                : user(username, password);
        if (caller.isPresent()) {
            throttle.succeeded(username);
            if (!robot) {
                locks.recordSuccess(username);
            }
            if (remembered.size() > 10_000) {
                remembered.values().removeIf(r -> now.isAfter(r.until));
            }
            remembered.put(key, new Remembered(caller.get(), now.plus(REMEMBER)));
        } else {
            throttle.failed(username, now);
            if (!robot) {
                locks.recordFailure(username, now);
            }
            LOGGER.log(Level.INFO, "Failed login for {0}", username);
        }
        return caller;
    }

    /** Forgets remembered logins, after a password, role or robot change on this node. */
    public void forgetAll() {
        remembered.clear();
    }

    /**
     * After a user's password or administrator flag changed, or the user was deleted, and the change committed:
     * forgets remembered logins, so the old password or role stops working on this node at once, and this node's
     * count of the name's failed logins, so that an administrator's password reset, which lifts the account's lock
     * in the database, also lifts it here (the database lock stays the authority for every other change).
     */
    void userChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserChanged event) {
        forgetAll();
        throttle.succeeded(event.name());
    }

    /**
     * After a robot account changed (secret, grants, expiry, disabled, deleted) and the change committed: forgets
     * remembered logins, so the robot's old secret or state stops working on this node at once.
     */
    void robotChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) RobotChanged event) {
        forgetAll();
    }

    /**
     * Whether {@code name} names a robot account: Harbor's {@code robot$} prefix, or the {@code robot_name_prefix}
     * new robots are currently named with.
     */
    static boolean isRobotName(String name, RuntimeSettings settings) {
        if (name.startsWith(ROBOT_PREFIX)) {
            return true;
        }
        String prefix = settings.get("robot_name_prefix", ROBOT_PREFIX);
        return !prefix.isEmpty() && name.startsWith(prefix);
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
