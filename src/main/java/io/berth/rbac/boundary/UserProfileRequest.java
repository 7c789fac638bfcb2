package io.berth.rbac.boundary;

/** Harbor's {@code UserProfile}: the only fields {@code PUT /users/{id}} changes. */
public record UserProfileRequest(String email, String realname, String comment) {
}
