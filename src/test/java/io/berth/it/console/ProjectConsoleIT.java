package io.berth.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.it.ApiClient;
import io.berth.it.BerthServer;
import io.berth.it.RegistryClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The project page's core tabs in a real browser on the shared server: the summary with members per role and the
 * quota bar; the repositories of a project pushed through the registry, their push commands and a confirmed bulk
 * delete; adding a user and an LDAP group, changing a role and removing a member; the configuration saving
 * "public"; and a Guest, who is offered no change and whose forged API requests (its own console session and CSRF
 * token) the facades refuse. Every outcome is checked through the REST API too.
 */
class ProjectConsoleIT {

    static final BerthServer SERVER = BerthServer.shared();
    static final long GIB = 1L << 30;
    /** Text a user wrote that would run as script if a page did not escape it. */
    static final String HOSTILE = "<img src=x onerror=alert(1)>";

    static ApiClient admin;
    static RegistryClient registry;
    /** A private project with a 10 GiB quota, the repository team/app, a Guest and a hostile-named group. */
    static String project;
    static ApiClient.TestUser guest;
    static String hostileGroup;

    @BeforeAll
    static void setUp() {
        admin = ApiClient.admin(SERVER);
        registry = new RegistryClient(SERVER);
        project = RegistryClient.uniqueName("console-proj");
        createProject(project, false, 10 * GIB);
        registry.pushImage(project + "/team/app", "v1", project);
        guest = admin.newUser("console-guest");
        admin.addMember(project, guest.id(), ApiClient.GUEST);
        hostileGroup = HOSTILE + RegistryClient.uniqueName("");
        long group = admin.post("/api/v2.0/usergroups", "{\"group_name\":\"" + hostileGroup.replace("\"", "\\\"")
                + "\",\"group_type\":2}").expect(201).locationId();
        admin.post("/api/v2.0/projects/" + project + "/members",
                "{\"role_id\":" + ApiClient.LIMITED_GUEST + ",\"member_group\":{\"id\":" + group + "}}").expect(201);
    }

    static void createProject(String name, boolean isPublic, long storageLimit) {
        admin.post("/api/v2.0/projects", "{\"project_name\":\"" + name + "\",\"metadata\":{\"public\":\"" + isPublic
                + "\"},\"storage_limit\":" + storageLimit + "}").expect(201);
    }

    @Test
    void anAdministratorSeesTheSummaryWithMembersPerRoleAndTheQuotaBar() {
        JsonObject api = admin.get("/api/v2.0/projects/" + project + "/summary").expect(200).json();
        long used = api.getJsonObject("quota").getJsonObject("used").getJsonNumber("storage").longValue();
        assertTrue(used > 0, "the pushed image counts against the quota");
        try (Browser browser = Browser.open()) {
            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            ProjectSummaryPage summary = ProjectSummaryPage.open(browser, project);
            assertEquals(api.getJsonNumber("repo_count").longValue(), summary.repositories());
            assertEquals(1, summary.membersWithRole(ApiClient.PROJECT_ADMIN), "the creator");
            assertEquals(1, summary.membersWithRole(ApiClient.GUEST));
            assertEquals(1, summary.membersWithRole(ApiClient.LIMITED_GUEST));
            assertEquals(0, summary.membersWithRole(ApiClient.MAINTAINER));
            assertTrue(summary.quotaText().endsWith(" of 10 GiB"), summary.quotaText());
            assertTrue(summary.quotaText().matches("[0-9.,]+ (B|KiB) of 10 GiB"), summary.quotaText());
            assertEquals(0, summary.quotaPercent(), "a few KiB of 10 GiB");
            assertEquals("Private", summary.access());
            browser.screenshot("project-summary-en");
            browser.assertAccessible();
            chinese(browser);
            assertTrue(browser.text(By.id("quotaText")).endsWith(" / 10 GiB"), browser.text(By.id("quotaText")));
            browser.screenshot("project-summary-zh_CN");
        }
    }

