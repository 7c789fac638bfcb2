package io.berth.console.repositories;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.primefaces.event.ColumnToggleEvent;
import org.primefaces.model.Visibility;

/**
 * Which columns of the artifacts table a visitor hid with the column chooser, kept in this browser (a cookie of its
 * own, so anonymous visitors keep their choice too and any node reads it). Only the ids of {@link #COLUMNS} are
 * ever read back from the cookie. Pages ask {@code visible="#{artifactColumns.visible('size')}"}; the chooser's
 * toggle event calls {@link #toggled}.
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

    /** The chooser showed or hid a column: remembered for the next visit. */
    public void toggled(ColumnToggleEvent event) {
        if (event.getColumn() instanceof UIComponent column && COLUMNS.contains(column.getId())) {
            if (event.getVisibility() == Visibility.HIDDEN) {
                hidden().add(column.getId());
            } else {
                hidden().remove(column.getId());
            }
            save();
        }
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
