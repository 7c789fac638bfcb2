package io.berth.console.account;

import io.berth.console.shell.Preferences;
import io.berth.console.shell.Texts;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The preferences page ({@code /console/account/preferences}): language, date format (the language's own or ISO
 * 8601), pull-command style, table page size and theme, kept in this browser by {@link Preferences} (its cookie;
 * {@code Preferences} accepts only the offered values). Saving shows the page again, in the chosen language.
 */
@Named
@RequestScoped
public class AccountPreferences {

    static final String PAGE = "/console/account/preferences";

    @Inject
    Preferences preferences;

    @Inject
    Texts texts;

    private String language;
    private String dateFormat;
    private String pullStyle;
    private int pageSize;
    private String theme;

    @PostConstruct
    void init() {
        language = preferences.getLanguage();
        dateFormat = preferences.getDateFormat();
        pullStyle = preferences.getPullStyle();
        pageSize = preferences.getPageSize();
        theme = preferences.getTheme();
    }

    public void save() throws IOException {
        preferences.setLanguage(language);
        preferences.setDateFormat(dateFormat);
        preferences.setPullStyle(pullStyle);
        preferences.setPageSize(pageSize);
        preferences.setTheme(theme);
        preferences.save();
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.getFlash().setKeepMessages(true);
        texts.info("account.preferences.saved");
        external.redirect(external.getRequestContextPath() + PAGE);
    }

    /** Now, as every time in the console shows with the saved preferences. */
    public Instant getNow() {
        return Instant.now();
    }

    public List<String> getPullStyles() {
        return Preferences.PULL_STYLES;
    }

    public List<Integer> getPageSizes() {
        return Preferences.PAGE_SIZES;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getDateFormat() {
        return dateFormat;
    }

    public void setDateFormat(String dateFormat) {
        this.dateFormat = dateFormat;
    }

    public String getPullStyle() {
        return pullStyle;
    }

    public void setPullStyle(String pullStyle) {
        this.pullStyle = pullStyle;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public String getTheme() {
        return theme;
    }

    public void setTheme(String theme) {
        this.theme = theme;
    }
}
