package io.berth.auth.control;

import io.berth.auth.entity.AuthenticatedUser;
import io.berth.rbac.control.PasswordHasher;
import io.berth.rbac.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.Set;

/** Users and PBKDF2 password hashes in Berth's own database ({@code auth_mode=db_auth}, the default). */
@ApplicationScoped
public class DatabaseIdentityStore implements IdentityStore {

    public static final String MODE = "db_auth";

    @PersistenceContext
    EntityManager em;

    @Override
    public String authMode() {
        return MODE;
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String username, char[] password) {
        Optional<User> user = em.createNamedQuery(User.FIND_BY_NAME, User.class)
                .setParameter("username", username)
                .getResultStream().findFirst();
        if (user.isEmpty() || user.get().passwordHash() == null) {
            PasswordHasher.verifyDummy(password);
            return Optional.empty();
        }
        return PasswordHasher.verify(password, user.get().passwordHash())
                ? Optional.of(new AuthenticatedUser(user.get(), Set.of()))
                : Optional.empty();
    }
}
