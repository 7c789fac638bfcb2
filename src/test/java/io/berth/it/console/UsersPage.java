package io.berth.it.console;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The users page, {@code /console/admin/users}, as an administrator works it. */
public final class UsersPage {

    static final String PATH = "/console/admin/users";
    private final Browser browser;

    public UsersPage(Browser browser) {
        this.browser = browser;
    }

    public static UsersPage open(Browser browser) {
        browser.go(PATH);
        browser.find(By.id("users:table"));
        return new UsersPage(browser);
    }

    /** The user names on the current page of the table, in order. */
    public List<String> names() {
        return browser.findAll(By.cssSelector("tbody[id='users:table_data'] tr:not(.ui-datatable-empty-message) td:nth-child(1)"))
                .stream().map(WebElement::getText).filter(t -> !t.isBlank()).toList();
    }

    /** Types into the name filter and waits until the table shows only matching rows. */
    public UsersPage filterByName(String text) {
        browser.type(By.cssSelector("th[id='users:table:name'] input"), text);
        browser.waitUntil(d -> !names().isEmpty() && names().stream().allMatch(n -> n.contains(text)) ? Boolean.TRUE : null);
        return this;
    }

    /** The Administrator column of a user's row (Yes or No, in the page's language). */
    public String administrator(String username) {
        return browser.text(cell(username, 2));
    }

    public UsersPage create(String username, String email, String password) {
        browser.click(By.id("users:newUser"));
        browser.type(By.id("newUser:username"), username);
        browser.type(By.id("newUser:email"), email);
        browser.type(By.id("newUser:realname"), "Console " + username);
        browser.type(By.id("newUser:password"), password);
        browser.type(By.id("newUser:confirm"), password);
        browser.click(By.id("newUser:create"));
        return this;
    }

    /** Grants or revokes the administrator role of a user (on the current page). */
    public UsersPage toggleAdministrator(String username) {
        browser.click(action(username, "toggleAdmin"));
        return this;
    }

    public UsersPage resetPassword(String username, String password) {
        browser.click(action(username, "resetPassword"));
        browser.waitUntil(d -> browser.text(By.id("resetFor")).contains(username) ? Boolean.TRUE : null);
        browser.type(By.id("resetPassword:password"), password);
        browser.type(By.id("resetPassword:confirm"), password);
        browser.click(By.id("resetPassword:save"));
        return this;
    }

    /** Starts deleting a user and returns the names the confirmation lists. */
    public List<String> askToDelete(String username) {
        browser.click(action(username, "delete"));
        browser.waitUntil(d -> d.findElements(By.cssSelector("ul[id='deleteNames'] li")).stream()
                .anyMatch(li -> li.getText().equals(username)) ? Boolean.TRUE : null);
        return browser.findAll(By.cssSelector("ul[id='deleteNames'] li")).stream().map(WebElement::getText).toList();
    }

    public UsersPage confirmDelete() {
        browser.click(By.id("confirmDelete:confirm"));
        return this;
    }

    private static By row(String username) {
        return By.xpath("//tbody[@id='users:table_data']/tr[td[1][normalize-space(.)='" + username + "']]");
    }

    private static By cell(String username, int column) {
        return By.xpath("//tbody[@id='users:table_data']/tr[td[1][normalize-space(.)='" + username + "']]/td[" + column + "]");
    }

    private static By action(String username, String id) {
        return By.xpath("//tbody[@id='users:table_data']/tr[td[1][normalize-space(.)='" + username
                + "']]//button[substring(@id, string-length(@id) - " + (id.length()) + ")=':" + id + "']");
    }

    public boolean shows(String username) {
        return !browser.findAll(row(username)).isEmpty();
    }
}
