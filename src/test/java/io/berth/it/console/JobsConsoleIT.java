package io.berth.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.it.ApiClient;
import io.berth.it.BerthServer;
import io.berth.it.RegistryClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * Garbage collection, log rotation and the audit logs in a real browser: runs started from the pages reach
 * "Success" in the history without a reload, the GC schedule lands in the API, the audit log filters, exports
 * exactly the filtered entries as CSV and renders what users wrote as text, users read their projects' logs, and
 * nobody but administrators gets administration data, whether through the pages or a forged API call from the
 * console's session.
 */
class JobsConsoleIT {

    static final BerthServer SERVER = BerthServer.shared();
    static ApiClient admin;

    @BeforeAll
    static void setUp() {
        admin = ApiClient.admin(SERVER);
    }

    @Test
    void runsStartedFromThePageReachSuccessWhileItWatchesAndTheScheduleIsTheApis() {
        RegistryClient registry = new RegistryClient(SERVER);
        String repository = RegistryClient.uniqueRepository("console-gc");
        RegistryClient.Image image = registry.pushImage(repository, "v1", repository);
        assertEquals(202, registry.delete("/v2/" + repository + "/manifests/" + image.digest()).statusCode());
        awaitNoGcRun();
        try (Browser browser = Browser.open()) {
            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            GcPage gc = GcPage.open(browser);
            assertFalse(gc.refreshing(), "nothing runs, nothing polls");

            long dry = gc.workers(2).dryRun();
            gc.awaitStatus(dry, "Success");
            assertTrue(gc.details(dry).matches("[\\d,]+ blobs?, [\\d,]+ manifests? would be deleted, .+ would be freed"), gc.details(dry));
            assertEquals(200, registry.head("/v2/" + repository + "/blobs/" + image.layerDigest()).statusCode(),
                    "a dry run deletes nothing");
            browser.waitUntil(d -> gc.refreshing() ? null : Boolean.TRUE);

            JobPage.Confirmed confirmed = gc.gcNow();
            assertEquals(2, confirmed.listed().size(), "unused blobs and abandoned uploads, no untagged artifacts: " + confirmed.listed());
            long real = confirmed.id();
            gc.awaitStatus(real, "Success");
            assertTrue(gc.details(real).matches("[1-9][\\d,]* blobs?, [1-9][\\d,]* manifests? deleted, .+ freed"), gc.details(real));
            assertFalse(gc.refreshing(), "the history stops refreshing once nothing runs");
            JsonObject run = admin.get("/api/v2.0/system/gc/" + real).expect(200).json();
            assertEquals("Success", run.getString("job_status"));
            JsonObject parameters = Json.createReader(new StringReader(run.getString("job_parameters"))).readObject();
            assertFalse(parameters.getBoolean("dry_run"));
            assertEquals(2, parameters.getInt("workers"), "the workers chosen on the page");
            assertEquals(404, registry.head("/v2/" + repository + "/blobs/" + image.layerDigest()).statusCode(),
                    "the real run freed the deleted image's layer");
            browser.screenshot("admin-gc-en");
            browser.assertAccessible();
            assertTrue(gc.log(real).contains("Garbage collection finished"));
            browser.screenshot("admin-gc-log-en");
            gc.closeLog();

            gc.schedule("Daily");
            gc.workers(3).deleteUntagged(true).saveSchedule();
            assertFalse(gc.nextRun().isBlank(), "the next run shows");
            JsonObject schedule = admin.get("/api/v2.0/system/gc/schedule").expect(200).json();
            assertEquals("Daily", schedule.getJsonObject("schedule").getString("type"));
            assertEquals("0 0 0 * * *", schedule.getJsonObject("schedule").getString("cron"));
            JsonObject stored = Json.createReader(new StringReader(schedule.getString("job_parameters"))).readObject();
            assertEquals(3, stored.getInt("workers"));
            assertTrue(stored.getBoolean("delete_untagged"));

            GcPage again = GcPage.open(browser);
            assertEquals("Daily", new org.openqa.selenium.support.ui.Select(browser.find(By.id("gc:scheduleType")))
                    .getFirstSelectedOption().getAttribute("value"), "the page shows the stored schedule");
            again.schedule("Custom");
            browser.type(By.id("gc:cron"), "not a cron");
            browser.click(By.id("gc:saveSchedule"));
            browser.growl("The request was not valid");
            assertEquals("Daily", admin.get("/api/v2.0/system/gc/schedule").expect(200).json()
                    .getJsonObject("schedule").getString("type"), "a refused schedule changes nothing");

            browser.click(By.id("shell:language_button"));
            browser.click(By.id("shell:langZh"));
            assertEquals("垃圾清理", browser.text(By.tagName("h1")));
            browser.screenshot("admin-gc-zh_CN");
        } finally {
            admin.put("/api/v2.0/system/gc/schedule", "{\"schedule\":{\"type\":\"None\"}}").expect(200);
        }
    }

