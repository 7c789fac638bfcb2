package io.berth.it.console;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The members tab of the project page, {@code ...&tab=members}, as a user works it. */
public final class ProjectMembersPage {

    private static final String ROWS = "//tbody[@id='memberTab:table_data']/tr";
    private final Browser browser;

    private ProjectMembersPage(Browser browser) {
        this.browser = browser;
    }

    public static ProjectMembersPage open(Browser browser, String project) {
        browser.go(ProjectSummaryPage.tab(project, "members"));
        browser.find(By.id("memberTab:table"));
        return new ProjectMembersPage(browser);
    }

    /** The tab the browser shows now. */
    public static ProjectMembersPage current(Browser browser) {
        browser.find(By.id("memberTab:table"));
        return new ProjectMembersPage(browser);
    }

    /** The member names on the current page, in order. */
    public List<String> names() {
        return browser.findAll(By.cssSelector("tbody[id='memberTab:table_data'] tr:not(.ui-datatable-empty-message) td:nth-child("
                + column("name") + ")")).stream().map(WebElement::getText).toList();
    }

    private int column(String id) {
        return 1 + browser.findAll(By.cssSelector("thead[id='memberTab:table_head'] th")).stream()
                .takeWhile(th -> !th.getAttribute("id").endsWith(":" + id)).toList().size();
    }

    /** The text of a column ({@code name}, {@code type}, {@code role}) in a member's row. */
    public String cell(String name, String column) {
        return row(name).findElement(By.cssSelector("td:nth-child(" + column(column) + ")")).getText();
    }

    /** A member's row, found by the exact name shown. */
    public WebElement row(String name) {
        return browser.waitUntil(d -> d.findElements(By.xpath(ROWS)).stream()
                .filter(tr -> tr.findElements(By.cssSelector("td")).stream().anyMatch(td -> td.getText().strip().equals(name)))
                .findFirst().orElse(null));
    }

    public boolean has(String name) {
        return browser.findAll(By.xpath(ROWS)).stream()
                .anyMatch(tr -> tr.findElements(By.cssSelector("td")).stream().anyMatch(td -> td.getText().strip().equals(name)));
    }

    public boolean offersChanges() {
        return !browser.findAll(By.id("memberTab:addUser")).isEmpty() || !browser.findAll(By.id("memberTab:addGroup")).isEmpty()
                || !browser.findAll(By.id("memberTab:remove")).isEmpty() || !browser.findAll(By.id("memberTab:setRole")).isEmpty()
                || !browser.findAll(By.cssSelector("tbody[id='memberTab:table_data'] .ui-chkbox-box")).isEmpty();
    }

    /** Adds a user: types {@code typed}, picks {@code username} from the suggestions, chooses the role, adds. */
    public ProjectMembersPage addUser(String typed, String username, int roleId) {
        browser.click(By.id("memberTab:addUser"));
        browser.type(By.id("memberAddUser:user_input"), typed);
        browser.click(By.cssSelector("[id='memberAddUser:user_panel'] li[data-item-value='" + username + "']"));
        new Select(browser.find(By.id("memberAddUser:role"))).selectByValue(Integer.toString(roleId));
        browser.click(By.id("memberAddUser:add"));
        browser.growl(username);
        browser.waitUntil(d -> has(username) ? Boolean.TRUE : null);
        return this;
    }

    /** Adds a group by its LDAP DN with the role; {@code shownAs} is the name the table will show. */
    public ProjectMembersPage addGroupByDn(String dn, int roleId, String shownAs) {
        browser.click(By.id("memberTab:addGroup"));
        browser.type(By.id("memberAddGroup:dn"), dn);
        new Select(browser.find(By.id("memberAddGroup:role"))).selectByValue(Integer.toString(roleId));
        browser.click(By.id("memberAddGroup:add"));
        browser.growl(dn);
        browser.waitUntil(d -> has(shownAs) ? Boolean.TRUE : null);
        return this;
    }

    public ProjectMembersPage select(String... names) {
        for (String name : names) {
            browser.waitUntil(d -> {
                row(name).findElement(By.cssSelector("div.ui-chkbox-box")).click();
                return Boolean.TRUE;
            });
            browser.waitReady();
        }
        return this;
    }

    /** Gives the selected members a role. */
    public ProjectMembersPage setRole(int roleId) {
        new Select(browser.find(By.id("memberTab:roleForSelected"))).selectByValue(Integer.toString(roleId));
        browser.click(By.id("memberTab:setRole"));
        return this;
    }

    /** Starts removing the selection; the names the confirmation lists. */
    public List<String> askToRemove() {
        browser.click(By.id("memberTab:remove"));
        browser.find(By.id("memberRemoveNames"));
        return browser.findAll(By.cssSelector("ul[id='memberRemoveNames'] li")).stream().map(WebElement::getText).toList();
    }

    public ProjectMembersPage confirmRemove() {
        browser.click(By.id("memberRemove:confirm"));
        return this;
    }
}
