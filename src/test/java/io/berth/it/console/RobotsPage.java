package io.berth.it.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.chromium.HasCdp;

/**
 * The robot accounts as a user works them, on either page that shows them (both draw the same list and dialogs):
 * a project's tab ({@code /console/projects/project?name=p&tab=robots}) and the administrators' page
 * ({@code /console/admin/robots}). The wizard, the secret dialog and the confirmations are driven from here.
 */
public final class RobotsPage {

    /** What the secret dialog showed. */
    public record Secret(String name, String secret) {
    }

    private final Browser browser;

    public RobotsPage(Browser browser) {
        this.browser = browser;
    }

    public static RobotsPage openProjectTab(Browser browser, String project) {
        browser.go("/console/projects/project?name=" + URLEncoder.encode(project, StandardCharsets.UTF_8) + "&tab=robots");
        browser.find(By.id("robots:table"));
        return new RobotsPage(browser);
    }

    public static RobotsPage openSystem(Browser browser) {
        browser.go("/console/admin/robots");
        browser.find(By.id("robots:table"));
        return new RobotsPage(browser);
    }

    /** The robot names on the current page of the table. */
    public List<String> names() {
        return browser.findAll(By.cssSelector("tbody[id='robots:table_data'] .robot-name")).stream()
                .map(WebElement::getText).toList();
    }

    /** Types into the name filter and waits for the table the server filtered. */
    public RobotsPage filter(String text) {
        WebElement before = browser.find(By.cssSelector("tbody[id='robots:table_data'] tr"));
        browser.type(By.cssSelector("th[id$=':name'] input"), text);
        browser.waitUntil(ExpectedConditions.stalenessOf(before));
        browser.waitReady();
        return this;
    }

    public boolean hasNewButton() {
        return !browser.findAll(By.id("robots:newRobot")).isEmpty();
    }

    /** How many row buttons (edit, enable/disable, refresh, delete) the table shows. */
    public int rowButtons() {
        return browser.findAll(By.cssSelector("tbody[id='robots:table_data'] button")).size();
    }

    /** The text of one cell of a robot's row; {@code column} is the column id (status, permissions, expires, ...). */
    public String cell(String robot, String column) {
        int index = 1 + browser.findAll(By.cssSelector("thead[id='robots:table_head'] th")).stream()
                .takeWhile(th -> !th.getAttribute("id").endsWith(":" + column)).toList().size();
        return row(robot).findElement(By.cssSelector("td:nth-child(" + index + ")")).getText();
    }

    private WebElement row(String robot) {
        return browser.find(By.xpath("//tbody[@id='robots:table_data']/tr[.//span[contains(@class,'robot-name')"
                + " and normalize-space(.)='" + robot + "']]"));
    }

    private By rowButton(String robot, String action) {
        return By.id(row(robot).findElement(By.cssSelector("button[id$=':" + action + "']")).getAttribute("id"));
    }

    // --- the wizard

    public RobotsPage startNew() {
        browser.click(By.id("robots:newRobot"));
        browser.find(By.id("robotWizardHeading"));
        return this;
    }

    public RobotsPage name(String name) {
        browser.type(By.id("robotWizard:name"), name);
        return this;
    }

    public RobotsPage description(String description) {
        browser.type(By.id("robotWizard:description"), description);
        return this;
    }

    public RobotsPage days(int days) {
        browser.type(By.id("robotWizard:days_input"), Integer.toString(days));
        return this;
    }