    @Test
    void theRepositoriesTabListsWhatWasPushedWithPushCommandsAndDeletesOnlyAfterAConfirmation() {
        String scratch = project + "/" + RegistryClient.uniqueName("scratch");
        registry.pushImage(scratch, "v1", scratch);
        try (Browser browser = Browser.open()) {
            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            ProjectRepositoriesPage repositories = ProjectRepositoriesPage.open(browser, project);
            assertTrue(repositories.names().containsAll(List.of(project + "/team/app", scratch)), repositories.names().toString());
            assertEquals(SERVER.base().resolve("/console/repositories/repository?project=" + project + "&name=team%2Fapp").toString(),
                    repositories.link(project + "/team/app"), "the repository page takes the path inside the project");
            assertEquals("1", repositories.cell(project + "/team/app", "artifacts"));

            String host = SERVER.authority();
            assertEquals(List.of("docker login " + host,
                    "docker tag SOURCE_IMAGE[:TAG] " + host + "/" + project + "/REPOSITORY[:TAG]",
                    "docker push " + host + "/" + project + "/REPOSITORY[:TAG]"), repositories.pushCommands());
            assertEquals(repositories.pushCommands(), repositories.copyTexts(), "each command has its copy button");
            repositories.chooseClient("podman");
            assertEquals("podman push " + host + "/" + project + "/REPOSITORY[:TAG]", repositories.pushCommands().getLast());
            assertEquals("podman", ProjectRepositoriesPage.open(browser, project).pushCommands().getFirst().split(" ")[0],
                    "the client stays chosen");

            repositories.filterByName("team");
            assertEquals(List.of(project + "/team/app"), repositories.names(), "the filter runs on the server");
            browser.screenshot("project-repositories-en");
            browser.assertAccessible();

            repositories = ProjectRepositoriesPage.open(browser, project).filterByName("scratch");
            repositories.select(scratch);
            assertEquals(List.of(scratch), repositories.askToDelete());
            browser.screenshot("project-repositories-delete-confirmation-en");
            repositories.confirmDelete();
            browser.growl("One repository deleted");
            String path = scratch.substring(project.length() + 1);
            assertEquals(404, admin.get("/api/v2.0/projects/" + project + "/repositories/" + path).status());
            admin.get("/api/v2.0/projects/" + project + "/repositories/team%252Fapp").expect(200);

            ProjectRepositoriesPage.open(browser, project);
            chinese(browser);
            assertEquals("推送镜像到此项目", browser.text(By.id("pushHeading")));
            browser.screenshot("project-repositories-zh_CN");
        }
    }

    @Test
    void aProjectAdminAddsAUserAndAnLdapGroupChangesARoleAndRemovesAMember() {
        String team = RegistryClient.uniqueName("console-team");
        createProject(team, false, -1);
        ApiClient.TestUser user = admin.newUser("console-member");
        String groupName = RegistryClient.uniqueName("ldap-devs");
        String dn = "cn=" + groupName + ",ou=groups,dc=example,dc=com";
        // An LDAP group as an administrator registers it (POST /usergroups, as LdapIT does): the shared server
        // authenticates against its database, so the directory itself is not asked here.
        admin.post("/api/v2.0/usergroups", "{\"group_type\":1,\"ldap_group_dn\":\"" + dn + "\"}").expect(201);
        try (Browser browser = Browser.open()) {
            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            ProjectMembersPage members = ProjectMembersPage.open(browser, team);
            members.addUser(user.username().substring(0, 16), user.username(), ApiClient.DEVELOPER);
            assertEquals("Developer", members.cell(user.username(), "role"));
            assertEquals("User", members.cell(user.username(), "type"));
            assertEquals(ApiClient.DEVELOPER, memberRoles(team).get(user.username()));

            members.addGroupByDn(dn, ApiClient.GUEST, groupName);
            assertEquals("Group", members.cell(groupName, "type"));
            assertEquals(ApiClient.GUEST, memberRoles(team).get(groupName));
            browser.screenshot("project-members-en");
            browser.assertAccessible();

            members.select(user.username()).setRole(ApiClient.MAINTAINER);
            browser.growl("One member is now Maintainer");
            assertEquals(ApiClient.MAINTAINER, memberRoles(team).get(user.username()));
            assertEquals("Maintainer", members.cell(user.username(), "role"));

            members = ProjectMembersPage.open(browser, team);
            assertEquals(List.of(groupName), members.select(groupName).askToRemove());
            browser.screenshot("project-members-remove-confirmation-en");
            members.confirmRemove();
            browser.growl("One member removed");
            assertFalse(memberRoles(team).containsKey(groupName));
            assertTrue(memberRoles(team).containsKey(user.username()), "only the confirmed member goes");

            ProjectMembersPage.open(browser, team);
            chinese(browser);
            assertEquals("维护人员", ProjectMembersPage.current(browser).cell(user.username(), "role"));
            browser.screenshot("project-members-zh_CN");
        }
    }

