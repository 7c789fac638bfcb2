package io.berth.it.console;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The global search, {@code /console/search?q=}, reached through the header's search box. */
final class SearchPage {

    private final Browser browser;

    private SearchPage(Browser browser) {
        this.browser = browser;
    }

    /** Types {@code text} into the header's search box and searches. */
    static SearchPage search(Browser browser, String text) {
        browser.type(By.id("shell:searchText"), text);
        browser.click(By.id("shell:searchGo"));
        browser.find(By.id("searchSummary"));
        return new SearchPage(browser);
    }

    /** The link texts of the first column of a result table ({@code projects}, {@code repositories}, {@code tags}). */
    List<String> names(String table) {
        return links(table).stream().map(WebElement::getText).toList();
    }

    /** The links of the first column of a result table. */
    List<WebElement> links(String table) {
        return browser.findAll(By.cssSelector("tbody[id='" + table + "_data'] tr td:first-child a"));
    }
}
