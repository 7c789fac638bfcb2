package io.berth.rbac.boundary;

/** Harbor's {@code PasswordReq}. {@link #toString()} hides both passwords. */
public record PasswordRequest(String oldPassword, String newPassword) {

    @Override
    public String toString() {
        return "PasswordRequest[***]";
    }
}
