package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code /api/v2.0/labels} and labels on artifacts: scopes, who may change them, filtering artifacts by label. */
class LabelsApiIT {

    private final BerthServer server = BerthServer.shared();
    private final ApiClient admin = ApiClient.admin(server);
    private final ApiClient anonymous = ApiClient.anonymous(server);
    private final RegistryClient registry = new RegistryClient(server);

    @Test
    void globalLabelsBelongToAdministratorsAndProjectLabelsToMaintainers() {
        ApiClient.TestUser maintainer = admin.newUser("lmaint");
        ApiClient.TestUser developer = admin.newUser("ldev");
        String project = RegistryClient.uniqueName("labels");
        long projectId = admin.createProject(project, false);
        admin.addMember(project, maintainer.id(), ApiClient.MAINTAINER);
        admin.addMember(project, developer.id(), ApiClient.DEVELOPER);

        String globalName = RegistryClient.uniqueName("release");
        long global = admin.post("/api/v2.0/labels", "{\"name\":\"" + globalName + "\",\"color\":\"#00ff00\",\"scope\":\"g\"}")
                .expect(201).locationId();
        assertEquals("CONFLICT", admin.post("/api/v2.0/labels", "{\"name\":\"" + globalName + "\",\"scope\":\"g\"}").expect(409).errorCode());
        assertEquals("FORBIDDEN", maintainer.client().post("/api/v2.0/labels", "{\"name\":\"mine\",\"scope\":\"g\"}").expect(403).errorCode());
        assertEquals("UNAUTHORIZED", anonymous.get("/api/v2.0/labels?scope=g").expect(401).errorCode());
        JsonObject label = developer.client().get("/api/v2.0/labels/" + global).expect(200).json();
        assertTrue(label.keySet().containsAll(Set.of("id", "name", "description", "color", "scope", "project_id",
                "creation_time", "update_time")), label.keySet().toString());
        assertEquals("g", label.getString("scope"));
        assertEquals(0, label.getInt("project_id"));

        long projectLabel = maintainer.client().post("/api/v2.0/labels",
                "{\"name\":\"qa\",\"scope\":\"p\",\"project_id\":" + projectId + "}").expect(201).locationId();
        developer.client().post("/api/v2.0/labels", "{\"name\":\"dev\",\"scope\":\"p\",\"project_id\":" + projectId + "}").expect(403);
        maintainer.client().put("/api/v2.0/labels/" + projectLabel, "{\"description\":\"passed QA\"}").expect(200);
        ApiClient.Response listed = developer.client().get("/api/v2.0/labels?scope=p&project_id=" + projectId).expect(200);
        assertEquals("1", listed.header("X-Total-Count"));
        assertEquals("passed QA", listed.array().getJsonObject(0).getString("description"));
        ApiClient.TestUser stranger = admin.newUser("lstranger");
        stranger.client().get("/api/v2.0/labels/" + projectLabel).expect(404);
        stranger.client().get("/api/v2.0/labels?scope=p&project_id=" + projectId).expect(404);
        assertEquals("BAD_REQUEST", admin.get("/api/v2.0/labels?scope=x").expect(400).errorCode());

        RegistryClient.Image image = registry.pushImage(project + "/app", "v1", project);
        registry.pushImage(project + "/app", "v2", project + "2");
        String artifacts = "/api/v2.0/projects/" + project + "/repositories/app/artifacts";
        developer.client().post(artifacts + "/v1/labels", "{\"id\":" + global + "}").expect(200);
        developer.client().post(artifacts + "/v1/labels", "{\"id\":" + projectLabel + "}").expect(200);
        assertEquals("CONFLICT", developer.client().post(artifacts + "/v1/labels", "{\"id\":" + global + "}").expect(409).errorCode());
        ApiClient.TestUser guest = admin.newUser("lguest");
        admin.addMember(project, guest.id(), ApiClient.GUEST);
        guest.client().post(artifacts + "/v2/labels", "{\"id\":" + global + "}").expect(403);

        JsonObject withLabels = developer.client().get(artifacts + "/v1?with_label=true").expect(200).json();
        assertEquals(Set.of(globalName, "qa"), Set.copyOf(ContentApiIT.names(withLabels.getJsonArray("labels"))));
        List<JsonObject> labelled = developer.client().get(artifacts + "?q=labels%3D(" + global + "%20" + projectLabel + ")")
                .expect(200).array().getValuesAs(JsonObject.class);
        assertEquals(List.of(image.digest()), labelled.stream().map(a -> a.getString("digest")).toList());

        developer.client().delete(artifacts + "/v1/labels/" + projectLabel).expect(200);
        developer.client().delete(artifacts + "/v1/labels/" + projectLabel).expect(404);
        admin.delete("/api/v2.0/labels/" + global).expect(200);
        assertEquals(List.of(), developer.client().get(artifacts + "/v1?with_label=true").expect(200).json()
                .getJsonArray("labels").getValuesAs(JsonObject.class));

        admin.delete("/api/v2.0/projects/" + project + "/repositories/app").expect(200);
        admin.delete("/api/v2.0/projects/" + project).expect(200);
    }
}
