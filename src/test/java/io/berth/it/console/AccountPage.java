package io.berth.it.console;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * One's own account pages as a user works them: the profile ({@code /console/account/profile}), the password
 * ({@code /console/account/password}) and the preferences ({@code /console/account/preferences}).
 */
final class AccountPage {

    static final String PROFILE = "/console/account/profile";
    static final String PASSWORD = "/console/account/password";
    static final String PREFERENCES = "/console/account/preferences";
    private final Browser browser;

    private AccountPage(Browser browser) {
        this.browser = browser;
    }

    static AccountPage profile(Browser browser) {
        browser.go(PROFILE);
        browser.find(By.id("profileForm:email"));
        return new AccountPage(browser);
    }

    static AccountPage password(Browser browser) {
        browser.go(PASSWORD);
        browser.find(By.id("passwordForm:current"));
        return new AccountPage(browser);
    }

    static AccountPage preferences(Browser browser) {
        browser.go(PREFERENCES);
        browser.find(By.id("preferencesForm:dateFormat"));
        return new AccountPage(browser);
    }

    /** Saves the profile with these values; returns the growl. */
    String saveProfile(String email, String realname, String comment) {
        browser.type(By.id("profileForm:email"), email);
        browser.type(By.id("profileForm:realname"), realname);
        browser.type(By.id("profileForm:comment"), comment);
        browser.click(By.id("profileForm:save"));
        return browser.growl("Profile saved");
    }

    /** Fills the three password fields and submits. */
    AccountPage changePassword(String current, String replacement, String confirmation) {
        browser.type(By.id("passwordForm:current"), current);
        browser.type(By.id("passwordForm:replacement"), replacement);
        browser.type(By.id("passwordForm:confirmation"), confirmation);
        browser.click(By.id("passwordForm:change"));
        return this;
    }

    AccountPage dateFormat(String format) {
        new Select(browser.find(By.id("preferencesForm:dateFormat"))).selectByValue(format);
        return this;
    }

    AccountPage savePreferences() {
        browser.click(By.id("preferencesForm:save"));
        browser.find(By.id("preferencesForm:dateFormat"));
        return this;
    }

    String dateExample() {
        return browser.text(By.id("dateExample"));
    }
}
