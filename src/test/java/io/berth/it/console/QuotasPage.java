package io.berth.it.console;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The project quotas page, {@code /console/admin/quotas}, as an administrator works it. */
public final class QuotasPage {

    static final String PATH = "/console/admin/quotas";
    private final Browser browser;

    public QuotasPage(Browser browser) {
        this.browser = browser;
    }

    public static QuotasPage open(Browser browser) {
        browser.go(PATH);
        browser.find(By.id("quotas:table"));
        return new QuotasPage(browser);
    }

    /** The project names on the current page of the table, in order. */
    public List<String> projects() {
        return browser.findAll(By.cssSelector("tbody[id='quotas:table_data'] tr:not(.ui-datatable-empty-message) td:nth-child(1)"))
                .stream().map(WebElement::getText).toList();
    }

    /** Sorts by storage used, largest first (a click for ascending, a second for descending). */
    public QuotasPage sortByUsageDescending() {
        By header = By.cssSelector("th[id='quotas:table:used']");
        browser.click(header);
        browser.waitUntil(d -> "ascending".equals(d.findElement(header).getAttribute("aria-sort")) ? Boolean.TRUE : null);
        browser.click(header);
        browser.waitUntil(d -> "descending".equals(d.findElement(header).getAttribute("aria-sort")) ? Boolean.TRUE : null);
        browser.waitReady();
        return this;
    }

    /** The "used / limit" text of a project's row (on the current page). */
    public String usage(String project) {
        return browser.text(By.xpath(row(project) + "/td[3]//span[contains(@class,'usage-text')]"));
    }

    public String defaultQuota() {
        return browser.text(By.id("quotas:defaultValue"));
    }

    /** Sets a project's limit ({@code amount} in {@code unit}, GiB or TiB; null amount for unlimited). */
    public QuotasPage setLimit(String project, String amount, String unit) {
        browser.click(By.xpath(row(project) + "//button[contains(@id,':edit')]"));
        browser.waitUntil(d -> browser.text(By.id("editing")).contains(project) ? Boolean.TRUE : null);
        return fillAndSave(amount, unit);
    }

    public QuotasPage setDefault(String amount, String unit) {
        browser.click(By.id("quotas:editDefault"));
        browser.find(By.id("editQuota:amount_input"));
        return fillAndSave(amount, unit);
    }

    private QuotasPage fillAndSave(String amount, String unit) {
        boolean unlimitedNow = !browser.findAll(By.cssSelector("div[id='editQuota:unlimited'] .ui-chkbox-box.ui-state-active")).isEmpty();
        if ((amount == null) != unlimitedNow) {
            browser.click(By.cssSelector("div[id='editQuota:unlimited'] .ui-chkbox-box"));
        }
        if (amount != null) {
            browser.type(By.id("editQuota:amount_input"), amount);
            new Select(browser.find(By.id("editQuota:unit"))).selectByValue(unit);
        }
        browser.click(By.id("editQuota:save"));
        return this;
    }

    private static String row(String project) {
        return "//tbody[@id='quotas:table_data']/tr[td[1][normalize-space(.)='" + project + "']]";
    }
}
