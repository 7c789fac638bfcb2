package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Search, statistics, system information, health, ping and pull statistics of the Harbor API. */
class SystemApiIT {

    private final BerthServer server = BerthServer.shared();
    private final ApiClient admin = ApiClient.admin(server);
    private final ApiClient anonymous = ApiClient.anonymous(server);
    private final RegistryClient registry = new RegistryClient(server);

    @Test
    void searchShowsWhatTheCallerMaySee() {
        String tag = RegistryClient.uniqueName("needle");
        String publicProject = tag + "-pub";
        String privateProject = tag + "-priv";
        admin.createProject(publicProject, true);
        admin.createProject(privateProject, false);
        registry.pushImage(publicProject + "/app", "v1", publicProject);
        registry.pushImage(privateProject + "/app", "v1", privateProject);

        JsonObject asAnonymous = anonymous.get("/api/v2.0/search?q=" + tag).expect(200).json();
        assertEquals(Set.of(publicProject), ContentApiIT.names(asAnonymous.getJsonArray("project")).stream().collect(Collectors.toSet()));
        JsonObject repository = asAnonymous.getJsonArray("repository").getJsonObject(0);
        assertEquals(publicProject + "/app", repository.getString("repository_name"));
        assertTrue(repository.keySet().containsAll(Set.of("project_id", "project_name", "project_public", "repository_name",
                "pull_count", "artifact_count")), repository.keySet().toString());
        assertEquals(1, asAnonymous.getJsonArray("repository").size());
        JsonObject asAdmin = admin.get("/api/v2.0/search?q=" + tag).expect(200).json();
        assertEquals(2, asAdmin.getJsonArray("project").size());
        assertEquals(2, asAdmin.getJsonArray("repository").size());

        assertEquals("UNAUTHORIZED", anonymous.get("/api/v2.0/statistics").expect(401).errorCode());
        JsonObject statistics = admin.get("/api/v2.0/statistics").expect(200).json();
        assertTrue(statistics.keySet().containsAll(Set.of("private_project_count", "private_repo_count", "public_project_count",
                "public_repo_count", "total_project_count", "total_repo_count", "total_storage_consumption")), statistics.toString());
        assertTrue(statistics.getJsonNumber("total_storage_consumption").longValue() > 0);
        ApiClient.TestUser user = admin.newUser("stats");
        JsonObject mine = user.client().get("/api/v2.0/statistics").expect(200).json();
        assertFalse(mine.containsKey("total_storage_consumption"));
        assertTrue(mine.getInt("private_project_count") < statistics.getInt("private_project_count"));

        for (String p : new String[] {publicProject, privateProject}) {
            admin.delete("/api/v2.0/projects/" + p + "/repositories/app").expect(200);
            admin.delete("/api/v2.0/projects/" + p).expect(200);
        }
    }

    @Test
    void systemInfoHealthAndPing() {
        JsonObject open = anonymous.get("/api/v2.0/systeminfo").expect(200).json();
        assertEquals("db_auth", open.getString("auth_mode"));
        assertTrue(open.containsKey("self_registration"));
        assertFalse(open.containsKey("harbor_version"), "versions are for signed-in callers: " + open);
        JsonObject full = admin.get("/api/v2.0/systeminfo").expect(200).json();
        assertTrue(full.getString("harbor_version").startsWith("v2."));
        assertEquals("everyone", full.getString("project_creation_restriction"));
        assertNotNull(full.getString("external_url"));

        JsonObject disk = admin.get("/api/v2.0/systeminfo/volumes").expect(200).json().getJsonArray("storage").getJsonObject(0);
        assertTrue(disk.getJsonNumber("total").longValue() >= disk.getJsonNumber("free").longValue(), disk.toString());
        assertTrue(disk.getJsonNumber("free").longValue() > 0, disk.toString());
        assertEquals(401, anonymous.get("/api/v2.0/systeminfo/volumes").status());
        assertEquals("FORBIDDEN", admin.newUser("volumes").client().get("/api/v2.0/systeminfo/volumes").expect(403).errorCode());
        assertEquals("NOT_FOUND", anonymous.get("/api/v2.0/systeminfo/getcert").expect(404).errorCode());

        ApiClient.Response health = anonymous.get("/api/v2.0/health").expect(200);
        assertNotNull(health.header("X-Request-Id"));
        assertEquals("healthy", health.json().getString("status"));
        assertEquals(Set.of("core", "database", "registry"), health.json().getJsonArray("components").getValuesAs(JsonObject.class)
                .stream().map(c -> c.getString("name")).collect(Collectors.toSet()));
        ApiClient.Response ping = anonymous.get("/api/v2.0/ping").expect(200);
        assertEquals("Pong", ping.body());

        // MicroProfile OpenAPI documents what Berth serves, the Harbor API included.
        ApiClient.Response openapi = anonymous.get("/openapi").expect(200);
        assertTrue(openapi.body().contains("/repositories"), openapi.body().substring(0, Math.min(300, openapi.body().length())));
    }

    @Test
    void pullsShowAtOnceAndStayCountedOnceAcrossFlushes() throws InterruptedException {
        String repository = RegistryClient.uniqueRepository("pulled");
        RegistryClient.Image image = registry.pushImage(repository, "v1", repository);
        String path = "/api/v2.0/projects/library/repositories/" + repository.substring("library/".length());
        JsonObject unpulled = admin.get(path + "/artifacts/v1").expect(200).json();
        assertFalse(unpulled.containsKey("pull_time"), unpulled.toString());
        registry.get("/v2/" + repository + "/manifests/v1");
        registry.get("/v2/" + repository + "/manifests/" + image.digest());
        registry.head("/v2/" + repository + "/manifests/v1");

        // At once: pulls are batched in memory, and views add what this node has not flushed yet.
        assertEquals(2, admin.get(path).expect(200).json().getJsonNumber("pull_count").longValue(),
                "two GETs are two pulls; a HEAD is none");
        JsonObject artifact = admin.get(path + "/artifacts/v1").expect(200).json();
        assertTrue(artifact.containsKey("pull_time"), artifact.toString());
        assertTrue(artifact.getJsonArray("tags").getJsonObject(0).containsKey("pull_time"));
        assertEquals(2, pullCountListed(repository));

        // Across the next flush (every five seconds) the figure neither doubles nor drops.
        Instant until = Instant.now().plus(Duration.ofSeconds(6));
        while (Instant.now().isBefore(until)) {
            assertEquals(2, admin.get(path).expect(200).json().getJsonNumber("pull_count").longValue());
            Thread.sleep(200); // paces the reads over a flush interval; nothing is awaited
        }
        admin.delete(path).expect(200);
    }

    private long pullCountListed(String repository) {
        return admin.get("/api/v2.0/repositories?q=name%3D" + repository).expect(200).array().getValuesAs(JsonObject.class)
                .stream().filter(r -> r.getString("name").equals(repository)).findFirst().orElseThrow()
                .getJsonNumber("pull_count").longValue();
    }
}
