package io.berth.rbac.entity;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The five project roles, with Harbor's numeric ids (the API's {@code role_id}) and names.
 * Effective rights of a user in a project are the union over the roles it holds directly and through groups.
 */
public enum Role {
    PROJECT_ADMIN(1, "projectAdmin"),
    DEVELOPER(2, "developer"),
    GUEST(3, "guest"),
    MAINTAINER(4, "maintainer"),
    LIMITED_GUEST(5, "limitedGuest");

    private final int id;
    private final String harborName;

    Role(int id, String harborName) {
        this.id = id;
        this.harborName = harborName;
    }

    /** Harbor's {@code role_id}. */
    public int id() {
        return id;
    }

    /** Harbor's role name ({@code projectAdmin}, {@code maintainer}, ...). */
    public String harborName() {
        return harborName;
    }

    public static Optional<Role> ofId(int id) {
        return Arrays.stream(values()).filter(r -> r.id == id).findFirst();
    }

    /**
     * The strongest of {@code roles} (Harbor's {@code current_user_role_id}): Project Admin, Maintainer,
     * Developer, Guest, Limited Guest, in that order, which is not the order of the ids.
     */
    public static Optional<Role> strongest(Collection<Role> roles) {
        return STRENGTH.stream().filter(roles::contains).findFirst();
    }

    private static final List<Role> STRENGTH = List.of(PROJECT_ADMIN, MAINTAINER, DEVELOPER, GUEST, LIMITED_GUEST);
}
