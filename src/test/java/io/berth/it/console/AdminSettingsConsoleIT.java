package io.berth.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.auth.control.ldap.LdapTestDirectory;
import io.berth.it.ApiClient;
import io.berth.it.BerthServer;
import io.berth.it.RegistryClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Project quotas and the configuration in a real browser, checked through the REST API: a project's limit and the
 * default limit of new projects; the session timeout and who may create projects, saved and read back through
 * {@code GET /configurations}, and a refused value storing nothing; the LDAP test run with the values on the form
 * against an in-process directory, which changes no setting. Every setting changed here is put back: the server is
 * shared.
 */
class AdminSettingsConsoleIT {

    static final BerthServer SERVER = BerthServer.shared();
    static final long GIB = 1L << 30;
    static final long TIB = 1L << 40;
    static ApiClient admin;

    @BeforeAll
    static void setUp() {
        admin = ApiClient.admin(SERVER);
    }

    @Test
    void projectQuotasShowUsageAndTheirLimitsAndTheDefaultChangeThroughTheConsole() {
        String project = RegistryClient.uniqueName("console-quota");
        long projectId = admin.createProject(project, false);
        byte[] blob = new byte[32 * 1024 * 1024];
        Arrays.fill(blob, (byte) 7);
        RegistryClient.as(SERVER, BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD).pushBlob(project + "/app", blob);
        try (Browser browser = Browser.open()) {
            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            QuotasPage quotas = QuotasPage.open(browser).sortByUsageDescending();
            assertEquals(admin.get("/api/v2.0/quotas?sort=-used.storage&page_size=15").expect(200).array().stream()
                    .map(q -> q.asJsonObject().getJsonObject("ref").getString("name")).toList(), quotas.projects(),
                    "sorted by usage on the server, as the API sorts");
            assertTrue(quotas.projects().contains(project), quotas.projects().toString());
            assertEquals("32 MiB / Unlimited", quotas.usage(project));

            quotas.setLimit(project, "1.5", "GiB");
            browser.growl("Quota of " + project + " saved");
            browser.waitUntil(d -> "32 MiB / 1.5 GiB".equals(quotas.usage(project)) ? Boolean.TRUE : null);
            JsonObject quota = admin.get("/api/v2.0/quotas?reference=project&reference_id=" + projectId).expect(200)
                    .array().getJsonObject(0);
            assertEquals(3 * GIB / 2, quota.getJsonObject("hard").getJsonNumber("storage").longValue());
            assertEquals(blob.length, quota.getJsonObject("used").getJsonNumber("storage").longValue());
            browser.screenshot("admin-quotas-en");
            QuotasPage.open(browser).sortByUsageDescending();
            assertEquals("32 MiB / 1.5 GiB", quotas.usage(project), "the limit stays set");
            browser.assertAccessible();

            try {
                quotas.setDefault("2", "TiB");
                browser.growl("Default quota saved");
                browser.waitUntil(d -> "2 TiB".equals(quotas.defaultQuota()) ? Boolean.TRUE : null);
                assertEquals(2 * TIB, storagePerProject());
                long later = admin.createProject(RegistryClient.uniqueName("console-default"), false);
                assertEquals(2 * TIB, admin.get("/api/v2.0/quotas?reference_id=" + later).expect(200).array()
                        .getJsonObject(0).getJsonObject("hard").getJsonNumber("storage").longValue(),
                        "a new project gets the default");
                admin.delete("/api/v2.0/projects/" + later).expect(200);

                quotas.setDefault(null, null);
                browser.waitUntil(d -> "Unlimited".equals(quotas.defaultQuota()) ? Boolean.TRUE : null);
                assertEquals(-1, storagePerProject());
            } finally {
                admin.configure("{\"storage_per_project\":-1}");
            }

            browser.click(By.id("shell:language_button"));
            browser.click(By.id("shell:langZh"));
            assertEquals("项目定额", browser.text(By.tagName("h1")));
            browser.screenshot("admin-quotas-zh_CN");
            browser.assertAccessible();
        }
    }