    @Test
    void theAuditLogFiltersExportsTheFilteredEntriesAndShowsWhatUsersWroteAsText() throws Exception {
        String token = RegistryClient.uniqueName("audit");
        String hostile = token + "<img src=x onerror=alert(1)><b>bold</b>";
        admin.post("/api/v2.0/users", Json.createObjectBuilder().add("username", hostile).add("email", token + "@example.com")
                .add("realname", "Hostile").add("password", "Pw-Console-1a").build().toString()).expect(201);
        String project = RegistryClient.uniqueName(token);
        admin.createProject(project, false);
        awaitApi(() -> admin.get("/api/v2.0/audit-logs?q=" + encode("resource=~" + token)).expect(200).array().size() >= 2);

        try (Browser browser = Browser.open()) {
            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            AuditLogPage audit = AuditLogPage.open(browser, AuditLogPage.ADMIN);
            audit.resource(token).apply();
            browser.waitUntil(d -> audit.rows().size() == 2 ? Boolean.TRUE : null);
            assertTrue(audit.column(2).contains(hostile), "the user-written name shows as text: " + audit.column(2));
            assertTrue(browser.findAll(By.cssSelector("tbody[id='audit:entries_data'] img, tbody[id='audit:entries_data'] b")).isEmpty(),
                    "no markup from a user name reaches the page");
            browser.screenshot("admin-audit-en");
            browser.assertAccessible();

            audit.resourceType("user").operation("create").apply();
            browser.waitUntil(d -> audit.rows().size() == 1 ? Boolean.TRUE : null);
            assertEquals(List.of(hostile), audit.column(2));
            assertEquals(List.of("user"), audit.column(3));

            String href = audit.exportHref();
            assertTrue(href.contains("/api/v2.0/audit-logs/export?q="), href);
            String session = browser.cookie("JSESSIONID").getValue();
            HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, csv.statusCode(), csv.body());
            List<String> lines = csv.body().lines().toList();
            assertTrue(lines.get(0).startsWith("id,op_time,username,operation,resource_type,resource"), lines.get(0));
            assertEquals(2, lines.size(), "the header and exactly the one filtered entry: " + lines);
            assertTrue(lines.get(1).contains(token) && lines.get(1).contains(",create,user,"), lines.get(1));

            LocalDateTime now = LocalDateTime.now();
            audit.between(now.minusHours(1), now.plusHours(1)).apply();
            browser.waitUntil(d -> audit.rows().size() == 1 ? Boolean.TRUE : null);
            audit.between(now.plusDays(1), now.plusDays(2)).apply();
            browser.waitUntil(d -> audit.rows().isEmpty() ? Boolean.TRUE : null);

            browser.click(By.id("shell:language_button"));
            browser.click(By.id("shell:langZh"));
            assertEquals("审计日志", browser.text(By.tagName("h1")));
            browser.screenshot("admin-audit-zh_CN");
        }
    }

    @Test
    void aPurgeDryRunFromThePageReportsAndRemovesNothing() {
        try (Browser browser = Browser.open()) {
            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            PurgePage purge = PurgePage.open(browser);
            browser.screenshot("admin-purge-en");
            browser.assertAccessible();
            awaitApi(() -> admin.get("/api/v2.0/system/purgeaudit?page_size=1").expect(200).array().stream()
                    .allMatch(r -> List.of("Success", "Error", "Stopped").contains(r.asJsonObject().getString("job_status"))));
            List<String> goes = purge.retentionHours(1).askToPurge();
            assertFalse(goes.isEmpty(), "the confirmation lists the event types that go");
            assertTrue(goes.stream().allMatch(type -> type.matches("[a-z]+_[a-z_]+")), goes.toString());
            assertTrue(purge.purgeQuestion().startsWith("Audit log entries older than 1 hours"), purge.purgeQuestion());
            browser.screenshot("admin-purge-confirmation-en");
            purge.cancelPurge();
            long run = purge.dryRun();
            purge.awaitStatus(run, "Success");
            assertTrue(purge.details(run).startsWith("Older than 1 hour;"), purge.details(run));
            assertTrue(purge.log(run).contains("would be removed"));
            purge.closeLog();
            JsonObject view = admin.get("/api/v2.0/system/purgeaudit/" + run).expect(200).json();
            assertEquals("Success", view.getString("job_status"));
            assertTrue(view.getString("job_parameters").contains("\"dry_run\":true"), view.toString());
            assertTrue(view.getString("job_parameters").contains("\"audit_retention_hour\":1"), view.toString());
            assertFalse(purge.refreshing());

            browser.click(By.id("shell:language_button"));
            browser.click(By.id("shell:langZh"));
            assertEquals("日志轮转", browser.text(By.tagName("h1")));
            browser.screenshot("admin-purge-zh_CN");
        }
    }

    @Test
    void aProjectAdminReadsTheLogsOfTheirProjectAndNothingElse() {
        ApiClient.TestUser owner = admin.newUser("console-logs");
        String mine = RegistryClient.uniqueName("console-mine");
        owner.client().createProject(mine, false);
        String other = RegistryClient.uniqueName("console-other");
        admin.createProject(other, false);
        awaitApi(() -> admin.get("/api/v2.0/audit-logs?q=" + encode("resource=" + other)).expect(200).array().size() == 1
                && owner.client().get("/api/v2.0/projects/" + mine + "/logs").expect(200).array().size() >= 1);

        try (Browser browser = Browser.open()) {
            browser.signIn(owner.username(), owner.password());
            assertTrue(browser.findAll(By.id("navGc")).isEmpty(), "no administration menu");
            AuditLogPage own = AuditLogPage.open(browser, AuditLogPage.OWN);
            assertFalse(own.hasExport(), "exporting the whole trail is for administrators");
            own.resource("console-").apply();
            browser.waitUntil(d -> own.column(2).contains(mine) ? Boolean.TRUE : null);
            assertFalse(own.column(2).contains(other), "another project's entries stay hidden");
            browser.screenshot("logs-en");
            browser.assertAccessible();

            AuditLogPage tab = AuditLogPage.openProjectTab(browser, mine);
            assertTrue(tab.column(2).contains(mine), tab.rows().toString());
            tab.operation("delete").apply();
            browser.waitUntil(d -> tab.rows().isEmpty() ? Boolean.TRUE : null);
            browser.screenshot("project-logs-en");
            browser.assertAccessible();

            browser.click(By.id("shell:language_button"));
            browser.click(By.id("shell:langZh"));
            browser.screenshot("project-logs-zh_CN");
            AuditLogPage.open(browser, AuditLogPage.OWN);
            assertEquals("日志", browser.text(By.tagName("h1")));
            browser.screenshot("logs-zh_CN");
        }
    }

    @Test
    void aUserGetsNoAdministrationDataAndAForgedGcStartFromTheirSessionIsRefused() throws Exception {
        ApiClient.TestUser user = admin.newUser("console-nogc");
        try (Browser browser = Browser.open()) {
            browser.signIn(user.username(), user.password());
            for (String page : List.of(GcPage.PATH, PurgePage.PATH, AuditLogPage.ADMIN)) {
                browser.go(page);
                assertEquals("You are not allowed to do this", browser.text(By.id("errorTitle")), page);
                assertTrue(browser.findAll(By.cssSelector("[id$=':history'], [id='audit:entries']")).isEmpty(), page);
            }
            String session = browser.cookie("JSESSIONID").getValue();
            String csrf = browser.cookie("__csrf").getValue();
            ApiClient forged = ApiClient.anonymous(SERVER).with("Cookie", "JSESSIONID=" + session + "; __csrf=" + csrf)
                    .with("X-Harbor-CSRF-Token", csrf);
            ApiClient.Response started = forged.post("/api/v2.0/system/gc/schedule",
                    "{\"schedule\":{\"type\":\"Manual\"},\"parameters\":{\"dry_run\":true}}");
            assertEquals(403, started.status(), started.body());
            assertTrue(started.body().contains("garbage collection needs a system administrator"),
                    "refused by the facade, not for a missing CSRF token: " + started.body());
            assertEquals(200, forged.get("/api/v2.0/users/current").status(), "the session itself is valid");
            assertEquals(403, forged.get("/api/v2.0/audit-logs/export").status());
        }
    }

    /** Waits (polling the API, at most 30 s) until no garbage collection is pending or running. */
    static void awaitNoGcRun() {
        awaitApi(() -> admin.get("/api/v2.0/system/gc?page_size=1").expect(200).array().stream()
                .allMatch(r -> List.of("Success", "Error", "Stopped").contains(r.asJsonObject().getString("job_status"))));
    }

    static void awaitApi(Supplier<Boolean> condition) {
        new FluentWait<>(condition).withTimeout(Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(200))
                .until(c -> c.get() ? Boolean.TRUE : null);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
