package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Paging and Harbor's {@code q}/{@code sort} on the content lists: edges, every query form, and refusals. */
class ContentQueryIT {

    private static final DateTimeFormatter HARBOR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final BerthServer server = BerthServer.shared();
    private final ApiClient admin = ApiClient.admin(server);
    private final RegistryClient registry = new RegistryClient(server);

    @Test
    void pagingFollowsHarbor() {
        String project = RegistryClient.uniqueName("paging");
        admin.createProject(project, false);
        for (String name : List.of("a", "b", "c", "d", "e")) {
            registry.pushImage(project + "/" + name, "v1", project + name);
        }
        String repositories = "/api/v2.0/projects/" + project + "/repositories";

        ApiClient.Response middle = admin.get(repositories + "?page=2&page_size=2&sort=name").expect(200);
        assertEquals("5", middle.header("X-Total-Count"));
        assertEquals(List.of(project + "/c", project + "/d"), ContentApiIT.names(middle.array()));
        String link = middle.header("Link");
        assertTrue(link.contains("page=1") && link.contains("rel=\"prev\""), link);
        assertTrue(link.contains("page=3") && link.contains("rel=\"next\""), link);

        ApiClient.Response last = admin.get(repositories + "?page=3&page_size=2&sort=name").expect(200);
        assertEquals(1, last.array().size());
        assertFalse(last.header("Link").contains("next"));
        ApiClient.Response beyond = admin.get(repositories + "?page=9&page_size=2").expect(200);
        assertEquals(0, beyond.array().size());
        assertEquals("5", beyond.header("X-Total-Count"));
        assertNull(admin.get(repositories + "?page_size=100").expect(200).header("Link"));
        assertEquals(5, admin.get(repositories).expect(200).array().size(), "default page size 10");

        for (String bad : List.of("page=0", "page_size=0", "page_size=101", "page=-1", "page=x")) {
            assertEquals("BAD_REQUEST", admin.get(repositories + "?" + bad).expect(400).errorCode(), bad);
        }
        cleanUp(project);
    }

    @Test
    void queriesFilterAndSortByAllowedKeysOnly() {
        String project = RegistryClient.uniqueName("query");
        admin.createProject(project, false);
        Instant before = Instant.now().minusSeconds(2);
        RegistryClient.Image first = registry.pushImage(project + "/app", "one", project + "1");
        RegistryClient.Image second = registry.pushImage(project + "/app", "two", project + "2");
        RegistryClient.Image untagged = registry.pushImage(project + "/app", "three", project + "3");
        String artifacts = "/api/v2.0/projects/" + project + "/repositories/app/artifacts";
        admin.delete(artifacts + "/" + untagged.digest() + "/tags/three").expect(200);
        registry.pushImage(project + "/other", "v1", project + "other");

        assertEquals(List.of(untagged.digest()), digests(artifacts + "?q=" + q("tags=nil")));
        assertEquals(2, digests(artifacts + "?q=" + q("tags=*")).size());
        assertEquals(List.of(second.digest()), digests(artifacts + "?q=" + q("tags=~tw")));
        assertEquals(2, digests(artifacts + "?q=" + q("tags={one two}")).size());
        assertEquals(List.of(first.digest()), digests(artifacts + "?q=" + q("digest=" + first.digest())));
        String from = HARBOR_TIME.format(before);
        String to = HARBOR_TIME.format(Instant.now().plusSeconds(60));
        assertEquals(3, digests(artifacts + "?q=" + q("push_time=[" + from + "~" + to + "]")).size());
        assertEquals(0, digests(artifacts + "?q=" + q("push_time=[~" + HARBOR_TIME.format(before) + "]")).size());
        assertEquals(List.of(first.digest(), second.digest(), untagged.digest()), digests(artifacts + "?sort=push_time"));

        String repositories = "/api/v2.0/projects/" + project + "/repositories";
        assertEquals(List.of(project + "/app"), ContentApiIT.names(admin.get(repositories + "?q=" + q("name=~app")).expect(200).array()));
        assertEquals(List.of(project + "/other", project + "/app"),
                ContentApiIT.names(admin.get(repositories + "?sort=-name").expect(200).array()));
        assertEquals(List.of(project + "/app", project + "/other"),
                ContentApiIT.names(admin.get(repositories + "?q=" + q("name={" + project + "/app " + project + "/other}") + "&sort=name")
                        .expect(200).array()));

        // Keys outside the allow-list are refused, whatever the form (Harbor's CVE-2025-30086).
        for (String path : List.of(repositories + "?q=" + q("password=~a"), repositories + "?q=" + q("salt=[a~b]"),
                repositories + "?sort=password", artifacts + "?q=" + q("annotations=~x"), artifacts + "?sort=-project_id",
                "/api/v2.0/repositories?q=" + q("owner_id=1"), artifacts + "?q=" + q("push_time=[yesterday~today]"),
                artifacts + "?q=" + q("tags=(a b)"), artifacts + "?q=" + q("base=x"), artifacts + "?q=nonsense")) {
            ApiClient.Response refused = admin.get(path).expect(400);
            assertEquals("BAD_REQUEST", refused.errorCode(), path);
            assertTrue(refused.header("X-Request-Id") != null);
        }
        cleanUp(project);
    }

    private List<String> digests(String path) {
        return admin.get(path).expect(200).array().getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("digest")).toList();
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private void cleanUp(String project) {
        for (JsonObject r : admin.get("/api/v2.0/projects/" + project + "/repositories?page_size=100").expect(200)
                .array().getValuesAs(JsonObject.class)) {
            admin.delete("/api/v2.0/projects/" + project + "/repositories/" + r.getString("name").substring(project.length() + 1))
                    .expect(200);
        }
        admin.delete("/api/v2.0/projects/" + project).expect(200);
    }
}
