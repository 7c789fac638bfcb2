package io.berth.it.console;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The groups page, {@code /console/admin/groups}, as an administrator works it. */
public final class GroupsPage {

    static final String PATH = "/console/admin/groups";
    private final Browser browser;

    public GroupsPage(Browser browser) {
        this.browser = browser;
    }

    public static GroupsPage open(Browser browser) {
        browser.go(PATH);
        browser.find(By.id("groups:table"));
        return new GroupsPage(browser);
    }

    /** The group names on the current page of the table, in order. */
    public List<String> names() {
        return column(1);
    }

    /** The texts of one column (1 = name, 2 = type, 3 = DN) on the current page. */
    public List<String> column(int column) {
        return browser.findAll(By.cssSelector("tbody[id='groups:table_data'] tr:not(.ui-datatable-empty-message) td:nth-child("
                        + column + ")"))
                .stream().map(WebElement::getText).toList();
    }

    /** Types into the name filter and waits until the table shows only matching rows (or none). */
    public GroupsPage filterByName(String text) {
        browser.type(By.id("groups:nameFilter"), text);
        browser.waitUntil(d -> names().stream().allMatch(n -> n.toLowerCase().contains(text.toLowerCase())) ? Boolean.TRUE : null);
        browser.waitReady();
        return this;
    }

    /** Opens the new-group dialog with a type ({@code 1} LDAP, {@code 2} HTTP, {@code 3} OIDC). */
    public GroupsPage startNew(int type) {
        browser.click(By.id("groups:newGroup"));
        new Select(browser.find(By.id("newGroup:type"))).selectByValue(Integer.toString(type));
        browser.waitReady();
        return this;
    }

    /** Searches the directory in the new-group dialog and returns the DNs found. */
    public List<String> searchDirectory(String text) {
        browser.type(By.id("newGroup:searchText"), text);
        browser.click(By.id("newGroup:search"));
        return browser.findAll(By.cssSelector("tbody[id='newGroup:found_data'] tr:not(.ui-datatable-empty-message) td:nth-child(2)"))
                .stream().map(WebElement::getText).toList();
    }

    /** Takes the first directory search result into the form. */
    public GroupsPage useFirstFound() {
        browser.click(By.cssSelector("tbody[id='newGroup:found_data'] button[id$=':use']"));
        return this;
    }

    public String typedDn() {
        return browser.find(By.id("newGroup:dn")).getAttribute("value");
    }

    public GroupsPage name(String name) {
        browser.type(By.id("newGroup:name"), name);
        return this;
    }

    public GroupsPage dn(String dn) {
        browser.type(By.id("newGroup:dn"), dn);
        return this;
    }

    public GroupsPage create() {
        browser.click(By.id("newGroup:create"));
        return this;
    }

    public GroupsPage rename(String name, String newName) {
        browser.click(action(name, "edit"));
        browser.waitUntil(d -> name.equals(d.findElement(By.id("editGroup:name")).getAttribute("value")) ? Boolean.TRUE : null);
        browser.type(By.id("editGroup:name"), newName);
        browser.click(By.id("editGroup:save"));
        return this;
    }

    /** Starts deleting a group and returns the names the confirmation lists. */
    public List<String> askToDelete(String name) {
        browser.click(action(name, "delete"));
        browser.waitUntil(d -> d.findElements(By.cssSelector("ul[id='deleteNames'] li")).stream()
                .anyMatch(li -> li.getText().equals(name)) ? Boolean.TRUE : null);
        return browser.findAll(By.cssSelector("ul[id='deleteNames'] li")).stream().map(WebElement::getText).toList();
    }

    public GroupsPage confirmDelete() {
        browser.click(By.id("confirmDelete:confirm"));
        return this;
    }

    private static By action(String name, String id) {
        return By.xpath("//tbody[@id='groups:table_data']/tr[td[1][normalize-space(.)=" + literal(name)
                + "]]//button[substring(@id, string-length(@id) - " + id.length() + ")=':" + id + "']");
    }

    /** An XPath string literal for any text (names may hold quotes). */
    static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
