package io.berth.it.console;

import org.openqa.selenium.By;

/** The about page, {@code /console/about}. */
final class AboutPage {

    static final String PATH = "/console/about";
    private final Browser browser;

    private AboutPage(Browser browser) {
        this.browser = browser;
    }

    static AboutPage open(Browser browser) {
        browser.go(PATH);
        browser.find(By.id("openapi"));
        return new AboutPage(browser);
    }

    /** The API version shown, or null when the page shows none. */
    String apiVersion() {
        return browser.findAll(By.id("apiVersion")).isEmpty() ? null : browser.text(By.id("apiVersion"));
    }

    String berthVersion() {
        return browser.text(By.id("berthVersion"));
    }

    String openApiHref() {
        return browser.find(By.id("openapi")).getAttribute("href");
    }
}
