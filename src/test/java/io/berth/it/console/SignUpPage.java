package io.berth.it.console;

import org.openqa.selenium.By;

/** Signing up, {@code /console/account/sign-up}, as a visitor works it. */
final class SignUpPage {

    static final String PATH = "/console/account/sign-up";
    private final Browser browser;

    private SignUpPage(Browser browser) {
        this.browser = browser;
    }

    static SignUpPage open(Browser browser) {
        browser.go(PATH);
        browser.find(By.tagName("h1"));
        return new SignUpPage(browser);
    }

    boolean isOpen() {
        return !browser.findAll(By.id("signUpForm:username")).isEmpty();
    }

    boolean saysClosed() {
        return !browser.findAll(By.id("closed")).isEmpty();
    }

    /** Fills the form and submits it. */
    SignUpPage signUp(String username, String email, String realname, String password) {
        browser.type(By.id("signUpForm:username"), username);
        browser.type(By.id("signUpForm:email"), email);
        browser.type(By.id("signUpForm:realname"), realname);
        browser.type(By.id("signUpForm:password"), password);
        browser.type(By.id("signUpForm:confirmation"), password);
        browser.click(By.id("signUpForm:signUp"));
        return this;
    }
}
