package io.berth.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.berth.it.ApiClient;
import io.berth.it.BerthServer;
import io.berth.it.RegistryClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every console page, in the dark theme and in Chinese, checked with axe-core (no serious or critical violation) and
 * photographed: the other console tests check their pages in the light theme and in English, and a contrast or a
 * label that only breaks in the other theme or language would go unseen there.
 */
class EveryPageConsoleIT {

    static final BerthServer SERVER = BerthServer.shared();
    static String project;
    static String digest;

    @BeforeAll
    static void aProjectWithAnImage() {
        project = RegistryClient.uniqueName("every-page");
        ApiClient.admin(SERVER).createProject(project, false);
        digest = new RegistryClient(SERVER).pushImage(project + "/team/app", "v1", "every page").digest();
    }

    static List<String> pages() {
        String p = URLEncoder.encode(project, StandardCharsets.UTF_8);
        List<String> pages = new ArrayList<>(List.of(
                "/console/projects/list",
                "/console/repositories/repository?project=" + p + "&name=team%2Fapp",
                "/console/artifacts/artifact?project=" + p + "&repository=team%2Fapp&reference=" + digest,
                "/console/search?q=every",
                "/console/about",
                "/console/logs",
                "/console/account/profile",
                "/console/account/password",
                "/console/account/preferences"));
        for (String tab : List.of("summary", "repositories", "members", "labels", "robots", "logs", "configuration")) {
            pages.add("/console/projects/project?name=" + p + "&tab=" + tab);
        }
        for (String admin : List.of("users", "groups", "robots", "labels", "quotas", "gc", "audit", "purge", "configuration")) {
            pages.add("/console/admin/" + admin);
        }
        return pages;
    }

    @Test
    void everyPageIsAccessibleInTheDarkThemeAndInChinese() {
        try (Browser browser = Browser.open()) {
            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            browser.go("/console/projects/list");
            browser.click(By.id("shell:language_button"));
            browser.clickAndLoad(By.id("shell:langZh"));
            browser.clickAndLoad(By.id("shell:theme"));
            List<String> failures = new ArrayList<>();
            for (String page : pages()) {
                browser.go(page);
                browser.find(By.id("main"));
                browser.screenshot("dark" + page.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-(every-page-[0-9a-f]+|sha256-[0-9a-f]+)", "")
                        + "-zh_CN");
                try {
                    browser.assertAccessible();
                } catch (AssertionError e) {
                    failures.add(e.getMessage());
                }
            }
            assertEquals(List.of(), failures);
        }
    }

    @Test
    void theSignInPageIsAccessibleInTheDarkTheme() {
        try (Browser browser = Browser.open()) {
            browser.go("/console/account/sign-in");
            browser.clickAndLoad(By.id("shell:theme"));
            browser.screenshot("dark-sign-in-en");
            browser.assertAccessible();
        }
    }
}
