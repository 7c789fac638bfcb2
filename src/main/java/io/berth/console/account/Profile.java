package io.berth.console.account;

import io.berth.console.shell.Texts;
import io.berth.platform.api.ApiException;
import io.berth.rbac.boundary.UserProfileRequest;
import io.berth.rbac.boundary.UserView;
import io.berth.rbac.boundary.Users;
import io.berth.rbac.control.CallerContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * One's own profile ({@code /console/account/profile}): e-mail, full name and comment, through
 * {@link Users#updateProfile}, which checks the fields and refuses directory (LDAP) users, whose profile the
 * directory keeps.
 */
@Named
@ViewScoped
public class Profile implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Inject
    transient Users users;

    @Inject
    transient CallerContext callers;

    @Inject
    transient Texts texts;

    private long userId;
    private String username;
    private String email;
    private String realname;
    private String comment;
    private boolean admin;
    private Instant created;

    /** Reads the caller's own record (401 for robots and anonymous callers, through the error page). */
    public void load() {
        UserView me = users.current(callers.get());
        userId = me.userId();
        username = me.username();
        email = me.email();
        realname = me.realname();
        comment = me.comment();
        admin = me.sysadminFlag();
        created = me.creationTime();
    }

    public void save() {
        try {
            users.updateProfile(callers.get(), userId, new UserProfileRequest(email, realname, comment));
            texts.info("account.profile.saved");
        } catch (ApiException e) {
            texts.refused(e);
        }
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getRealname() {
        return realname;
    }

    public void setRealname(String realname) {
        this.realname = realname;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public boolean isAdmin() {
        return admin;
    }

    public Instant getCreated() {
        return created;
    }
}
