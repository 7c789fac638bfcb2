package io.berth.it.console;

import org.openqa.selenium.By;

/** The configuration tab of the project page, {@code ...&tab=configuration}, as a user works it. */
public final class ProjectConfigurationPage {

    private final Browser browser;

    private ProjectConfigurationPage(Browser browser) {
        this.browser = browser;
    }

    public static ProjectConfigurationPage open(Browser browser, String project) {
        browser.go(ProjectSummaryPage.tab(project, "configuration"));
        browser.find(By.id("configTab"));
        return new ProjectConfigurationPage(browser);
    }

    /** Whether a setting's box is ticked: {@code public}, {@code cosign}, {@code notation}. */
    public boolean isChecked(String setting) {
        return browser.find(By.cssSelector("div[id='configTab:" + setting + "'] .ui-chkbox-box"))
                .getAttribute("class").contains("ui-state-active");
    }

    public ProjectConfigurationPage toggle(String setting) {
        browser.click(By.cssSelector("div[id='configTab:" + setting + "'] .ui-chkbox-box"));
        return this;
    }

    public ProjectConfigurationPage save() {
        browser.click(By.id("configTab:save"));
        return this;
    }

    public boolean offersSave() {
        return !browser.findAll(By.id("configTab:save")).isEmpty();
    }

    public String quotaText() {
        return browser.text(By.id("configTab:quotaText"));
    }
}
