package io.berth.it;

import static io.berth.it.RegistryClient.OCI_INDEX;
import static io.berth.it.RegistryClient.OCI_MANIFEST;
import static io.berth.it.RegistryClient.platformDescriptor;
import static io.berth.it.RegistryClient.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Harbor's repository, artifact and tag API ({@code /api/v2.0/projects/{p}/repositories/...}) against content pushed
 * over {@code /v2/}: the field names of Harbor's swagger, double-encoded names, index children and accessories, and
 * what each role may do.
 */
class ContentApiIT {

    private static final Set<String> REPOSITORY_FIELDS = Set.of("id", "project_id", "name", "description",
            "artifact_count", "pull_count", "creation_time", "update_time");
    private static final Set<String> ARTIFACT_FIELDS = Set.of("id", "type", "media_type", "manifest_media_type",
            "project_id", "repository_id", "repository_name", "digest", "size", "push_time", "extra_attrs", "tags");
    private static final Set<String> TAG_FIELDS = Set.of("id", "repository_id", "artifact_id", "name", "push_time", "immutable");

    private final BerthServer server = BerthServer.shared();
    private final ApiClient admin = ApiClient.admin(server);
    private final ApiClient anonymous = ApiClient.anonymous(server);
    private final RegistryClient registry = new RegistryClient(server);

    @Test
    void repositoriesShowHarborsFieldsAndNestedNamesAreEncodedTwice() {
        String project = RegistryClient.uniqueName("repos");
        admin.createProject(project, false);
        RegistryClient.Image image = registry.pushImage(project + "/tools/cli", "v1", project);
        registry.pushImage(project + "/app", "v1", project + "app");

        ApiClient.Response list = admin.get("/api/v2.0/projects/" + project + "/repositories").expect(200);
        assertEquals("2", list.header("X-Total-Count"));
        assertNotNull(list.header("X-Request-Id"));
        JsonObject cli = list.array().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("name").equals(project + "/tools/cli")).findFirst().orElseThrow();
        assertTrue(cli.keySet().containsAll(REPOSITORY_FIELDS), cli.keySet().toString());
        assertEquals(1, cli.getInt("artifact_count"));

        String path = "/api/v2.0/projects/" + project + "/repositories/tools%252Fcli";
        assertEquals(project + "/tools/cli", admin.get(path).expect(200).json().getString("name"));
        admin.put(path, "{\"description\":\"the command line\"}").expect(200);
        assertEquals("the command line", admin.get(path).expect(200).json().getString("description"));

        JsonObject artifact = admin.get(path + "/artifacts/v1").expect(200).json();
        assertEquals(image.digest(), artifact.getString("digest"));

        Set<String> all = admin.get("/api/v2.0/repositories?page_size=100&q=name%3D~" + project).expect(200).array()
                .getValuesAs(JsonObject.class).stream().map(r -> r.getString("name")).collect(java.util.stream.Collectors.toSet());
        assertEquals(Set.of(project + "/tools/cli", project + "/app"), all);

