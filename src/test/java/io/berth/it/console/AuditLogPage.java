package io.berth.it.console;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An audit trail with its filters, as the three pages that show one have it: the administrators' audit log
 * ({@code /console/admin/audit}), one's own logs ({@code /console/logs}) and a project's Logs tab.
 */
final class AuditLogPage {

    static final String ADMIN = "/console/admin/audit";
    static final String OWN = "/console/logs";
    private final Browser browser;

    private AuditLogPage(Browser browser) {
        this.browser = browser;
    }

    static AuditLogPage open(Browser browser, String path) {
        browser.go(path);
        browser.find(By.id("audit:entries"));
        return new AuditLogPage(browser);
    }

    static AuditLogPage openProjectTab(Browser browser, String project) {
        return open(browser, "/console/projects/project?name=" + project + "&tab=logs");
    }

    AuditLogPage username(String text) {
        browser.type(By.id("audit:username"), text);
        return this;
    }

    AuditLogPage resource(String text) {
        browser.type(By.id("audit:resource"), text);
        return this;
    }

    AuditLogPage resourceType(String type) {
        new Select(browser.find(By.id("audit:resourceType"))).selectByValue(type);
        return this;
    }

    AuditLogPage operation(String operation) {
        new Select(browser.find(By.id("audit:operation"))).selectByValue(operation);
        return this;
    }

    /** Sets the time range as the browser's date-time fields hold it (local time). */
    AuditLogPage between(LocalDateTime from, LocalDateTime to) {
        DateTimeFormatter field = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript("arguments[0].value = arguments[1];", browser.find(By.id("audit:from")), from.format(field));
        js.executeScript("arguments[0].value = arguments[1];", browser.find(By.id("audit:to")), to.format(field));
        return this;
    }

    AuditLogPage apply() {
        browser.click(By.id("audit:search"));
        browser.waitUntil(d -> d.findElements(By.cssSelector("[id='audit:search'].ui-state-loading")).isEmpty() ? Boolean.TRUE : null);
        return this;
    }

    /** The rows on the current page: each one's cells as text. */
    List<List<String>> rows() {
        return browser.findAll(By.cssSelector("tbody[id='audit:entries_data'] tr:not(.ui-datatable-empty-message)"))
                .stream().map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .toList();
    }

    /** Cells of the column {@code index} (0 = time, 1 = user, 2 = resource, 3 = type, 4 = operation, 5 = result). */
    List<String> column(int index) {
        return rows().stream().map(cells -> cells.get(index)).toList();
    }

    String exportHref() {
        return browser.find(By.id("audit:export")).getAttribute("href");
    }

    boolean hasExport() {
        return !browser.findAll(By.id("audit:export")).isEmpty();
    }
}
