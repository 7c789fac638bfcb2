package io.berth.it.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.openqa.selenium.By;

/** The summary tab of the project page, {@code /console/projects/project?name=<p>&tab=summary}, as a user reads it. */
public final class ProjectSummaryPage {

    private final Browser browser;

    private ProjectSummaryPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the tab of {@code project} and waits for its repository count. */
    public static ProjectSummaryPage open(Browser browser, String project) {
        browser.go(ProjectSummaryPage.tab(project, "summary"));
        browser.find(By.id("summaryRepositories"));
        return new ProjectSummaryPage(browser);
    }

    /** The URL of a tab of the project page. */
    static String tab(String project, String tab) {
        return "/console/projects/project?name=" + URLEncoder.encode(project, StandardCharsets.UTF_8) + "&tab=" + tab;
    }

    public long repositories() {
        return Long.parseLong(browser.text(By.id("summaryRepositories")));
    }

    /** How many members hold the role {@code roleId}; -1 when the member counts are not shown. */
    public int membersWithRole(int roleId) {
        var found = browser.findAll(By.cssSelector("dl[id='summaryMembers'] dd[data-role='" + roleId + "']"));
        return found.isEmpty() ? -1 : Integer.parseInt(found.getFirst().getText().strip());
    }

    /** The quota's text, e.g. {@code 1.2 KiB of 10 GiB}. */
    public String quotaText() {
        return browser.text(By.id("quotaText"));
    }

    /** The bar's value, 0 to 100. */
    public int quotaPercent() {
        return Integer.parseInt(browser.find(By.id("quotaBar")).getDomProperty("value").replaceAll("\\..*", ""));
    }

    /** The access level in the page header. */
    public String access() {
        return browser.text(By.id("projectAccess"));
    }
}
