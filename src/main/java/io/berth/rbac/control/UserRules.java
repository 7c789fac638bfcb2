package io.berth.rbac.control;

import io.berth.platform.api.ApiException;
import java.util.regex.Pattern;

/**
 * What a user's fields must look like, as Harbor's validation ({@code handler/user.go}) with two additions:
 * a name may not contain {@code :} (it could never sign in with HTTP Basic) nor start with the robot prefix,
 * and a password is at most 128 characters (PBKDF2 cost grows with length).
 * Passwords: 8 to 128 characters with at least one upper-case letter, one lower-case letter and one digit.
 */
public final class UserRules {

    static final int MAX_NAME = 255;
    static final int MAX_COMMENT = 1024;
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 128;
    private static final Pattern ILLEGAL_IN_NAME = Pattern.compile("[,\"~#%$:\\p{Cntrl}]");
    private static final Pattern ILLEGAL_IN_REALNAME = Pattern.compile("[,~#%$\\p{Cntrl}]");
    private static final Pattern EMAIL = Pattern.compile(
            "[^<>()\\[\\]\\\\.,;:\\s@\"]+(\\.[^<>()\\[\\]\\\\.,;:\\s@\"]+)*@([A-Za-z0-9-]+\\.)+[A-Za-z]{2,}");

    private UserRules() {
    }

    public static void username(String username) {
        if (username == null || username.isBlank() || username.length() > MAX_NAME || !username.equals(username.strip())) {
            throw ApiException.badRequest("username must be 1 to %d characters without leading or trailing spaces", MAX_NAME);
        }
        if (ILLEGAL_IN_NAME.matcher(username).find() || username.startsWith("robot$")) {
            throw ApiException.badRequest("username contains illegal characters (, \" ~ # %% $ : or control characters)");
        }
    }

    public static void profile(String email, String realname, String comment) {
        if (email == null || email.isEmpty()) {
            throw ApiException.badRequest("email can't be empty");
        }
        if (email.length() > MAX_NAME || !EMAIL.matcher(email).matches()) {
            throw ApiException.badRequest("email with illegal format");
        }
        if (realname == null || realname.isEmpty() || realname.length() > MAX_NAME) {
            throw ApiException.badRequest("realname must be 1 to %d characters", MAX_NAME);
        }
        if (ILLEGAL_IN_REALNAME.matcher(realname).find()) {
            throw ApiException.badRequest("realname contains illegal characters");
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw ApiException.badRequest("comment must be at most %d characters", MAX_COMMENT);
        }
    }

    public static void password(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD
                || password.chars().noneMatch(Character::isUpperCase)
                || password.chars().noneMatch(Character::isLowerCase)
                || password.chars().noneMatch(Character::isDigit)) {
            throw ApiException.badRequest("the password must be %d to %d characters with at least 1 uppercase letter,"
                    + " 1 lowercase letter and 1 number", MIN_PASSWORD, MAX_PASSWORD);
        }
    }
}
