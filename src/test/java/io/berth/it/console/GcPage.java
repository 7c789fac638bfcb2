package io.berth.it.console;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** Garbage collection, {@code /console/admin/gc}, as an administrator works it. */
final class GcPage extends JobPage {

    static final String PATH = "/console/admin/gc";

    private GcPage(Browser browser) {
        super(browser, "gc");
    }

    static GcPage open(Browser browser) {
        browser.go(PATH);
        browser.find(By.id("gc:history"));
        return new GcPage(browser);
    }

    long dryRun() {
        return start("dryRun", "Dry run");
    }

    /** GC NOW, confirmed in the dialog that lists what goes. */
    Confirmed gcNow() {
        return startConfirmed("gcNow", "gcNowForm", "gcNowGoes", "Garbage collection");
    }

    GcPage workers(int workers) {
        new Select(browser.find(By.id("gc:workers"))).selectByValue(Integer.toString(workers));
        return this;
    }

    GcPage deleteUntagged(boolean wanted) {
        boolean checked = browser.find(By.cssSelector("div[id='gc:deleteUntagged'] .ui-chkbox-box"))
                .getAttribute("class").contains("ui-state-active");
        if (checked != wanted) {
            browser.click(By.cssSelector("div[id='gc:deleteUntagged'] .ui-chkbox-box"));
        }
        return this;
    }
}
