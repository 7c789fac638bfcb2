package io.berth.rbac.entity;

import java.util.List;
import java.util.Set;

/**
 * Who is making a request, as established by authentication: nobody, a user (with the groups resolved at
 * login), or a robot account (with its grants). Authorisation decisions take a caller and never look at
 * credentials again.
 */
public sealed interface Caller permits Caller.Anonymous, Caller.UserCaller, Caller.RobotCaller {

    /** The anonymous caller. */
    Caller ANONYMOUS = new Anonymous();

    /** The name as it appears in tokens and the audit trail; empty for anonymous. */
    String name();

    /** System administrators bypass the project permission table. */
    default boolean isSysadmin() {
        return false;
    }

    default boolean isAnonymous() {
        return this instanceof Anonymous;
    }

    /** Nobody: may read public projects and nothing else. */
    record Anonymous() implements Caller {
        @Override
        public String name() {
            return "";
        }
    }

    /** A signed-in user, with the ids of the groups it belongs to. */
    record UserCaller(long id, String name, boolean sysadmin, Set<Long> groupIds) implements Caller {
        public UserCaller {
            groupIds = Set.copyOf(groupIds);
        }

        @Override
        public boolean isSysadmin() {
            return sysadmin;
        }
    }

    /** A robot account, with its grants; {@code projectId} is set for project-level robots. */
    record RobotCaller(long id, String name, Long projectId, List<RobotGrant> grants) implements Caller {
        public RobotCaller {
            grants = List.copyOf(grants);
        }
    }
}
