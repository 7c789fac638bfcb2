package io.berth.console.shell;

import io.berth.auth.boundary.ConsoleSessions;
import io.berth.rbac.control.CallerContext;
import io.berth.rbac.entity.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The frame around every console page: who is signed in, the header's global search, the theme and language
 * switches, and signing out. Pages read it as {@code #{shell}}.
 */
@Named
@RequestScoped
public class Shell {

    @Inject
    CallerContext callers;

    @Inject
    ConsoleSessions sessions;

    @Inject
    Preferences preferences;

    private String searchText;

    public Caller getCaller() {
        return callers.get();
    }

    public boolean isSignedIn() {
        return !callers.get().isAnonymous();
    }

    public String getUsername() {
        return callers.get().name();
    }

    /** Whether the caller is a system administrator (shows the administration menu; the facades decide). */
    public boolean isAdmin() {
        return callers.get().isSysadmin();
    }

    public String getSearchText() {
        return searchText;
    }

    public void setSearchText(String searchText) {
        this.searchText = searchText;
    }

    /** The header's search box: projects, repositories and tags matching the text. */
    public String search() {
        String text = searchText == null ? "" : searchText.strip();
        return "/console/search?faces-redirect=true&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Ends the session (audited) and shows the sign-in page. */
    public void signOut() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        sessions.signOut((HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse());
        external.redirect(external.getRequestContextPath() + ConsoleFilter.SIGN_IN);
    }

    /** Switches between the light and the dark theme and shows the same page again. */
    public void toggleTheme() throws IOException {
        preferences.setTheme(preferences.isDark() ? "light" : "dark");
        preferences.save();
        reload();
    }

    /** Chooses the console's language ({@code ""} for the browser's) and shows the same page again. */
    public void chooseLanguage(String language) throws IOException {
        preferences.setLanguage(language);
        preferences.save();
        reload();
    }

    /** The same URL, query included, as a fresh GET: the page renders anew with the changed preferences. */
    static void reload() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String uri = request.getRequestURI();
        String query = request.getQueryString();
        external.redirect(uri + (query == null ? "" : "?" + query));
    }
}