    @Test
    void aGuestIsOfferedNoChangeAndForgedRequestsFromItsSessionAreRefused() throws Exception {
        try (Browser browser = Browser.open()) {
            browser.signIn(guest.username(), guest.password());
            ProjectMembersPage members = ProjectMembersPage.open(browser, project);
            assertFalse(members.offersChanges(), "no add, role, remove or selection for a Guest");
            assertTrue(members.has(hostileGroup), "a group's name shows as the text it is");
            assertTrue(browser.findAll(By.cssSelector("tbody[id='memberTab:table_data'] img")).isEmpty(),
                    "and never as markup");
            browser.screenshot("project-members-guest-en");

            ProjectRepositoriesPage repositories = ProjectRepositoriesPage.open(browser, project);
            assertTrue(repositories.names().contains(project + "/team/app"));
            assertFalse(repositories.offersDelete(), "no delete button");
            assertFalse(repositories.offersSelection(), "no selection either");
            assertTrue(repositories.pushCommands().isEmpty(), "a Guest cannot push");
            List<String> tabs = browser.findAll(By.cssSelector("nav.tabs a")).stream().map(a -> a.getAttribute("data-tab")).toList();
            assertFalse(tabs.contains("configuration"), tabs.toString());
            browser.go(ProjectSummaryPage.tab(project, "configuration"));
            assertTrue(browser.findAll(By.id("configTab")).isEmpty(), "the configuration tab is not there for a Guest");

            // The same requests as the hidden buttons would make, forged with the console's own session and CSRF token.
            Cookie session = browser.cookie("JSESSIONID");
            Cookie csrf = browser.cookie("__csrf");
            assertNotNull(csrf, "the console session hands out its CSRF token");
            ApiClient forged = ApiClient.anonymous(SERVER)
                    .with("Cookie", "JSESSIONID=" + session.getValue() + "; __csrf=" + csrf.getValue())
                    .with("X-Harbor-CSRF-Token", csrf.getValue());
            forged.get("/api/v2.0/users/current").expect(200);
            ApiClient.Response add = forged.post("/api/v2.0/projects/" + project + "/members",
                    "{\"role_id\":1,\"member_user\":{\"username\":\"" + guest.username() + "\"}}");
            assertEquals(403, add.status(), add.body());
            assertFalse(add.body().contains("CSRF"), "refused by the facade, not for want of the token: " + add.body());
            ApiClient.Response delete = forged.delete("/api/v2.0/projects/" + project + "/repositories/team%252Fapp");
            assertEquals(403, delete.status(), delete.body());
            assertFalse(delete.body().contains("CSRF"), delete.body());
            admin.get("/api/v2.0/projects/" + project + "/repositories/team%252Fapp").expect(200);
            assertEquals(ApiClient.GUEST, memberRoles(project).get(guest.username()));
        }
    }

    @Test
    void theConfigurationTabSavesPublicAndTheApiShowsIt() {
        String settings = RegistryClient.uniqueName("console-conf");
        createProject(settings, false, 5 * GIB);
        try (Browser browser = Browser.open()) {
            browser.signIn(BerthServer.ADMIN, BerthServer.ADMIN_PASSWORD);
            ProjectConfigurationPage configuration = ProjectConfigurationPage.open(browser, settings);
            assertFalse(configuration.isChecked("public"));
            assertEquals("0 B of 5 GiB", configuration.quotaText());
            browser.screenshot("project-configuration-en");
            browser.assertAccessible();
            configuration.toggle("public").toggle("cosign").save();
            browser.growl("Configuration saved");
            assertEquals("Public", browser.text(By.id("projectAccess")), "the header follows");
            JsonObject metadata = admin.get("/api/v2.0/projects/" + settings).expect(200).json().getJsonObject("metadata");
            assertEquals("true", metadata.getString("public"));
            assertEquals("true", metadata.getString("enable_content_trust_cosign"));
            assertEquals("false", metadata.getString("enable_content_trust"));
            assertTrue(ProjectConfigurationPage.open(browser, settings).isChecked("public"), "saved for real");
            chinese(browser);
            browser.screenshot("project-configuration-zh_CN");
        }
        try (Browser anonymous = Browser.open()) {
            ProjectSummaryPage summary = ProjectSummaryPage.open(anonymous, settings);
            assertEquals(0, summary.repositories(), "now public: anyone reads it");
            assertEquals(-1, summary.membersWithRole(ApiClient.PROJECT_ADMIN), "but not who its members are");
            assertTrue(anonymous.findAll(By.id("quotaBar")).isEmpty(), "nor its quota");
            List<String> tabs = anonymous.findAll(By.cssSelector("nav.tabs a")).stream().map(a -> a.getAttribute("data-tab")).toList();
            assertEquals(List.of("summary", "repositories"), tabs);
            assertFalse(ProjectRepositoriesPage.open(anonymous, settings).offersDelete());
        }
    }

    /** Switches the console to Chinese through the header, as a user does. */
    static void chinese(Browser browser) {
        browser.click(By.id("shell:language_button"));
        browser.click(By.id("shell:langZh"));
        browser.waitUntil(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getAttribute("lang")) ? Boolean.TRUE : null);
    }

    /** The project's members by name, with their role ids, as the API lists them. */
    static Map<String, Integer> memberRoles(String project) {
        return admin.get("/api/v2.0/projects/" + project + "/members?page_size=100").expect(200).array().stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(m -> m.getString("entity_name"), m -> m.getInt("role_id")));
    }
}
