package io.berth.console.shell;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.data.PageEvent;

/**
 * Remembers the page size a visitor picks in any table, for every table: the paginator's {@code page} event calls
 * {@code #{pageSizes.remember}}, and tables read {@code #{preferences.pageSize}}.
 */
@Named
@RequestScoped
public class PageSizes {

    @Inject
    Preferences preferences;

    /** The rows the visitor chose, from the event: the table itself takes them only when it renders. */
    public void remember(PageEvent event) {
        Integer rows = event.getRowsPerPage();
        if (rows != null && rows != preferences.getPageSize()) {
            preferences.setPageSize(rows);
            preferences.save();
        }
    }
}
