package io.berth.it.console;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The configuration page, {@code /console/admin/configuration}, as an administrator works it. */
public final class ConfigurationPage {

    static final String PATH = "/console/admin/configuration";
    private final Browser browser;

    public ConfigurationPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens a tab of the page: {@code auth}, {@code system} or {@code audit}. */
    public static ConfigurationPage open(Browser browser, String tab) {
        browser.go(PATH + "?tab=" + tab);
        browser.find(By.id(tab + ":save"));
        return new ConfigurationPage(browser);
    }

    /** Types into a text field of a section, e.g. {@code ("system", "sessionTimeout", "45")}. */
    public ConfigurationPage type(String section, String field, String text) {
        browser.type(By.id(section + ":" + field), text);
        return this;
    }

    public String value(String section, String field) {
        return browser.find(By.id(section + ":" + field)).getAttribute("value");
    }

    /** Chooses an option of a drop-down of a section by its value. */
    public ConfigurationPage choose(String section, String field, String value) {
        new Select(browser.find(By.id(section + ":" + field))).selectByValue(value);
        return this;
    }

    public String chosen(String section, String field) {
        return new Select(browser.find(By.id(section + ":" + field))).getFirstSelectedOption().getAttribute("value");
    }

    public boolean disabled(String section, String field) {
        return !browser.find(By.id(section + ":" + field)).isEnabled();
    }

    /** Saves a section ({@code auth}, {@code system} or {@code audit}). */
    public ConfigurationPage save(String section) {
        browser.click(By.id(section + ":save"));
        return this;
    }

    /** Ticks or unticks a checkbox of a section, e.g. {@code ("audit", "skipDatabase")}. */
    public ConfigurationPage toggle(String section, String field) {
        browser.click(By.cssSelector("div[id='" + section + ":" + field + "'] .ui-chkbox-box"));
        return this;
    }

    /** Ticks or unticks one choice of a group of checkboxes (by its value, e.g. an event type). */
    public ConfigurationPage toggleChoice(String section, String field, String value) {
        browser.click(By.xpath("//*[@id='" + section + ":" + field + "']//input[@value='" + value
                + "']/ancestor::div[contains(@class,'ui-chkbox')][1]//div[contains(@class,'ui-chkbox-box')]"));
        return this;
    }

    /** Tests the LDAP values on the form. */
    public ConfigurationPage testLdap() {
        browser.click(By.id("auth:testLdap"));
        return this;
    }
}
