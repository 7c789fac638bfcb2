package io.berth.console.account;

import io.berth.console.shell.ConsoleFilter;
import io.berth.console.shell.Texts;
import io.berth.platform.RuntimeSettings;
import io.berth.platform.api.ApiException;
import io.berth.rbac.boundary.UserCreationRequest;
import io.berth.rbac.boundary.Users;
import io.berth.rbac.control.CallerContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/**
 * Signing up ({@code /console/account/sign-up}): a visitor creates a database account when the
 * {@code self_registration} setting is on. The page shows its form only then, but {@link Users#create} decides:
 * with self-registration off it refuses anyone but administrators, whatever a forged request says. After signing
 * up the visitor signs in with the new account.
 */
@Named
@RequestScoped
public class SignUp {

    @Inject
    Users users;

    @Inject
    CallerContext callers;

    @Inject
    RuntimeSettings settings;

    @Inject
    Texts texts;

    private String username;
    private String email;
    private String realname;
    private String comment;
    private String password;
    private String confirmation;

    /** Whether visitors may create their own account (the form shows; the facade still decides). */
    public boolean isOpen() {
        return settings.getBoolean("self_registration", false);
    }

    public void signUp() throws IOException {
        try {
            users.create(callers.get(), new UserCreationRequest(username, email, realname, comment, password));
        } catch (ApiException e) {
            texts.refused(e);
            return;
        } finally {
            password = null;
            confirmation = null;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.getFlash().setKeepMessages(true);
        texts.info("account.signUp.done", username);
        external.redirect(external.getRequestContextPath() + ConsoleFilter.SIGN_IN);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
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

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
