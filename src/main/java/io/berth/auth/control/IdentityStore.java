package io.berth.auth.control;

import io.berth.auth.entity.AuthenticatedUser;
import java.util.Optional;

/**
 * Where user passwords are checked: the database ({@code db_auth}) or a directory ({@code ldap_auth}).
 * The {@link Authenticator} picks the store named by the {@code auth_mode} setting; the built-in
 * {@code admin} always authenticates against the database, as in Harbor, so a broken directory cannot lock
 * administrators out.
 */
public interface IdentityStore {

    /** The {@code auth_mode} value this store serves, e.g. {@code db_auth}. */
    String authMode();

    /**
     * The user, if {@code password} is right. Implementations must not reveal through timing or exceptions
     * whether the user exists, must compare secrets in constant time, and must never log the password.
     */
    Optional<AuthenticatedUser> authenticate(String username, char[] password);
}
