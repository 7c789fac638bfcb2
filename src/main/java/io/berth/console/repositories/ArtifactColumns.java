package io.berth.console.repositories;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.primefaces.event.ToggleCloseEvent;

/**
 * Which columns of the artifacts table a visitor hid with the column chooser, kept in this browser (a cookie of its
 * own, so anonymous visitors keep their choice too and any node reads it). Only the ids of {@link #COLUMNS} are
 * ever read back from the cookie. Pages ask {@code visible="#{artifactColumns.visible('size')}"}; the chooser's
 * close event calls {@link #closed}.
 */
@Named
@RequestScoped
public class ArtifactColumns {

    static final String COOKIE = "berth_artifact_cols";
    /** The columns a visitor may hide, by component id. */
    static final List<String> COLUMNS = List.of("type", "pull", "platform", "tags", "signed", "size", "labels", "pushed", "pulled");
    private static final int ONE_YEAR = 365 * 24 * 3600;

    private Set<String> hidden;

    public boolean visible(String column) {
        return !hidden().contains(column);
    }

    /**
     * The chooser closed: the columns it left visible (client ids ending in the column ids) are remembered for the
     * next visit, the others as hidden. Ids that are not the table's columns are ignored.
     */
    public void closed(ToggleCloseEvent event) {
        Set<String> visible = new TreeSet<>();
        for (String id : event.getVisibleColumnIds()) {
            visible.add(id.substring(id.lastIndexOf(':') + 1));
        }
        hidden = new TreeSet<>(COLUMNS);
        hidden.removeAll(visible);
        save();
    }

    private Set<String> hidden() {
        if (hidden == null) {
            hidden = new TreeSet<>();
            Object cookie = external().getRequestCookieMap().get(COOKIE);
            if (cookie instanceof Cookie c && c.getValue() != null && c.getValue().length() < 256) {
                for (String id : c.getValue().split("\\.")) {
                    if (COLUMNS.contains(id)) {
                        hidden.add(id);
                    }
                }
            }
        }
        return hidden;
    }

    private void save() {
        HttpServletRequest request = (HttpServletRequest) external().getRequest();
        Cookie cookie = new Cookie(COOKIE, String.join(".", hidden()));
        cookie.setPath("/");
        cookie.setMaxAge(ONE_YEAR);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        ((HttpServletResponse) external().getResponse()).addCookie(cookie);
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }
}
