package io.berth.it.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The repository page, {@code /console/repositories/repository?project=p&name=team/app}, as a user works it. Rows
 * are found by the artifact's id (the table's row key), which the tests read from the API.
 */
public final class RepositoryPage {

    static final String PATH = "/console/repositories/repository";
    private final Browser browser;

    public RepositoryPage(Browser browser) {
        this.browser = browser;
    }

    public static String path(String project, String name) {
        return PATH + "?project=" + URLEncoder.encode(project, StandardCharsets.UTF_8)
                + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    public static RepositoryPage open(Browser browser, String project, String name) {
        browser.go(path(project, name));
        browser.find(By.id("artifacts:table"));
        return new RepositoryPage(browser);
    }

    /** The artifact ids of the rows on the current page, in order. */
    public List<Long> rowIds() {
        return browser.findAll(By.cssSelector("tbody[id='artifacts:table_data'] > tr[data-rk]")).stream()
                .map(tr -> Long.parseLong(tr.getAttribute("data-rk"))).toList();
    }

    private static String row(long id) {
        return "tbody[id='artifacts:table_data'] > tr[data-rk='" + id + "']";
    }

    private List<String> texts(long id, String cell) {
        browser.find(By.cssSelector(row(id)));
        return browser.findAll(By.cssSelector(row(id) + " " + cell)).stream().map(WebElement::getText).toList();
    }

    public List<String> tags(long id) {
        return texts(id, "td.col-tags .tag-chip");
    }

    public List<String> platforms(long id) {
        return texts(id, "td.col-platform .platform");
    }

    public List<String> labels(long id) {
        return texts(id, "td.col-labels .label-chip");
    }

    public List<String> signatures(long id) {
        return texts(id, "td.col-signed .signature-kind");
    }

    public String size(long id) {
        return browser.text(By.cssSelector(row(id) + " td.col-size"));
    }

    /** The command the "by tag" copy button copies. */
    public String pullByTag(long id) {
        return browser.find(By.cssSelector(row(id) + " .pull-by-tag")).getAttribute("data-copy");
    }

    public String pullByDigest(long id) {
        return browser.find(By.cssSelector(row(id) + " .pull-by-digest")).getAttribute("data-copy");
    }

    /** Chooses the client the pull commands are written for, and waits for the table. */
    public RepositoryPage pullWith(String style) {
        new Select(browser.find(By.id("artifacts:pullStyle"))).selectByValue(style);
        browser.waitReady();
        return this;
    }

    /** Filters by Harbor's artifact type ({@code IMAGE}, {@code CHART}, {@code CNAB}; empty for all). */
    public RepositoryPage filterByType(String type) {
        new Select(browser.find(By.id("artifacts:type"))).selectByValue(type);
        browser.waitReady();
        return this;
    }

    /** Shows tagged or untagged artifacts only ({@code tagged}, {@code untagged}; empty for all). */
    public RepositoryPage filterByTags(String state) {
        new Select(browser.find(By.id("artifacts:tagState"))).selectByValue(state);
        browser.waitReady();
        return this;
    }

    /** Filters by a label, by its name as the filter lists it. */
    public RepositoryPage filterByLabel(String name) {
        new Select(browser.find(By.id("artifacts:label"))).selectByVisibleText(name);
        browser.waitReady();
        return this;
    }

    public RepositoryPage select(long id) {
        browser.click(By.cssSelector(row(id) + " td.ui-selection-column .ui-chkbox-box"));
        return this;
    }

    /** Expands the row and returns the platforms of the index children it lists. */
    public List<String> expand(long id) {
        browser.click(By.cssSelector(row(id) + " .ui-row-toggler"));
        browser.find(By.cssSelector("tr.ui-expanded-row-content .expansion"));
        return browser.findAll(By.cssSelector("tr.ui-expanded-row-content table.children tbody tr td:first-child"))
                .stream().map(WebElement::getText).toList();
    }

    /** Opens the artifact page of the expanded index's child that runs on {@code platform}. */
    public void openChild(String platform) {
        browser.click(By.xpath("//tr[contains(@class,'ui-expanded-row-content')]//table[contains(@class,'children')]"
                + "//tr[td[1][normalize-space(.)='" + platform + "']]//a"));
        browser.find(By.id("summary"));
    }

    public boolean hasButton(String id) {
        return !browser.findAll(By.id(id)).isEmpty();
    }

    /** Starts deleting the selected artifacts and returns what the confirmation names: digests, then tags. */
    public List<String> askToDelete() {
        browser.click(By.id("artifacts:delete"));
        browser.find(By.id("deleteArtifacts"));
        List<String> named = new java.util.ArrayList<>(browser.findAll(By.cssSelector("ul[id='deleteArtifacts'] li .mono"))
                .stream().map(WebElement::getText).toList());
        browser.findAll(By.cssSelector("ul[id='deleteTags'] li")).forEach(li -> named.add(li.getText()));
        return named;
    }

    public RepositoryPage confirmDelete() {
        browser.click(By.id("deleteForm:confirm"));
        return this;
    }

    /** Removes one tag of the selected artifact through its dialog; returns the tags the dialog offered. */
    public List<String> removeTag(String tag) {
        browser.click(By.id("artifacts:removeTag"));
        Select which = new Select(browser.find(By.id("removeTagForm:tagToRemove")));
        List<String> offered = which.getOptions().stream().map(WebElement::getText).toList();
        which.selectByValue(tag);
        browser.click(By.id("removeTagForm:confirm"));
        return offered;
    }

    /** Attaches a label (by its name) to the selected artifacts. */
    public RepositoryPage addLabel(String name) {
        browser.click(By.id("artifacts:addLabels"));
        browser.find(By.id("labelsForm:labels"));
        browser.click(By.xpath("//div[@id='labelsForm:labels']//label[normalize-space(.)=" + xpathLiteral(name)
                + "]/preceding-sibling::div[contains(@class,'ui-chkbox')]//div[contains(@class,'ui-chkbox-box')]"));
        browser.click(By.id("labelsForm:add"));
        return this;
    }

    /** Copies the selected artifact to {@code project/repository}, tagged {@code tag}. */
    public RepositoryPage copyTo(String project, String repository, String tag) {
        browser.click(By.id("artifacts:copy"));
        browser.type(By.id("copyForm:project"), project);
        browser.type(By.id("copyForm:repository"), repository);
        browser.type(By.id("copyForm:tag"), tag);
        browser.click(By.id("copyForm:copy"));
        return this;
    }

    public RepositoryPage editDescription(String markdown) {
        browser.click(By.id("info:edit"));
        browser.type(By.id("info:draft"), markdown);
        browser.click(By.id("info:save"));
        browser.find(By.id("info:description"));
        return this;
    }

    public WebElement description() {
        return browser.find(By.id("info:description"));
    }

    /** Hides or shows a column with the column chooser, by its header text, and closes the chooser. */
    public RepositoryPage toggleColumn(String header) {
        browser.click(By.id("artifacts:columns"));
        browser.click(By.xpath("//div[contains(@class,'ui-columntoggler') and contains(@style,'block')]"
                + "//li[.//label[normalize-space(.)='" + header + "']]//div[contains(@class,'ui-chkbox-box')]"));
        browser.click(By.id("artifacts:columns"));
        return this;
    }

    /** Whether the column (its id: size, tags, ...) shows in the table's header. */
    public boolean columnShown(String column) {
        return browser.findAll(By.cssSelector("thead[id='artifacts:table_head'] th.col-" + column)).stream()
                .anyMatch(WebElement::isDisplayed);
    }

    static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
