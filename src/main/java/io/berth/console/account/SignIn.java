package io.berth.console.account;

import io.berth.auth.boundary.ConsoleSessions;
import io.berth.console.shell.ConsoleFilter;
import io.berth.console.shell.Texts;
import io.berth.platform.RuntimeSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The sign-in page ({@code /console/account/sign-in}): database and LDAP users sign in through
 * {@link ConsoleSessions}, the same door as {@code POST /c/login}, so failures count towards the same lock and
 * the session serves the REST API too. After signing in, the visitor goes back to the page that sent it here
 * ({@code continue}), but only to a console page of this server: never to another site.
 */
@Named
@RequestScoped
public class SignIn {

    static final String HOME = "/console/projects/list";
    private static final Pattern SAFE_TARGET = Pattern.compile("/console/[A-Za-z0-9/_.~%?=&+:@-]*");

    @Inject
    ConsoleSessions sessions;

    @Inject
    RuntimeSettings settings;

    @Inject
    Texts texts;

    private String principal;
    private String password;
    private String continueTo;

    public String getPrincipal() {
        return principal;
    }

    public void setPrincipal(String principal) {
        this.principal = principal;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getContinueTo() {
        return continueTo;
    }

    public void setContinueTo(String continueTo) {
        this.continueTo = continueTo;
    }

    /** Whether visitors may create their own account (the {@code self_registration} setting). */
    public boolean isSignUpOpen() {
        return settings.getBoolean("self_registration", false);
    }

    public void signIn() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        boolean in = sessions.signIn((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(), principal, password, "console").isPresent();
        password = null;
        if (!in) {
            texts.error("account.signIn.failed");
            return;
        }
        external.redirect(external.getRequestContextPath() + target(continueTo));
    }

    /**
     * A console path to go on to: {@code requested} when it is a plain path of this console (no scheme, no host, no
     * {@code //}, nothing a header could be split with), else the projects.
     */
    static String target(String requested) {
        if (requested == null || !SAFE_TARGET.matcher(requested).matches() || requested.contains("//")
                || requested.startsWith(ConsoleFilter.SIGN_IN)) {
            return HOME;
        }
        return requested;
    }
}