    public RobotsPage never() {
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("robotWizard:expiry"))).selectByValue("never");
        browser.waitReady();
        browser.waitUntil(d -> d.findElements(By.id("robotWizard:days_input")).isEmpty());
        return this;
    }

    /** The wizard's next step; returns when its step shows. */
    public RobotsPage next() {
        String before = currentStep();
        browser.click(By.id("robotWizard:next"));
        browser.waitUntil(d -> currentStep().equals(before) ? null : Boolean.TRUE);
        return this;
    }

    private String currentStep() {
        return browser.findAll(By.cssSelector("form[id='robotWizard'] .wizard-steps li.current")).stream()
                .map(WebElement::getText).findFirst().orElse("");
    }

    /** Ticks {@code resource:action} in the grid of the current step. */
    public RobotsPage tick(String permission) {
        WebElement box = browser.find(By.cssSelector("form[id='robotWizard'] input[data-permission='" + permission + "']"));
        if (!box.isSelected()) {
            box.click();
        }
        return this;
    }

    public boolean ticked(String permission) {
        return browser.find(By.cssSelector("form[id='robotWizard'] input[data-permission='" + permission + "']")).isSelected();
    }

    /** Picks a project in the system wizard's project chooser. */
    public RobotsPage chooseProject(String project) {
        browser.type(By.id("robotWizard:projectToAdd_input"), project);
        browser.click(By.cssSelector("li.ui-autocomplete-item[data-item-label='" + project + "']"));
        browser.waitUntil(d -> d.findElements(By.cssSelector("ul[id='robotChosenProjects'] .chosen-name"))
                .stream().anyMatch(t -> t.getText().equals(project)) ? Boolean.TRUE : null);
        return this;
    }

    /** Creates the robot; returns what the secret dialog shows. */
    public Secret finish() {
        browser.click(By.id("robotWizard:finish"));
        return shownSecret();
    }

    /** Saves a changed robot; waits until the wizard has closed. */
    public RobotsPage save() {
        browser.click(By.id("robotWizard:finish"));
        browser.waitUntil(d -> d.findElements(By.id("robotWizardHeading")).isEmpty() ? Boolean.TRUE : null);
        return this;
    }

    public RobotsPage edit(String robot) {
        browser.click(rowButton(robot, "edit"));
        browser.find(By.id("robotWizardHeading"));
        return this;
    }

    // --- the secret

    private Secret shownSecret() {
        String secret = browser.waitUntil(d -> {
            List<WebElement> value = d.findElements(By.id("robotSecret:value"));
            return value.isEmpty() || !value.getFirst().isDisplayed() ? null : value.getFirst().getText();
        });
        return new Secret(browser.text(By.id("robotSecret:name")), secret);
    }

    /** Exports the secret to a file in {@code directory} and returns the file. */
    public Path downloadSecret(Path directory) {
        ((HasCdp) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", directory.toString()));
        browser.click(By.id("robotSecret:download"));
        return browser.waitUntil(d -> {
            try (Stream<Path> files = Files.list(directory)) {
                return files.filter(f -> f.toString().endsWith(".json")).findFirst().orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public RobotsPage closeSecret() {
        browser.click(By.id("robotSecret:close"));
        browser.waitUntil(d -> d.findElements(By.id("robotSecret:value")).isEmpty());
        return this;
    }

    /** Closes the secret dialog with its corner button, as a user might. */
    public RobotsPage closeSecretWithX() {
        browser.click(By.cssSelector("[id='robotSecretDialog'] .ui-dialog-titlebar-close"));
        browser.waitUntil(d -> d.findElements(By.id("robotSecret:value")).isEmpty());
        return this;
    }

    // --- row actions

    public RobotsPage toggle(String robot) {
        browser.click(rowButton(robot, "toggle"));
        return this;
    }

    /** Refreshes the secret: a generated one when {@code typed} is null. */
    public Secret refresh(String robot, String typed) {
        browser.click(rowButton(robot, "refresh"));
        browser.find(By.id("robotRefreshNames"));
        if (typed != null) {
            browser.click(By.cssSelector("input[id^='robotRefresh:mode'][value='typed']"));
            browser.type(By.id("robotRefresh:typed"), typed);
        }
        browser.click(By.id("robotRefresh:confirm"));
        return shownSecret();
    }

    /** Opens the delete confirmation and returns the names it lists. */
    public List<String> askDelete(String robot) {
        browser.click(rowButton(robot, "delete"));
        browser.find(By.id("robotDeleteNames"));
        return browser.findAll(By.cssSelector("ul[id='robotDeleteNames'] li")).stream().map(WebElement::getText).toList();
    }

    public RobotsPage confirmDelete() {
        browser.click(By.id("robotDelete:confirm"));
        return this;
    }

    /** The page's HTML as the browser holds it now (dialogs included). */
    public String html() {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.outerHTML;");
    }
}
