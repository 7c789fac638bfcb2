package io.berth.rbac.boundary;

import io.berth.rbac.entity.User;
import java.time.Instant;

/**
 * Harbor's {@code UserResp}. Built from a {@link User} field by field, so the password hash, the lock and
 * the directory DN can never slip into a response. {@code oidc_user_meta} is left out: there is no OIDC yet.
 *
 * @param adminRoleInAuth whether the identity store (an LDAP group admin DN) made the user an administrator;
 *                        only ever true for the caller's own record, as in Harbor
 */
public record UserView(long userId, String username, String email, String realname, String comment,
        boolean sysadminFlag, boolean adminRoleInAuth, Instant creationTime, Instant updateTime) {

    static UserView of(User user, boolean adminRoleInAuth) {
        return new UserView(user.id(), user.username(), user.email(), user.realname(), user.comment(),
                user.isSysadmin(), adminRoleInAuth, user.creationTime(), user.updateTime());
    }
}
