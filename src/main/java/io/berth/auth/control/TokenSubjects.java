package io.berth.auth.control;

import io.berth.events.RobotChanged;
import io.berth.platform.RuntimeSettings;
import io.berth.rbac.entity.Caller;
import io.berth.rbac.entity.Robot;
import io.berth.rbac.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The caller a token was issued to, from its {@code sub}: anonymous for the empty subject, else the robot or user
 * of that name, which must still exist (and a robot still be active), so deleting or disabling an account ends
 * its tokens too, within {@link #REMEMBER}. Lookups are remembered for that long, since every request with a token
 * needs one. What a token may do still comes from its {@code access} claim; the caller is for the request's
 * {@link io.berth.rbac.control.CallerContext} (audit) and for the system-administrator exception on unknown projects.
 */
@ApplicationScoped
public class TokenSubjects {

    static final Duration REMEMBER = Duration.ofSeconds(60);
    static final int MAX_REMEMBERED = 10_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    RuntimeSettings settings;

    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    /** Forgets every remembered subject. */
    public void forgetAll() {
        remembered.clear();
    }

    /**
     * After a robot account changed and the change committed: forgets remembered subjects, so tokens of a robot
     * just disabled or deleted stop working on this node at once.
     */
    void robotChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) RobotChanged event) {
        forgetAll();
    }

    /** The caller named {@code subject}, if it still exists. */
    public Optional<Caller> callerOf(String subject) {
        if (subject.isEmpty()) {
            return Optional.of(Caller.ANONYMOUS);
        }
        Instant now = Instant.now();
        Remembered hit = remembered.get(subject);
        if (hit != null && now.isBefore(hit.until)) {
            return Optional.of(hit.caller);
        }
        Optional<Caller> caller = Authenticator.isRobotName(subject, settings) ? robot(subject, now) : user(subject);
        caller.ifPresent(c -> {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.values().removeIf(r -> now.isAfter(r.until));
                if (remembered.size() >= MAX_REMEMBERED) {
                    remembered.clear();
                }
            }
            remembered.put(subject, new Remembered(c, now.plus(REMEMBER)));
        });
        return caller;
    }

    private Optional<Caller> user(String name) {
        return em.createNamedQuery(User.FIND_BY_NAME, User.class)
                .setParameter("username", name)
                .getResultStream().findFirst()
                // Groups are resolved at login and a token carries none; /v2/ decides by the token's access anyway.
                .map(u -> new Caller.UserCaller(u.id(), u.username(), u.isSysadmin(), Set.of()));
    }

    private Optional<Caller> robot(String name, Instant now) {
        return em.createNamedQuery(Robot.FIND_BY_NAME, Robot.class)
                .setParameter("name", name)
                .getResultStream().findFirst()
                .filter(r -> r.isActive(now))
                .map(r -> new Caller.RobotCaller(r.id(), r.name(), r.projectId(), r.grants()));
    }

    private record Remembered(Caller caller, Instant until) {
    }
}
