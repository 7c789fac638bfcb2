package io.berth.console.account;

import io.berth.console.shell.Texts;
import io.berth.platform.api.ApiException;
import io.berth.rbac.boundary.PasswordRequest;
import io.berth.rbac.boundary.Users;
import io.berth.rbac.control.CallerContext;
import io.berth.rbac.entity.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Changing one's own password ({@code /console/account/password}): the current password, the new one twice. The
 * page only checks that both new entries match; {@link Users#changePassword} checks the current password, the
 * password policy (its message is shown as it is) and that the user is a database user. Passwords never go back
 * to the page: the fields are emptied whatever happens.
 */
@Named
@RequestScoped
public class Password {

    @Inject
    Users users;

    @Inject
    CallerContext callers;

    @Inject
    Texts texts;

    private String current;
    private String replacement;
    private String confirmation;

    public void change() {
        Caller caller = callers.get();
        long id = caller instanceof Caller.UserCaller user ? user.id() : -1;
        try {
            users.changePassword(caller, id, new PasswordRequest(current, replacement));
            texts.info("account.password.changed");
        } catch (ApiException e) {
            texts.refused(e);
        } finally {
            current = null;
            replacement = null;
            confirmation = null;
        }
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getReplacement() {
        return replacement;
    }

    public void setReplacement(String replacement) {
        this.replacement = replacement;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