        admin.delete(path).expect(200);
        assertEquals("NOT_FOUND", admin.get(path).expect(404).errorCode());
        assertEquals(404, registry.get("/v2/" + project + "/tools/cli/manifests/v1").statusCode());
        admin.delete("/api/v2.0/projects/" + project + "/repositories/app").expect(200);
        admin.delete("/api/v2.0/projects/" + project).expect(200);
    }

    @Test
    void rolesDecideWhoMayReadChangeAndDelete() {
        ApiClient.TestUser owner = admin.newUser("cowner");
        ApiClient.TestUser limited = admin.newUser("climited");
        ApiClient.TestUser guest = admin.newUser("cguest");
        ApiClient.TestUser developer = admin.newUser("cdev");
        ApiClient.TestUser maintainer = admin.newUser("cmaint");
        ApiClient.TestUser stranger = admin.newUser("cstranger");
        String project = RegistryClient.uniqueName("roles");
        owner.client().createProject(project, false);
        owner.client().addMember(project, limited.id(), ApiClient.LIMITED_GUEST);
        owner.client().addMember(project, guest.id(), ApiClient.GUEST);
        owner.client().addMember(project, developer.id(), ApiClient.DEVELOPER);
        owner.client().addMember(project, maintainer.id(), ApiClient.MAINTAINER);
        registry.pushImage(project + "/app", "v1", project);
        String repo = "/api/v2.0/projects/" + project + "/repositories/app";

        // Invisible: 404 exactly like a missing project, for anonymous and strangers alike.
        assertEquals("NOT_FOUND", anonymous.get(repo).expect(404).errorCode());
        stranger.client().get(repo).expect(404);
        stranger.client().get(repo + "/artifacts").expect(404);
        stranger.client().get("/api/v2.0/projects/" + project + "/repositories").expect(404);
        assertFalse(stranger.client().get("/api/v2.0/repositories?page_size=100").expect(200).body().contains(project));

        limited.client().get(repo + "/artifacts").expect(200);
        limited.client().get(repo + "/artifacts/v1/tags").expect(200);
        assertEquals("FORBIDDEN", limited.client().get(repo).expect(403).errorCode());
        guest.client().get(repo).expect(200);
        guest.client().put(repo, "{\"description\":\"x\"}").expect(403);
        guest.client().post(repo + "/artifacts/v1/tags", "{\"name\":\"guest\"}").expect(403);
        developer.client().put(repo, "{\"description\":\"by a developer\"}").expect(200);
        developer.client().post(repo + "/artifacts/v1/tags", "{\"name\":\"dev\"}").expect(201);
        developer.client().delete(repo + "/artifacts/v1/tags/dev").expect(403);
        developer.client().delete(repo + "/artifacts/v1").expect(403);
        developer.client().delete(repo).expect(403);
        maintainer.client().delete(repo + "/artifacts/v1/tags/dev").expect(200);
        maintainer.client().delete(repo).expect(200);
        owner.client().delete("/api/v2.0/projects/" + project).expect(200);
    }

    @Test
    void artifactsCarryTagsExtraAttributesReferencesAndAccessories() {
        String project = RegistryClient.uniqueName("arts");
        admin.createProject(project, true);
        String repository = project + "/multi";
        RegistryClient.Image amd = registry.pushImage(repository, "amd64", "amd " + project);
        RegistryClient.Image arm = registry.pushImage(repository, "arm64", "arm " + project);
        byte[] index = utf8("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":["
                + platformDescriptor(OCI_MANIFEST, amd.digest(), amd.manifest().length, "linux", "amd64") + ","
                + platformDescriptor(OCI_MANIFEST, arm.digest(), arm.manifest().length, "linux", "arm64") + "]}");
        String indexDigest = registry.pushManifest(repository, "latest", OCI_INDEX, index);
        byte[] signature = utf8("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\","
                + "\"artifactType\":\"application/vnd.dev.cosign.artifact.sig.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":\"" + RegistryClient.EMPTY_JSON_DIGEST
                + "\",\"size\":2},\"layers\":[],\"subject\":{\"mediaType\":\"" + OCI_MANIFEST + "\",\"digest\":\""
                + amd.digest() + "\",\"size\":" + amd.manifest().length + "}}");
        registry.pushBlob(repository, RegistryClient.EMPTY_JSON);
        String signatureDigest = registry.pushManifest(repository, RegistryClient.sha256(signature), OCI_MANIFEST, signature);
        registry.pushImage(repository, "unrelated", "other " + project);

        String artifacts = "/api/v2.0/projects/" + project + "/repositories/multi/artifacts";
        ApiClient.Response list = anonymous.get(artifacts + "?with_accessory=true").expect(200);
        assertEquals("2", list.header("X-Total-Count"), "index children and accessories are not top-level: " + list.body());
        JsonObject top = list.array().getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("digest").equals(indexDigest)).findFirst().orElseThrow();
        assertTrue(top.keySet().containsAll(ARTIFACT_FIELDS), top.keySet().toString());
        assertEquals("IMAGE", top.getString("type"));
        assertEquals(OCI_INDEX, top.getString("manifest_media_type"));
        assertEquals(List.of("latest"), names(top.getJsonArray("tags")));
        JsonArray references = top.getJsonArray("references");
        assertEquals(2, references.size());
        JsonObject first = references.getJsonObject(0);
        assertEquals(amd.digest(), first.getString("child_digest"));
        assertEquals("amd64", first.getJsonObject("platform").getString("architecture"));
        assertEquals(top.getJsonNumber("id").longValue(), first.getJsonNumber("parent_id").longValue());
        JsonObject tag = top.getJsonArray("tags").getJsonObject(0);
        assertTrue(tag.keySet().containsAll(TAG_FIELDS), tag.keySet().toString());

        assertEquals("5", anonymous.get(artifacts + "?q=base%3D*").expect(200).header("X-Total-Count"));

        JsonObject child = anonymous.get(artifacts + "/" + amd.digest() + "?with_accessory=true").expect(200).json();
        assertEquals("amd64", child.getJsonObject("extra_attrs").getString("architecture"));
        assertEquals("linux", child.getJsonObject("extra_attrs").getString("os"));
        assertEquals(List.of("amd64"), names(child.getJsonArray("tags")));
        assertTrue(child.getJsonNumber("size").longValue() > amd.manifest().length, "size adds config and layers");
        JsonArray accessories = child.getJsonArray("accessories");
        assertEquals(1, accessories.size());
        assertEquals(signatureDigest, accessories.getJsonObject(0).getString("digest"));
        assertEquals("signature.cosign", accessories.getJsonObject(0).getString("type"));
        assertEquals(amd.digest(), accessories.getJsonObject(0).getString("subject_artifact_digest"));
        ApiClient.Response listed = anonymous.get(artifacts + "/amd64/accessories").expect(200);
        assertEquals("1", listed.header("X-Total-Count"));

        assertEquals("PRECONDITION", admin.delete(artifacts + "/" + amd.digest()).expect(412).errorCode());
        admin.delete(artifacts + "/unrelated").expect(200);
        assertEquals(404, admin.get(artifacts + "/unrelated").status());
        admin.delete("/api/v2.0/projects/" + project + "/repositories/multi").expect(200);
        admin.delete("/api/v2.0/projects/" + project).expect(200);
    }

    @Test
    void tagsAreCreatedListedAndDeletedUnderTheirArtifact() {
        String project = RegistryClient.uniqueName("tags");
        admin.createProject(project, false);
        RegistryClient.Image image = registry.pushImage(project + "/app", "v1", project);
        RegistryClient.Image other = registry.pushImage(project + "/app", "other", project + "other");
        String tags = "/api/v2.0/projects/" + project + "/repositories/app/artifacts/" + image.digest() + "/tags";

        admin.post(tags, "{\"name\":\"v2\"}").expect(201);
        admin.post(tags, "{\"name\":\"v3\"}").expect(201);
        assertEquals("CONFLICT", admin.post(tags, "{\"name\":\"other\"}").expect(409).errorCode());
        assertEquals("BAD_REQUEST", admin.post(tags, "{\"name\":\"no spaces\"}").expect(400).errorCode());

        ApiClient.Response page = admin.get(tags + "?page=2&page_size=2").expect(200);
        assertEquals("3", page.header("X-Total-Count"));
        assertEquals(List.of("v3"), names(page.array()));
        assertTrue(page.header("Link").contains("rel=\"prev\""));
        assertEquals(List.of("v3", "v2", "v1"), names(admin.get(tags + "?sort=-name").expect(200).array()));
        assertEquals(List.of("v2"), names(admin.get(tags + "?q=name%3D~2").expect(200).array()));

        assertEquals(image.digest(), RegistryClient.sha256(registry.get("/v2/" + project + "/app/manifests/v2").body()));
        admin.delete(tags + "/other").expect(404);
        admin.delete(tags + "/v2").expect(200);
        assertEquals(404, registry.get("/v2/" + project + "/app/manifests/v2").statusCode());
        assertEquals(other.digest(), admin.get("/api/v2.0/projects/" + project + "/repositories/app/artifacts/other")
                .expect(200).json().getString("digest"));
        admin.delete("/api/v2.0/projects/" + project + "/repositories/app").expect(200);
        admin.delete("/api/v2.0/projects/" + project).expect(200);
    }

    @Test
    void copyNeedsPullOnTheSourceAndPushOnTheTargetAndMovesNoBytes() {
        ApiClient.TestUser user = admin.newUser("copier");
        String source = RegistryClient.uniqueName("src");
        String target = RegistryClient.uniqueName("dst");
        String hidden = RegistryClient.uniqueName("hidden");
        admin.createProject(source, false);
        admin.createProject(hidden, false);
        user.client().createProject(target, false);
        admin.addMember(source, user.id(), ApiClient.GUEST);
        RegistryClient.Image image = registry.pushImage(source + "/app", "v1", source);
        registry.pushImage(hidden + "/app", "v1", hidden);

        String copies = "/api/v2.0/projects/" + target + "/repositories/copied/artifacts";
        ApiClient.Response copied = user.client().post(copies + "?from=" + source + "/app:v1", null).expect(201);
        assertTrue(copied.header("Location").endsWith("/artifacts/" + image.digest()), copied.header("Location"));
        JsonObject artifact = user.client().get(copies + "/v1").expect(200).json();
        assertEquals(image.digest(), artifact.getString("digest"));
        // The target project can now serve the blobs over /v2/.
        assertEquals(200, registry.get("/v2/" + target + "/copied/blobs/" + image.layerDigest()).statusCode());

        assertEquals("NOT_FOUND", user.client().post(copies + "?from=" + hidden + "/app:v1", null).expect(404).errorCode());
        assertEquals("BAD_REQUEST", user.client().post(copies + "?from=nonsense", null).expect(400).errorCode());
        // A guest of the source may pull but not push into it.
        user.client().post("/api/v2.0/projects/" + source + "/repositories/again/artifacts?from=" + source + "/app@" + image.digest(), null)
                .expect(403);

        for (String p : List.of(source, target, hidden)) {
            for (JsonObject r : admin.get("/api/v2.0/projects/" + p + "/repositories").expect(200).array().getValuesAs(JsonObject.class)) {
                admin.delete("/api/v2.0/projects/" + p + "/repositories/" + r.getString("name").substring(p.length() + 1)
                        .replace("/", "%252F")).expect(200);
            }
            admin.delete("/api/v2.0/projects/" + p).expect(200);
        }
    }

    static List<String> names(JsonArray array) {
        return array.getValuesAs(JsonObject.class).stream().map(o -> o.getString("name")).toList();
    }

    static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
