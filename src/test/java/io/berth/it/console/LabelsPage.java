package io.berth.it.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Labels as a user works them, on either page that shows them (both draw the same table and dialogs): a project's
 * tab ({@code /console/projects/project?name=p&tab=labels}) and the global labels page ({@code /console/admin/labels}).
 */
public final class LabelsPage {

    private final Browser browser;

    public LabelsPage(Browser browser) {
        this.browser = browser;
    }

    public static LabelsPage openProjectTab(Browser browser, String project) {
        browser.go("/console/projects/project?name=" + URLEncoder.encode(project, StandardCharsets.UTF_8) + "&tab=labels");
        browser.find(By.id("labels:table"));
        return new LabelsPage(browser);
    }

    public static LabelsPage openGlobal(Browser browser) {
        browser.go("/console/admin/labels");
        browser.find(By.id("labels:table"));
        return new LabelsPage(browser);
    }

    /** The label names on the current page of the table, in order. */
    public List<String> names() {
        return browser.findAll(By.cssSelector("tbody[id='labels:table_data'] .label-chip")).stream()
                .map(WebElement::getText).toList();
    }

    public boolean hasNewButton() {
        return !browser.findAll(By.id("labels:newLabel")).isEmpty();
    }

    public int rowButtons() {
        return browser.findAll(By.cssSelector("tbody[id='labels:table_data'] button")).size();
    }

    /** Types into the name filter and waits for the table the server filtered. */
    public LabelsPage filter(String text) {
        WebElement before = browser.find(By.cssSelector("tbody[id='labels:table_data'] tr"));
        browser.type(By.cssSelector("th[id$=':name'] input"), text);
        browser.waitUntil(ExpectedConditions.stalenessOf(before));
        browser.waitReady();
        return this;
    }

    /** Clicks a sortable column's header ({@code name} or {@code created}) and waits for the table. */
    public LabelsPage sortBy(String column) {
        browser.click(By.cssSelector("th[id$=':" + column + "'] .ui-column-title"));
        browser.waitReady();
        return this;
    }

    /** The style attribute of a label's chip (its colours). */
    public String chipStyle(String label) {
        return chip(label).getAttribute("style");
    }

    public String description(String label) {
        return row(label).findElement(By.cssSelector("td:nth-child(2)")).getText();
    }

    private WebElement chip(String label) {
        return browser.findAll(By.cssSelector("tbody[id='labels:table_data'] .label-chip")).stream()
                .filter(c -> c.getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no label " + label + " in " + names()));
    }

    private WebElement row(String label) {
        return chip(label).findElement(By.xpath("./ancestor::tr[1]"));
    }

    private By rowButton(String label, String action) {
        return By.id(row(label).findElement(By.cssSelector("button[id$=':" + action + "']")).getAttribute("id"));
    }

    /** Creates a label through the dialog; {@code color} as #rrggbb. Waits for the growl. */
    public LabelsPage create(String name, String color, String description) {
        browser.click(By.id("labels:newLabel"));
        fill(name, color, description);
        browser.click(By.id("labelEdit:save"));
        browser.growl(name);
        browser.waitUntil(d -> names().contains(name) ? Boolean.TRUE : null);
        return this;
    }

    /** Changes a label's description through the dialog. */
    public LabelsPage editDescription(String label, String description) {
        browser.click(rowButton(label, "edit"));
        browser.waitUntil(d -> label.equals(d.findElement(By.id("labelEdit:name")).getAttribute("value")) ? Boolean.TRUE : null);
        browser.type(By.id("labelEdit:description"), description);
        browser.click(By.id("labelEdit:save"));
        browser.waitUntil(d -> d.findElement(By.id("labelEditDialog")).isDisplayed() ? null : Boolean.TRUE);
        return this;
    }

    private void fill(String name, String color, String description) {
        browser.type(By.id("labelEdit:name"), name);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];",
                browser.find(By.id("labelEdit:color")), color);
        browser.type(By.id("labelEdit:description"), description);
    }

    /** Opens the delete confirmation and returns the names it lists. */
    public List<String> askDelete(String label) {
        browser.click(rowButton(label, "delete"));
        browser.find(By.id("labelDeleteNames"));
        return browser.findAll(By.cssSelector("ul[id='labelDeleteNames'] li")).stream().map(WebElement::getText).toList();
    }

    public LabelsPage confirmDelete(String label) {
        browser.click(By.id("labelDelete:confirm"));
        browser.growl(label);
        return this;
    }
}
