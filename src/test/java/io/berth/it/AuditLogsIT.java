package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The audit trail end to end: the entries that pushes, pulls, deletes, project, member, user, robot and
 * configuration changes, logins and write-token grants leave; {@code GET /audit-logs} and
 * {@code GET /projects/{project_name}/logs} with Harbor's field names, paging headers, {@code q} and permissions;
 * the CSV export; and that no secret ever reaches an entry (Harbor's GHSA-prh4-vhfh-24mj).
 */
class AuditLogsIT {

    /** Harbor's {@code AuditLog} fields, and what Berth adds. */
    static final Set<String> HARBOR_FIELDS = Set.of("id", "username", "resource", "resource_type", "operation", "op_time");
    static final Set<String> BERTH_FIELDS = Set.of("project_id", "operation_result", "operation_description", "client_ip",
            "user_agent", "request_id");

    private final BerthServer server = BerthServer.shared();
    private final ApiClient admin = ApiClient.admin(server);
    private final AuditTrail trail = new AuditTrail(admin);

    @Test
    void pushPullAndDeleteLeaveEntriesWithWhoAndWhere() {
        String project = RegistryClient.uniqueName("audit");
        long projectId = admin.createProject(project, false);
        String repository = project + "/app";
        RegistryClient registry = new RegistryClient(server);
        RegistryClient.Image image = registry.pushImage(repository, "v1", "audit");
        HttpResponse<byte[]> pull = registry.send(registry.request("/v2/" + repository + "/manifests/v1")
                .header("Accept", RegistryClient.OCI_MANIFEST).header("X-Request-Id", "audit-pull-" + project)
                .header("User-Agent", "audit-it/1.0").GET().build());
        assertEquals(200, pull.statusCode());
        assertEquals("audit-pull-" + project, pull.headers().firstValue("X-Request-Id").orElse(null),
                "/v2/ answers carry the request id");
        assertEquals(202, registry.delete("/v2/" + repository + "/manifests/v1").statusCode());

        JsonObject push = trail.await("resource=" + repository + ":v1", "create", "artifact");
        assertTrue(push.keySet().containsAll(HARBOR_FIELDS) && push.keySet().containsAll(BERTH_FIELDS), push.toString());
        assertEquals("admin", push.getString("username"));
        assertEquals(projectId, push.getJsonNumber("project_id").longValue());
        assertTrue(push.getBoolean("operation_result"));
        assertEquals("127.0.0.1", push.getString("client_ip"));
        assertFalse(push.getString("request_id").isEmpty());
        assertTrue(push.getString("op_time").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"), push.getString("op_time"));

        JsonObject pulled = trail.await("resource=" + repository + ":v1", "pull", "artifact");
        assertEquals("audit-pull-" + project, pulled.getString("request_id"));
        assertEquals("audit-it/1.0", pulled.getString("user_agent"));
        trail.await("resource=" + repository + ":v1", "delete", "tag");
        // Blob pulls are no entries, as in Harbor: only the manifest pull above.
        assertEquals(1, trail.find("operation=pull,resource=~" + repository).size());

        JsonObject grant = trail.await("resource_type=token,resource=~" + repository, "grant", "token");
        assertTrue(grant.getString("resource").contains("push"), grant.toString());
        assertEquals(projectId, grant.getJsonNumber("project_id").longValue());
        assertNotNull(image.digest());
    }

    @Test
    void aDisabledEventTypeLeavesNoEntryUntilEnabledAgain() {
        String project = RegistryClient.uniqueName("quiet");
        admin.createProject(project, true);
        String repository = project + "/app";
        RegistryClient registry = new RegistryClient(server);
        registry.pushImage(repository, "v1", "quiet");
        ApiClient.Response refused = admin.put("/api/v2.0/configurations",
                "{\"disabled_audit_log_event_types\":\"pull_artifact,pull_secrets\"}");
        assertEquals(400, refused.status(), refused.body());
        assertEquals("BAD_REQUEST", refused.errorCode());
        try {
            admin.configure("{\"disabled_audit_log_event_types\":\"Pull_Artifact, create_tag\"}");
            assertEquals("pull_artifact,create_tag", admin.get("/api/v2.0/configurations").expect(200).json()
                    .getJsonObject("disabled_audit_log_event_types").getString("value"));
            assertEquals(200, pull(registry, repository, "quiet-" + project));
        } finally {
            admin.configure("{\"disabled_audit_log_event_types\":\"\"}");
        }
        assertEquals("", admin.get("/api/v2.0/configurations").expect(200).json()
                .getJsonObject("disabled_audit_log_event_types").getString("value"));
        assertEquals(200, pull(registry, repository, "loud-" + project));
        // Entries are written in the order they happen, so once the later pull is on the record the earlier one
        // would be too.
        JsonObject pulled = trail.await("resource=" + repository + ":v1", "pull", "artifact");
        assertEquals("loud-" + project, pulled.getString("request_id"));
        assertEquals(1, trail.find("operation=pull,resource=" + repository + ":v1").size(), "the pull while disabled left no entry");
    }

    private static int pull(RegistryClient registry, String repository, String requestId) {
        return registry.send(registry.request("/v2/" + repository + "/manifests/v1")
                .header("Accept", RegistryClient.OCI_MANIFEST).header("X-Request-Id", requestId).GET().build()).statusCode();
    }

    @Test
    void projectMemberUserRobotAndConfigurationChangesLeaveEntries() {
        ApiClient.TestUser user = admin.newUser("audited");
        trail.await("resource=" + user.username(), "create", "user");
        String project = RegistryClient.uniqueName("changes");
        long projectId = admin.createProject(project, true);
        trail.await("resource=" + project, "create", "project");
        long member = admin.addMember(project, user.id(), ApiClient.DEVELOPER);
        admin.put("/api/v2.0/projects/" + project + "/members/" + member, "{\"role_id\":3}").expect(200);
        admin.delete("/api/v2.0/projects/" + project + "/members/" + member).expect(200);
        trail.await("resource=" + project + "/members/" + member, "create", "project_member");
        trail.await("resource=" + project + "/members/" + member, "update", "project_member");
        trail.await("resource=" + project + "/members/" + member, "delete", "project_member");

        ApiClient.Response robot = admin.post("/api/v2.0/robots", RobotJson.project("ci", project, "repository:push").toString());
        robot.expect(201);
        String robotName = robot.json().getString("name");
        trail.await("resource=" + robotName, "create", "robot");

        try {
            admin.configure("{\"token_expiration\":45}");
        } finally {
            admin.configure("{\"token_expiration\":30}");
        }
        JsonObject config = trail.await("resource_type=configure", e -> e.getString("operation_description").contains("token_expiration"));
        assertEquals("update", config.getString("operation"));

        admin.delete("/api/v2.0/users/" + user.id()).expect(200);
        trail.await("resource=" + user.username(), "delete", "user");
        admin.delete("/api/v2.0/projects/" + projectId).expect(200);
        JsonObject deleted = trail.await("resource=" + project, "delete", "project");
        assertEquals(projectId, deleted.getJsonNumber("project_id").longValue());
    }

    @Test
    void loginsSucceedAndFailOnTheRecord() {
        ApiClient.TestUser user = admin.newUser("login");
        ApiClient anonymous = ApiClient.anonymous(server);
        anonymous.login(user.username(), "wrong-" + user.password()).expect(401);
        anonymous.login(user.username(), user.password()).expect(200);
        ApiClient.basic(server, user.username(), "nope").get("/api/v2.0/users/current").expect(401);
        HttpResponse<byte[]> dockerLogin = RegistryClient.as(server, user.username(), user.password()).requestToken(List.of());
        assertEquals(200, dockerLogin.statusCode());

        String q = "operation=login,resource=" + user.username();
        trail.await(q, e -> !e.getBoolean("operation_result") && e.getString("operation_description").startsWith("console"));
        trail.await(q, e -> e.getBoolean("operation_result") && e.getString("operation_description").equals("console"));
        trail.await(q, e -> !e.getBoolean("operation_result") && e.getString("operation_description").startsWith("API"));
        JsonObject token = trail.await(q, e -> e.getBoolean("operation_result") && e.getString("operation_description").equals("token service"));
        assertEquals(user.username(), token.getString("username"));
    }

    @Test
    void pagingHeadersAndOrder() {
        String project = RegistryClient.uniqueName("paging");
        admin.createProject(project, true);
        for (int i = 0; i < 3; i++) {
            admin.put("/api/v2.0/projects/" + project, "{\"metadata\":{\"auto_scan\":\"" + (i % 2 == 0) + "\"}}").expect(200);
        }
        String q = "resource=" + project;
        trail.await(q, e -> trail.find(q).size() == 4);
        ApiClient.Response first = admin.get("/api/v2.0/audit-logs?page=1&page_size=3&q=" + AuditTrail.encode(q)).expect(200);
        assertEquals("4", first.header("X-Total-Count"));
        assertTrue(first.header("Link").contains("rel=\"next\""), first.header("Link"));
        assertFalse(first.header("Link").contains("rel=\"prev\""));
        List<JsonObject> page1 = first.array().getValuesAs(JsonObject.class);
        assertEquals(3, page1.size());
        assertEquals("update", page1.get(0).getString("operation"), "newest first");
        ApiClient.Response second = admin.get("/api/v2.0/audit-logs?page=2&page_size=3&q=" + AuditTrail.encode(q)).expect(200);
        assertEquals(1, second.array().size());
        assertEquals("create", second.array().getJsonObject(0).getString("operation"));
        assertTrue(second.header("Link").contains("rel=\"prev\""));
        ApiClient.Response ascending = admin.get("/api/v2.0/audit-logs?sort=op_time&q=" + AuditTrail.encode(q)).expect(200);
        assertEquals("create", ascending.array().getJsonObject(0).getString("operation"));
        assertEquals("BAD_REQUEST", admin.get("/api/v2.0/audit-logs?page_size=101").expect(400).errorCode());
    }

    @Test
    void queryLanguageAndItsRefusals() {
        String project = RegistryClient.uniqueName("query");
        admin.createProject(project, true);
        trail.await("resource=" + project, "create", "project");
        assertEquals(1, trail.find("operation={create delete},resource_type=project,resource=" + project).size());
        assertEquals(1, trail.find("resource=~" + project.toUpperCase()).size(), "fuzzy matching ignores case");
        assertEquals(1, trail.find("resource=" + project + ",op_time=[2000-01-01 00:00:00~2999-12-31 23:59:59]").size());
        assertEquals(0, trail.find("resource=" + project + ",op_time=[2000-01-01T00:00:00Z~2000-01-02T00:00:00Z]").size());
        assertEquals(0, trail.find("resource=" + project + ",username=somebody-else").size());
        assertEquals(1, trail.find("resource=" + project + ",op_time=[2000-01-01~2999-12-31]").size(), "dates take in whole days");
        for (String bad : List.of("password=x", "project_id=1", "op_time=yesterday", "op_time=[yesterday~today]",
                "resource", "operation=[~]", "resource=a,resource=b", "client_ip={a b}")) {
            ApiClient.Response refused = admin.get("/api/v2.0/audit-logs?q=" + AuditTrail.encode(bad));
            assertEquals(400, refused.status(), bad + ": " + refused.body());
            assertEquals("BAD_REQUEST", refused.errorCode());
        }
        assertEquals(400, admin.get("/api/v2.0/audit-logs?sort=client_ip").status());
    }

    @Test
    void whoMayReadWhich() {
        ApiClient anonymous = ApiClient.anonymous(server);
        assertEquals("UNAUTHORIZED", anonymous.get("/api/v2.0/audit-logs").expect(401).errorCode());
        ApiClient.TestUser owner = admin.newUser("owner");
        assertEquals(403, owner.client().get("/api/v2.0/audit-logs/export").status());

        String mine = RegistryClient.uniqueName("mine");
        owner.client().createProject(mine, false);
        String theirs = RegistryClient.uniqueName("theirs");
        admin.createProject(theirs, false);
        trail.await("resource=" + mine, "create", "project");
        List<JsonObject> own = owner.client().get("/api/v2.0/projects/" + mine + "/logs").expect(200).array()
                .getValuesAs(JsonObject.class);
        assertFalse(own.isEmpty());
        assertTrue(own.stream().allMatch(e -> e.getString("resource").startsWith(mine)), own.toString());
        assertEquals("NOT_FOUND", owner.client().get("/api/v2.0/projects/" + theirs + "/logs").expect(404).errorCode());
        trail.await("resource=" + theirs, "create", "project");
        List<JsonObject> everywhere = owner.client().get("/api/v2.0/audit-logs?page_size=100").expect(200).array()
                .getValuesAs(JsonObject.class);
        assertTrue(everywhere.stream().anyMatch(e -> e.getString("resource").startsWith(mine)), everywhere.toString());
        assertTrue(everywhere.stream().allMatch(e -> e.getString("resource").startsWith(mine)),
                "as in Harbor, /audit-logs shows a project admin the entries of their own projects only: " + everywhere);
        assertEquals(404, owner.client().get("/api/v2.0/projects/no-such-" + mine + "/logs").status());

        ApiClient.TestUser guest = admin.newUser("guest");
        admin.addMember(mine, guest.id(), ApiClient.GUEST);
        assertEquals("FORBIDDEN", guest.client().get("/api/v2.0/projects/" + mine + "/logs").expect(403).errorCode());
        assertEquals(400, owner.client().get("/api/v2.0/projects/" + mine + "/logs?q=client_ip=1").status());
        ApiClient.Response paged = owner.client().get("/api/v2.0/projects/" + mine + "/logs?page_size=1").expect(200);
        assertNotNull(paged.header("X-Total-Count"));
    }

    @Test
    void harborsAuditLogExtPathsAnswerTheSameTrail() {
        String project = RegistryClient.uniqueName("ext");
        admin.createProject(project, false);
        trail.await("resource=" + project, "create", "project");
        JsonObject entry = admin.get("/api/v2.0/auditlog-exts?q=" + AuditTrail.encode("resource=" + project)).expect(200)
                .array().getJsonObject(0);
        for (String field : List.of("id", "username", "resource", "resource_type", "operation", "operation_description",
                "operation_result", "op_time")) {
            assertTrue(entry.containsKey(field), field + " in " + entry);
        }
        assertEquals(1, admin.get("/api/v2.0/projects/" + project + "/auditlog-exts").expect(200).array().size());
        List<String> types = admin.get("/api/v2.0/auditlog-exts/events").expect(200).array().getValuesAs(JsonObject.class)
                .stream().map(t -> t.getString("event_type")).toList();
        assertTrue(types.containsAll(List.of("create_artifact", "delete_artifact", "pull_artifact", "login_user", "create_project")), types.toString());
        ApiClient anonymous = ApiClient.anonymous(server);
        assertEquals(401, anonymous.get("/api/v2.0/auditlog-exts").status());
        assertEquals(401, anonymous.get("/api/v2.0/auditlog-exts/events").status());
        int hidden = anonymous.get("/api/v2.0/projects/" + project + "/auditlog-exts").status();
        assertTrue(hidden == 401 || hidden == 404, "a private project's trail is not for anonymous callers: " + hidden);
    }

    @Test
    void csvExportOfAFilteredRangeIsSpreadsheetSafe() {
        String formula = "=HYPERLINK(\"http://evil\")" + RegistryClient.uniqueName("x");
        ApiClient.anonymous(server).login(formula, "whatever").expect(401);
        trail.await("resource=" + formula, "login", "user");
        ApiClient.Response csv = admin.get("/api/v2.0/audit-logs/export?q=" + AuditTrail.encode("resource=" + formula + ",operation=login"));
        csv.expect(200);
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
        assertTrue(csv.header("Content-Disposition").contains("attachment"));
        String[] lines = csv.body().split("\r\n");
        assertEquals("id,op_time,username,operation,resource_type,resource,project_id,operation_result,"
                + "operation_description,client_ip,user_agent,request_id", lines[0]);
        assertEquals(2, lines.length, csv.body());
        assertTrue(lines[1].contains(",\"'=HYPERLINK(\"\"http://evil\"\")"), lines[1]);
        assertTrue(lines[1].contains(",false,"), lines[1]);
        assertEquals(400, admin.get("/api/v2.0/audit-logs/export?q=secret=1").status());
    }

    @Test
    void noSecretReachesTheTrail() {
        String password = "Secret-Pw-" + RegistryClient.uniqueName("p") + "-A1";
        String newPassword = "Other-Pw-" + RegistryClient.uniqueName("p") + "-A1";
        String robotSecret = "Robot-Secret-" + RegistryClient.uniqueName("s") + "-A1";
        String ldapPassword = "Ldap-Secret-" + RegistryClient.uniqueName("l");
        String username = RegistryClient.uniqueName("secretive");
        long userId = admin.createUser(username, password);
        admin.put("/api/v2.0/users/" + userId + "/password", "{\"new_password\":\"" + newPassword + "\"}").expect(200);
        ApiClient.anonymous(server).login(username, password).expect(401);
        String project = RegistryClient.uniqueName("secrets");
        admin.createProject(project, false);
        ApiClient.Response robot = admin.post("/api/v2.0/robots", RobotJson.project("s", project, "repository:pull").toString());
        long robotId = robot.expect(201).json().getJsonNumber("id").longValue();
        String generated = robot.json().getString("secret");
        admin.send("PATCH", "/api/v2.0/robots/" + robotId, "{\"secret\":\"" + robotSecret + "\"}").expect(200);
        admin.configure("{\"ldap_search_password\":\"" + ldapPassword + "\"}");
        try {
            trail.await("resource_type=configure", e -> e.getString("operation_description").contains("ldap_search_password"));
            trail.await("resource=" + username, e -> e.getString("operation_description").equals("password changed"));
            trail.await("resource_type=robot", e -> e.getString("operation_description").equals("secret refreshed"));
            String everything = admin.get("/api/v2.0/audit-logs/export").expect(200).body();
            for (String secret : List.of(password, newPassword, robotSecret, generated, ldapPassword)) {
                assertFalse(everything.contains(secret), "a secret reached the audit trail");
            }
        } finally {
            admin.configure("{\"ldap_search_password\":\"\"}");
        }
    }

    @Test
    void requestIdsOnRegistryAndTokenAnswers() {
        RegistryClient bare = RegistryClient.withoutCredentials(server);
        HttpResponse<byte[]> challenge = bare.send(bare.request("/v2/").GET().build());
        assertEquals(401, challenge.statusCode());
        assertTrue(challenge.headers().firstValue("X-Request-Id").isPresent(), "a refused /v2/ request has a request id");
        HttpResponse<byte[]> token = bare.sendAsIs(bare.request("/service/token?service=harbor-registry&scope=repository:library/x:pull")
                .header("X-Request-Id", "given-id-1").GET().build());
        assertEquals("given-id-1", token.headers().firstValue("X-Request-Id").orElse(null));
    }
}
