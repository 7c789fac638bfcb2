package io.berth.console.admin;

import io.berth.auth.boundary.settings.Configurations;
import io.berth.console.shell.ListingModel;
import io.berth.console.shell.Texts;
import io.berth.platform.api.ApiException;
import io.berth.platform.api.PageRequest;
import io.berth.rbac.boundary.PasswordRequest;
import io.berth.rbac.boundary.SysadminFlagRequest;
import io.berth.rbac.boundary.UserCreationRequest;
import io.berth.rbac.boundary.UserView;
import io.berth.rbac.boundary.Users;
import io.berth.rbac.control.CallerContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import org.primefaces.PrimeFaces;

/**
 * The users page ({@code /console/admin/users}), Harbor's user administration: the users filtered by name or e-mail
 * and sorted on the server, a new database user, granting and revoking the administrator role, an administrator's
 * password reset (which also lifts a lock) and deleting a user after a confirmation that names it.
 * <p>
 * Every action is one call of the {@link Users} facade with the caller, as {@code /api/v2.0/users} makes it: the
 * facade decides who may do what (only administrators; never deleting oneself or {@code admin}), and its refusals
 * are shown as they come.
 */
@Named
@ViewScoped
public class UserAdmin implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Inject
    transient Users users;

    @Inject
    transient Configurations configurations;

    @Inject
    transient CallerContext callers;

    @Inject
    transient Texts texts;

    private ListingModel<UserView> model;
    private Boolean databaseAuth;
    private UserView chosen;
    private String newUsername;
    private String newEmail;
    private String newRealname;
    private String newComment;
    private String newPassword;
    private String confirmPassword;

    /**
     * Opening the page: the facade decides whether the caller may list users at all; its refusal (401, 403) shows the
     * error page instead of an empty table.
     */
    public void load() {
        users.list(callers.get(), new PageRequest(1, 1), null, null, null, null);
        model = new ListingModel<>(UserView::userId, (page, q, sort) ->
                users.list(callers.get(), page, q, sort, null, null), texts);
    }

    public ListingModel<UserView> getModel() {
        return model;
    }

    /** Whether local users can be made here: only under database authentication (the facade says the same). */
    public boolean isDatabaseAuth() {
        if (databaseAuth == null) {
            JsonObject view = configurations.view(callers.get());
            databaseAuth = "db_auth".equals(view.getJsonObject("auth_mode").getString("value", "db_auth"));
        }
        return databaseAuth;
    }

    /** The user the open dialog is about (reset password, delete). */
    public UserView getChosen() {
        return chosen;
    }

    public void choose(UserView user) {
        this.chosen = user;
        this.newPassword = null;
        this.confirmPassword = null;
    }

    /** Grants the administrator role to a user who lacks it, and revokes it from one who has it. */
    public void toggleAdministrator(UserView user) {
        boolean grant = !user.sysadminFlag();
        try {
            users.setSysadmin(callers.get(), user.userId(), new SysadminFlagRequest(grant));
            texts.info(grant ? "users.admin.granted" : "users.admin.revoked", user.username());
        } catch (ApiException e) {
            texts.refused(e);
        }
    }

    /** Starts a new user from an empty dialog. */
    public void startNew() {
        newUsername = null;
        newEmail = null;
        newRealname = null;
        newComment = null;
        newPassword = null;
        confirmPassword = null;
    }

    /** Creates the database user of the dialog; the facade checks the name, e-mail and password rules. */
    public void create() {
        if (!Objects.equals(newPassword, confirmPassword)) {
            texts.error("users.password.mismatch");
            return;
        }
        try {
            UserView created = users.create(callers.get(),
                    new UserCreationRequest(newUsername, newEmail, newRealname, newComment, newPassword));
            texts.info("users.created", created.username());
            startNew();
            PrimeFaces.current().ajax().addCallbackParam("done", true);
        } catch (ApiException e) {
            texts.refused(e);
        } finally {
            newPassword = null;
            confirmPassword = null;
        }
    }

    /** Sets the chosen user's password as an administrator (no current password needed; a lock is lifted). */
    public void resetPassword() {
        if (!Objects.equals(newPassword, confirmPassword)) {
            texts.error("users.password.mismatch");
            return;
        }
        try {
            users.changePassword(callers.get(), chosen.userId(), new PasswordRequest(null, newPassword));
            texts.info("users.password.reset", chosen.username());
            PrimeFaces.current().ajax().addCallbackParam("done", true);
        } catch (ApiException e) {
            texts.refused(e);
        } finally {
            newPassword = null;
            confirmPassword = null;
        }
    }

    /** Deletes the chosen user after the confirmation; the facade refuses oneself and {@code admin}. */
    public void delete() {
        try {
            users.delete(callers.get(), chosen.userId());
            texts.info("users.deleted", chosen.username());
        } catch (ApiException e) {
            texts.refused(e);
        }
        chosen = null;
    }

    public String getNewUsername() {
        return newUsername;
    }

    public void setNewUsername(String newUsername) {
        this.newUsername = newUsername;
    }

    public String getNewEmail() {
        return newEmail;
    }

    public void setNewEmail(String newEmail) {
        this.newEmail = newEmail;
    }

    public String getNewRealname() {
        return newRealname;
    }

    public void setNewRealname(String newRealname) {
        this.newRealname = newRealname;
    }

    public String getNewComment() {
        return newComment;
    }

    public void setNewComment(String newComment) {
        this.newComment = newComment;
    }

    /** Write only: a password is never rendered back. */
    public String getNewPassword() {
        return null;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmPassword() {
        return null;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }
}
