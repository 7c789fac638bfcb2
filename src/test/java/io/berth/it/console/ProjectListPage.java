package io.berth.it.console;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The projects page, {@code /console/projects/list}, as a user works it. */
public final class ProjectListPage {

    static final String PATH = "/console/projects/list";
    private final Browser browser;

    public ProjectListPage(Browser browser) {
        this.browser = browser;
    }

    public Browser browser() {
        return browser;
    }

    public static ProjectListPage open(Browser browser) {
        browser.go(PATH);
        browser.find(By.id("projects:table"));
        return new ProjectListPage(browser);
    }

    /** The project names on the current page of the table, in order. */
    public List<String> names() {
        return browser.findAll(By.cssSelector("tbody[id='projects:table_data'] tr:not(.ui-datatable-empty-message) td:nth-child("
                        + nameColumn() + ")"))
                .stream().map(WebElement::getText).filter(t -> !t.isBlank()).toList();
    }

    private int nameColumn() {
        return browser.findAll(By.cssSelector("th[id$=':name']")).isEmpty() ? 1
                : 1 + browser.findAll(By.cssSelector("thead[id='projects:table_head'] th")).stream()
                .takeWhile(th -> !th.getAttribute("id").endsWith(":name")).toList().size();
    }

    /** Types into the name filter and waits for the table to show only matching rows. */
    public ProjectListPage filterByName(String text) {
        browser.type(By.cssSelector("th[id$=':name'] input"), text);
        browser.waitUntil(d -> names().stream().allMatch(n -> n.contains(text)) ? Boolean.TRUE : null);
        return this;
    }

    /** Shows all, only private or only public projects ({@code all}, {@code private}, {@code public}). */
    public ProjectListPage showOnly(String access) {
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("projects:access"))).selectByValue(access);
        browser.waitReady();
        return this;
    }

    public String statistic(String id) {
        return browser.text(By.id(id));
    }

    public ProjectListPage create(String name, boolean isPublic) {
        browser.click(By.id("projects:newProject"));
        browser.type(By.id("newProject:name"), name);
        if (isPublic) {
            browser.click(By.cssSelector("div[id='newProject:public'] .ui-chkbox-box"));
        }
        browser.click(By.id("newProject:create"));
        browser.growl(name);
        return this;
    }

    /** Selects the rows of these projects (they must be on the page). */
    public ProjectListPage select(String... names) {
        for (String name : names) {
            browser.click(By.xpath("//tbody[@id='projects:table_data']/tr[td[normalize-space(.)='" + name
                    + "']]//div[contains(@class,'ui-chkbox-box')]"));
        }
        return this;
    }

    /** Starts the bulk delete and returns the names the confirmation lists. */
    public List<String> askToDelete() {
        browser.click(By.id("projects:deleteSelected"));
        browser.find(By.id("deleteNames"));
        return browser.findAll(By.cssSelector("ul[id='deleteNames'] li")).stream().map(WebElement::getText).toList();
    }

    public ProjectListPage confirmDelete() {
        browser.click(By.id("confirmDelete:confirm"));
        return this;
    }
}