    @Test
    void systemSettingsAreSavedThroughTheSameFacadeAsTheApiAndARefusedValueStoresNothing() {
        JsonObject before = configurations();
        try (Browser browser = Browser.open()) {
            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            ConfigurationPage page = ConfigurationPage.open(browser, "system");
            assertEquals(Integer.toString(before.getJsonObject("session_timeout").getInt("value")),
                    page.value("system", "sessionTimeout"));
            browser.screenshot("admin-configuration-system-en");
            browser.assertAccessible();

            page.type("system", "sessionTimeout", "45").choose("system", "projectCreation", "adminonly").save("system");
            browser.growl("Settings saved");
            JsonObject after = configurations();
            assertEquals(45, after.getJsonObject("session_timeout").getInt("value"));
            assertEquals("adminonly", after.getJsonObject("project_creation_restriction").getString("value"));
            ApiClient.TestUser user = admin.newUser("console-creator");
            user.client().post("/api/v2.0/projects", "{\"project_name\":\"" + RegistryClient.uniqueName("denied")
                    + "\"}").expect(403);

            page.type("system", "tokenExpiration", "0").save("system");
            assertTrue(browser.growl("token_expiration must be a positive integer").contains("The request was not valid"));
            assertEquals(before.getJsonObject("token_expiration"), configurations().getJsonObject("token_expiration"),
                    "a refused value is not stored");

            browser.click(By.id("shell:language_button"));
            browser.click(By.id("shell:langZh"));
            assertEquals("配置管理", browser.text(By.tagName("h1")));
            assertEquals("45", ConfigurationPage.open(browser, "system").value("system", "sessionTimeout"));
            browser.screenshot("admin-configuration-system-zh_CN");
            browser.assertAccessible();
        } finally {
            admin.configure("{\"session_timeout\":" + before.getJsonObject("session_timeout").getInt("value")
                    + ",\"project_creation_restriction\":\""
                    + before.getJsonObject("project_creation_restriction").getString("value") + "\"}");
        }
    }

    @Test
    void testLdapTriesTheValuesOnTheFormAndChangesNoSetting() throws Exception {
        JsonObject before = configurations();
        try (LdapTestDirectory ldap = LdapTestDirectory.plain(); Browser browser = Browser.open()) {
            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            ConfigurationPage page = ConfigurationPage.open(browser, "auth");
            assertTrue(page.disabled("auth", "authMode"), "users exist: the authentication mode is fixed");
            browser.screenshot("admin-configuration-en");
            browser.assertAccessible();
            page.type("auth", "ldapUrl", ldap.url())
                    .type("auth", "ldapSearchDn", LdapTestDirectory.SEARCH_DN)
                    .type("auth", "ldapPassword", "Not-the-Secret-1")
                    .type("auth", "ldapBaseDn", LdapTestDirectory.PEOPLE)
                    .testLdap();
            assertTrue(browser.growl("LDAP connection failed").contains("refused the search DN and password"));
            page.type("auth", "ldapPassword", LdapTestDirectory.SEARCH_PASSWORD).testLdap();
            assertTrue(browser.growl("LDAP connection works").contains("bound as " + LdapTestDirectory.SEARCH_DN));
            browser.screenshot("admin-configuration-ldap-test-en");

            JsonObject after = configurations();
            assertEquals(before.getJsonObject("ldap_url"), after.getJsonObject("ldap_url"), "testing saves nothing");
            assertEquals("db_auth", after.getJsonObject("auth_mode").getString("value"));
            assertFalse(browser.driver().getPageSource().contains(LdapTestDirectory.SEARCH_PASSWORD),
                    "the password never comes back to the page");

            browser.click(By.id("shell:language_button"));
            browser.click(By.id("shell:langZh"));
            assertEquals("配置管理", browser.text(By.tagName("h1")));
            browser.screenshot("admin-configuration-zh_CN");
            browser.assertAccessible();
        }
    }

    @Test
    void auditSettingsDisableEventTypesAndTheFacadeRefusesToSkipTheDatabaseWithoutAnEndpoint() {
        try (Browser browser = Browser.open()) {
            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            ConfigurationPage page = ConfigurationPage.open(browser, "audit");
            browser.assertAccessible();
            page.toggleChoice("audit", "disabledTypes", "pull_artifact").toggleChoice("audit", "disabledTypes", "grant_token")
                    .save("audit");
            browser.growl("Settings saved");
            assertEquals("pull_artifact,grant_token", configurations().getJsonObject("disabled_audit_log_event_types")
                    .getString("value"));
            browser.screenshot("admin-configuration-audit-en");

            page.toggle("audit", "skipDatabase").save("audit");
            assertTrue(browser.growl("skip_audit_log_database needs audit_log_forward_endpoint")
                    .contains("The request was not valid"));
            assertEquals(JsonValue.FALSE, configurations().getJsonObject("skip_audit_log_database").get("value"));
        } finally {
            admin.configure("{\"disabled_audit_log_event_types\":\"\",\"skip_audit_log_database\":false}");
        }
    }

    static JsonObject configurations() {
        return admin.get("/api/v2.0/configurations").expect(200).json();
    }

    static long storagePerProject() {
        return configurations().getJsonObject("storage_per_project").getJsonNumber("value").longValue();
    }
}
