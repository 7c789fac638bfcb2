package io.berth.rbac.boundary;

/**
 * Harbor's {@code UserCreationReq}: the only fields a new user is made from. Anything else in the body
 * ({@code sysadmin_flag}, {@code has_admin_role}, {@code user_id}, ...) has nowhere to go and is dropped,
 * so self-registration cannot make an administrator (CVE-2019-16097).
 */
public record UserCreationRequest(String username, String email, String realname, String comment, String password) {

    @Override
    public String toString() {
        return "UserCreationRequest[username=" + username + "]";
    }
}
