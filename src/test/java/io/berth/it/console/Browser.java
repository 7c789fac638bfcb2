package io.berth.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.berth.it.BerthServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; Selenium cannot download drivers here)
 * against the shared Berth of the integration tests, with what every console test needs: explicit waits (polling
 * every 20 ms, never a sleep), waiting for PrimeFaces' ajax queue, screenshots under {@code target/screenshots/},
 * and an axe-core accessibility check that fails on serious and critical violations.
 * <pre>
 * try (Browser browser = Browser.open()) {
 *     browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
 *     browser.go("/console/projects/list");
 *     browser.screenshot("projects-list");
 *     browser.assertAccessible();
 * }
 * </pre>
 */
public final class Browser implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Path SCREENSHOTS = Path.of(System.getProperty("it.work.dir", "target/it-server")).toAbsolutePath()
            .getParent().resolve("screenshots");

    private final BerthServer server;
    private final WebDriver driver;
    private final Path profile;

    private Browser(BerthServer server, WebDriver driver, Path profile) {
        this.server = server;
        this.driver = driver;
        this.profile = profile;
    }

    /** A fresh browser (its own profile: no cookies) on the shared server. */
    public static Browser open() {
        return open(BerthServer.shared());
    }

    public static Browser open(BerthServer server) {
        try {
            Path profile = Files.createTempDirectory("berth-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("chrome.binary", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-default-apps", "--window-size=1366,900", "--lang=en-US",
                    "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "en-US,en"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(System.getProperty("chrome.driver", "/usr/bin/chromedriver")).toFile())
                    .usingAnyFreePort()
                    .build();
            return new Browser(server, new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public BerthServer server() {
        return server;
    }

    /** Opens a path of the server (e.g. {@code /console/projects/list}) and waits until the page has loaded. */
    public Browser go(String path) {
        driver.get(server.base().resolve(path).toString());
        waitReady();
        return this;
    }

    /** The path and query of the page shown now. */
    public String path() {
        java.net.URI uri = java.net.URI.create(driver.getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Signs in through the console's sign-in page and waits for the page it leads to. */
    public Browser signIn(String username, String password) {
        go("/console/account/sign-in");
        type(By.id("signInForm:principal"), username);
        type(By.id("signInForm:password"), password);
        click(By.id("signInForm:signIn"));
        waitUntil(d -> !path().startsWith("/console/account/sign-in") || !d.findElements(By.cssSelector(".ui-growl-item")).isEmpty());
        waitReady();
        return this;
    }

    public WebElement find(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public String text(By by) {
        return find(by).getText();
    }

    public Browser type(By by, String text) {
        WebElement input = find(by);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    /** Clicks once the element can be clicked, then waits for the ajax request or page load it started. */
    public Browser click(By by) {
        waitUntil(ExpectedConditions.elementToBeClickable(by)).click();
        waitReady();
        return this;
    }

    /**
     * Clicks something that loads a new page (a full post, a redirect) and waits for that page: until the old
     * document is gone, then until the new one is ready. {@link #click} alone could see the old page still ready.
     */
    public Browser clickAndLoad(By by) {
        WebElement old = driver.findElement(By.tagName("html"));
        waitUntil(ExpectedConditions.elementToBeClickable(by)).click();
        waitUntil(ExpectedConditions.stalenessOf(old));
        waitReady();
        return this;
    }

    /** Waits until {@code condition} holds (polling every 20 ms, at most {@link #TIMEOUT}). */
    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(20))
                .ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /** Waits until the document has loaded and PrimeFaces' ajax queue is empty. */
    public void waitReady() {
        waitUntil(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && (!window.PrimeFaces || !PrimeFaces.ajax"
                        + " || PrimeFaces.ajax.Queue.isEmpty()) && (!window.jQuery || jQuery.active === 0);")));
    }

    /** Waits for a growl message containing {@code text} and returns all growl text. */
    public String growl(String text) {
        return waitUntil(d -> {
            String all = String.join("\n", d.findElements(By.cssSelector(".ui-growl-item")).stream()
                    .map(WebElement::getText).toList());
            return all.contains(text) ? all : null;
        });
    }

    public Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    /** Saves a PNG of the page as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs axe-core on the page and fails on any serious or critical violation, naming them. */
    public void assertAccessible() {
        Results results = new AxeBuilder().analyze(driver);
        List<String> bad = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe)
                .toList();
        assertEquals(List.of(), bad, "accessibility violations on " + path());
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                + rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover profile in /tmp is harmless
            }
        }
    }
}
