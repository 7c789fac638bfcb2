package io.berth.it.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The artifact page, {@code /console/artifacts/artifact?project=p&repository=team/app&reference=v1}, as a user works it. */
public final class ArtifactPage {

    static final String PATH = "/console/artifacts/artifact";
    private final Browser browser;

    public ArtifactPage(Browser browser) {
        this.browser = browser;
    }

    public static ArtifactPage open(Browser browser, String project, String repository, String reference) {
        browser.go(PATH + "?project=" + URLEncoder.encode(project, StandardCharsets.UTF_8)
                + "&repository=" + URLEncoder.encode(repository, StandardCharsets.UTF_8)
                + "&reference=" + URLEncoder.encode(reference, StandardCharsets.UTF_8));
        browser.find(By.id("summary"));
        return new ArtifactPage(browser);
    }

    public String digest() {
        return browser.text(By.id("digest"));
    }

    public String platform() {
        return browser.text(By.id("platform"));
    }

    /** One row per layer: media type, short digest, size as shown. */
    public List<List<String>> layers() {
        return browser.findAll(By.cssSelector("table#layers tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().skip(1).map(WebElement::getText).toList())
                .toList();
    }

    public String layersTotal() {
        return browser.text(By.id("layersTotal"));
    }

    /** The build history's commands, oldest first. */
    public List<String> history() {
        return browser.findAll(By.cssSelector("table#history tbody td.history-command")).stream()
                .map(WebElement::getText).toList();
    }

    /** The platforms of an index's children. */
    public List<String> children() {
        return browser.findAll(By.cssSelector("table#children tbody td.child-platform")).stream()
                .map(WebElement::getText).toList();
    }

    public List<String> tags() {
        return browser.findAll(By.cssSelector("tbody[id='tags:table_data'] tr .tag-chip")).stream()
                .map(WebElement::getText).toList();
    }

    public boolean hasButton(String idSuffix) {
        return !browser.findAll(By.cssSelector("[id$='" + idSuffix + "']")).isEmpty();
    }

    public ArtifactPage addTag(String tag) {
        browser.click(By.id("tags:addTag"));
        browser.type(By.id("addTagForm:tag"), tag);
        browser.click(By.id("addTagForm:add"));
        return this;
    }

    /** Starts removing a tag with its row's button; returns what the confirmation names. */
    public List<String> askToRemove(String tag) {
        browser.click(By.xpath("//tbody[@id='tags:table_data']/tr[.//span[normalize-space(.)='" + tag
                + "']]//button[contains(@id,'removeTag')]"));
        browser.waitUntil(d -> browser.findAll(By.cssSelector("ul[id='removeTagName'] li")).stream()
                .anyMatch(li -> !li.getText().isBlank()) ? Boolean.TRUE : null);
        return browser.findAll(By.cssSelector("ul[id='removeTagName'] li")).stream().map(WebElement::getText).toList();
    }

    /** Ticks the rows of these tags in the tags grid. */
    public ArtifactPage select(String... tags) {
        for (String tag : tags) {
            browser.click(By.xpath("//tbody[@id='tags:table_data']/tr[.//span[normalize-space(.)='" + tag
                    + "']]//div[contains(@class,'ui-chkbox-box')]"));
        }
        return this;
    }

    /** Asks to remove the selected tags; the names the confirmation lists. */
    public List<String> askToRemoveSelected() {
        browser.click(By.id("tags:removeSelected"));
        browser.waitUntil(d -> browser.findAll(By.cssSelector("ul[id='removeTagName'] li")).size() > 1 ? Boolean.TRUE : null);
        return browser.findAll(By.cssSelector("ul[id='removeTagName'] li")).stream().map(WebElement::getText).toList();
    }

    public ArtifactPage confirmRemove() {
        browser.click(By.id("removeTagForm:confirm"));
        return this;
    }
}
