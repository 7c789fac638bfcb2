package io.berth.console.shell;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.component.UIData;
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

    public void remember(PageEvent event) {
        if (event.getComponent() instanceof UIData table && table.getRows() != preferences.getPageSize()) {
            preferences.setPageSize(table.getRows());
            preferences.save();
        }
    }
}
