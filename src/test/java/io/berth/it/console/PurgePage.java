package io.berth.it.console;

import org.openqa.selenium.By;

/** Log rotation, {@code /console/admin/purge}, as an administrator works it. */
final class PurgePage extends JobPage {

    static final String PATH = "/console/admin/purge";

    private PurgePage(Browser browser) {
        super(browser, "purge");
    }

    static PurgePage open(Browser browser) {
        browser.go(PATH);
        browser.find(By.id("purge:history"));
        return new PurgePage(browser);
    }

    long dryRun() {
        return start("dryRun", "Dry run");
    }

    /** PURGE NOW: returns what the confirmation lists as going (event types); the dialog stays open. */
    java.util.List<String> askToPurge() {
        browser.click(By.id("purge:purgeNow"));
        browser.find(By.id("purgeNowGoes"));
        return browser.findAll(By.cssSelector("ul[id='purgeNowGoes'] li")).stream()
                .map(org.openqa.selenium.WebElement::getText).toList();
    }

    String purgeQuestion() {
        return browser.text(By.cssSelector("form[id='purgeNowForm'] p"));
    }

    PurgePage cancelPurge() {
        browser.click(By.id("purgeNowForm:cancel"));
        return this;
    }

    /** Keeps entries for {@code hours} hours. */
    PurgePage retentionHours(int hours) {
        // The number field keeps its formatting while typing: select what is there and type over it.
        browser.find(By.id("purge:retention_input")).sendKeys(org.openqa.selenium.Keys.chord(
                org.openqa.selenium.Keys.CONTROL, "a"), Integer.toString(hours));
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("purge:retentionUnit"))).selectByValue("hours");
        return this;
    }
}
