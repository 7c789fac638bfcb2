package io.berth.it.console;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * What the garbage-collection and log-rotation pages have in common, as a user works them: the schedule editor,
 * the buttons that start a run (the growl names the run), and the history that refreshes by itself while a run
 * is in progress.
 */
abstract class JobPage {

    private static final Pattern RUN_ID = Pattern.compile("(\\d+)");
    final Browser browser;
    private final String form;

    JobPage(Browser browser, String form) {
        this.browser = browser;
        this.form = form;
    }

    /** Starts a run with the button {@code id} and returns the run's id, read from the growl that names it. */
    long start(String id, String growlText) {
        browser.click(By.id(form + ":" + id));
        return started(growlText);
    }

    /**
     * Starts a run with the button {@code id}, which asks first in the dialog {@code confirmForm}; returns what the
     * dialog lists as going, and the run's id.
     */
    Confirmed startConfirmed(String id, String confirmForm, String listId, String growlText) {
        browser.click(By.id(form + ":" + id));
        browser.find(By.id(listId));
        java.util.List<String> goes = browser.findAll(By.cssSelector("ul[id='" + listId + "'] li")).stream()
                .map(org.openqa.selenium.WebElement::getText).toList();
        browser.click(By.id(confirmForm + ":confirm"));
        return new Confirmed(goes, started(growlText));
    }

    /** What a confirmation listed, and the run it started. */
    record Confirmed(java.util.List<String> listed, long id) {
    }

    private long started(String growlText) {
        Matcher number = RUN_ID.matcher(browser.growl(growlText).lines()
                .filter(line -> line.contains(growlText)).findFirst().orElseThrow());
        if (!number.find()) {
            throw new AssertionError("no run id in the growl");
        }
        return Long.parseLong(number.group(1));
    }

    private By row(long id) {
        return By.xpath("//tbody[@id='" + form + ":history_data']/tr[td[1][normalize-space(.)='" + id + "']]");
    }

    /** The status the history shows for run {@code id}; empty while it is not listed. */
    String status(long id) {
        return browser.findAll(row(id)).stream().findFirst()
                .map(tr -> tr.findElement(By.cssSelector("td:nth-child(4)")).getText()).orElse("");
    }

    /** The details column of run {@code id}. */
    String details(long id) {
        return browser.find(row(id)).findElement(By.cssSelector("td:nth-child(5)")).getText();
    }

    /** Waits, without reloading the page, until the history shows run {@code id} with {@code status}. */
    JobPage awaitStatus(long id, String status) {
        browser.waitUntil(d -> status.equals(status(id)) ? Boolean.TRUE : null);
        return this;
    }

    /** Whether the history's poll is running (it stops once nothing runs). */
    boolean refreshing() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver())
                .executeScript("return !!(window.PF && PF('historyPoll') && PF('historyPoll').active);"));
    }

    /** Opens run {@code id}'s log and returns its text (the dialog stays open until {@link #closeLog}). */
    String log(long id) {
        browser.find(row(id)).findElement(By.cssSelector("button[id$=':log']")).click();
        browser.waitReady();
        return browser.waitUntil(d -> {
            String text = browser.text(By.id("logText"));
            return text.isBlank() ? null : text;
        });
    }

    void closeLog() {
        browser.click(By.id("logForm:close"));
    }

    JobPage schedule(String type) {
        new Select(browser.find(By.id(form + ":scheduleType"))).selectByValue(type);
        browser.waitReady();
        return this;
    }

    JobPage saveSchedule() {
        browser.click(By.id(form + ":saveSchedule"));
        browser.growl("Schedule saved");
        return this;
    }

    String nextRun() {
        return browser.text(By.id(form + ":nextRun"));
    }
}
