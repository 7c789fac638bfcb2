package io.berth.it.console;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The repositories tab of the project page, {@code ...&tab=repositories}, as a user works it. */
public final class ProjectRepositoriesPage {

    private static final String ROWS = "tbody[id='repoTab:table_data'] tr:not(.ui-datatable-empty-message)";
    private final Browser browser;

    private ProjectRepositoriesPage(Browser browser) {
        this.browser = browser;
    }

    public static ProjectRepositoriesPage open(Browser browser, String project) {
        browser.go(ProjectSummaryPage.tab(project, "repositories"));
        browser.find(By.id("repoTab:table"));
        return new ProjectRepositoriesPage(browser);
    }

    /** The full repository names on the current page of the table, in order. */
    public List<String> names() {
        return browser.findAll(By.cssSelector(ROWS + " a[id$=':open']")).stream().map(WebElement::getText).toList();
    }

    /** The link of a repository's name. */
    public String link(String name) {
        return row(name).findElement(By.cssSelector("a[id$=':open']")).getAttribute("href");
    }

    /** The text of a column ({@code artifacts}, {@code pulls}, {@code updated}) in a repository's row. */
    public String cell(String name, String column) {
        int index = 1 + browser.findAll(By.cssSelector("thead[id='repoTab:table_head'] th")).stream()
                .takeWhile(th -> !th.getAttribute("id").endsWith(":" + column)).toList().size();
        return row(name).findElement(By.cssSelector("td:nth-child(" + index + ")")).getText();
    }

    private WebElement row(String name) {
        return browser.find(By.xpath("//tbody[@id='repoTab:table_data']/tr[.//a[normalize-space(.)='" + name + "']]"));
    }

    /** The push commands shown, in order. */
    public List<String> pushCommands() {
        return browser.findAll(By.cssSelector("code.push-line")).stream().map(WebElement::getText).toList();
    }

    /** What the copy buttons copy, in order. */
    public List<String> copyTexts() {
        return browser.findAll(By.cssSelector(".push-steps [data-copy]")).stream().map(e -> e.getAttribute("data-copy")).toList();
    }

    /** Shows the commands of another client ({@code podman}, ...). */
    public ProjectRepositoriesPage chooseClient(String style) {
        new Select(browser.find(By.id("repoTab:pullStyle"))).selectByValue(style);
        browser.waitUntil(d -> pushCommands().stream().allMatch(c -> c.startsWith(style)) ? Boolean.TRUE : null);
        return this;
    }

    /** Types into the name filter and waits until every row matches. */
    public ProjectRepositoriesPage filterByName(String text) {
        browser.type(By.cssSelector("th[id$=':name'] input"), text);
        browser.waitUntil(d -> names().stream().allMatch(n -> n.contains(text)) ? Boolean.TRUE : null);
        browser.waitReady();
        return this;
    }

    public boolean offersDelete() {
        return !browser.findAll(By.id("repoTab:deleteSelected")).isEmpty();
    }

    public boolean offersSelection() {
        return !browser.findAll(By.cssSelector("tbody[id='repoTab:table_data'] .ui-chkbox-box")).isEmpty();
    }

    public ProjectRepositoriesPage select(String... names) {
        for (String name : names) {
            browser.click(By.xpath("//tbody[@id='repoTab:table_data']/tr[.//a[normalize-space(.)='" + name
                    + "']]//div[contains(@class,'ui-chkbox-box')]"));
        }
        return this;
    }

    /** Starts deleting the selection; the names the confirmation lists. */
    public List<String> askToDelete() {
        browser.click(By.id("repoTab:deleteSelected"));
        browser.find(By.id("repoDeleteNames"));
        return browser.findAll(By.cssSelector("ul[id='repoDeleteNames'] li")).stream().map(WebElement::getText).toList();
    }

    public ProjectRepositoriesPage confirmDelete() {
        browser.click(By.id("repoDelete:confirm"));
        return this;
    }
}
