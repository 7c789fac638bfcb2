package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code /openapi} as a client generator reads it: Harbor's operationIds on Harbor's paths, each id once, every
 * operation tagged and summarised, OpenAPI path templates (no JAX-RS expressions) under a relative server.
 */
class OpenApiIT {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "head", "patch", "options", "trace");

    private final BerthServer server = BerthServer.shared();
    private final ApiClient anonymous = ApiClient.anonymous(server);
    private final ApiClient admin = ApiClient.admin(server);

    /** One operation of the document: where it is and how it is described. */
    private record Documented(String method, String path, JsonObject operation) {
    }

    @Test
    void documentsHarborOperationsUnderHarborIds() {
        JsonObject document = anonymous.with("Accept", "application/json").get("/openapi").expect(200).json();
        assertEquals("Berth", document.getJsonObject("info").getString("title"));
        assertEquals("/", document.getJsonArray("servers").getJsonObject(0).getString("url"));

        Map<String, Documented> byId = operationsById(document);
        assertDocumented(byId, "listProjects", "GET", "/api/v2.0/projects");
        assertDocumented(byId, "headProject", "HEAD", "/api/v2.0/projects");
        assertDocumented(byId, "getArtifact", "GET", "/api/v2.0/projects/{project_name}/repositories/{repository_name}/artifacts/{reference}");
        assertDocumented(byId, "listAuditLogs", "GET", "/api/v2.0/audit-logs");
        assertDocumented(byId, "createGCSchedule", "POST", "/api/v2.0/system/gc/schedule");
        assertDocumented(byId, "getGC", "GET", "/api/v2.0/system/gc/{gc_id}");
        assertDocumented(byId, "RefreshSec", "PATCH", "/api/v2.0/robots/{robot_id}");
        assertDocumented(byId, "getPurgeJobLog", "GET", "/api/v2.0/system/purgeaudit/{purge_id}/log");
        assertDocumented(byId, "getManifest", "GET", "/v2/{name}/manifests/{reference}");
        assertDocumented(byId, "listRegistryTags", "GET", "/v2/{name}/tags/list");
        assertDocumented(byId, "completeBlobUpload", "PUT", "/v2/{name}/blobs/uploads/{uuid}");
        assertDocumented(byId, "getToken", "GET", "/service/token");
        assertEquals(List.of("project"), tags(byId.get("listProjects")));
        assertEquals(List.of("artifact"), tags(byId.get("getArtifact")));
        assertEquals(List.of("gc"), tags(byId.get("createGCSchedule")));
        assertEquals(List.of("oci"), tags(byId.get("getManifest")));
        assertEquals(List.of("token"), tags(byId.get("getToken")));

        JsonObject q = byId.get("listProjects").operation().getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("name").equals("q")).findFirst().orElseThrow();
        assertTrue(q.getString("description").contains("fuzzy match(k=~v)"), q.toString());

        // A client that resolves a documented path against the documented server reaches the operation.
        String listProjects = document.getJsonArray("servers").getJsonObject(0).getString("url").replaceAll("/$", "")
                + byId.get("listProjects").path();
        assertEquals(200, admin.get(listProjects).status());
    }

    @Test
    void everyOperationHasAUniqueIdATagAndASummary() {
        JsonObject document = anonymous.get("/openapi?format=JSON").expect(200).json();
        Map<String, List<String>> where = new HashMap<>();
        List<String> undocumented = new ArrayList<>();
        for (Documented d : operations(document)) {
            String at = d.method() + " " + d.path();
            assertTrue(d.path().startsWith("/api/v2.0/") || d.path().startsWith("/v2") || d.path().equals("/service/token"),
                    "only the public APIs are documented: " + at);
            assertFalse(d.path().contains(":") || d.path().contains("$"), "OpenAPI path templates, not JAX-RS ones: " + at);
            if (!d.operation().containsKey("operationId") || tags(d).isEmpty() || !d.operation().containsKey("summary")) {
                undocumented.add(at);
            } else {
                where.computeIfAbsent(d.operation().getString("operationId"), id -> new ArrayList<>()).add(at);
            }
        }
        assertEquals(List.of(), undocumented, "operations without operationId, tag or summary");
        Map<String, List<String>> duplicates = new HashMap<>(where);
        duplicates.values().removeIf(places -> places.size() == 1);
        assertEquals(Map.of(), duplicates, "operationIds used more than once");
        assertTrue(where.size() > 100, "every operation of Berth: " + where.size());

        List<String> tagNames = document.getJsonArray("tags").getValuesAs(JsonObject.class).stream().map(t -> t.getString("name")).toList();
        assertEquals(Set.copyOf(tagNames).size(), tagNames.size(), "tag names are unique: " + tagNames);
    }

    private static void assertDocumented(Map<String, Documented> byId, String operationId, String method, String path) {
        Documented d = byId.get(operationId);
        assertTrue(d != null, operationId + " is not documented");
        assertEquals(method + " " + path, d.method() + " " + d.path(), operationId);
    }

    private static List<String> tags(Documented d) {
        return d.operation().containsKey("tags")
                ? d.operation().getJsonArray("tags").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                : List.of();
    }

    private static Map<String, Documented> operationsById(JsonObject document) {
        Map<String, Documented> byId = new HashMap<>();
        for (Documented d : operations(document)) {
            if (d.operation().containsKey("operationId")) {
                byId.put(d.operation().getString("operationId"), d);
            }
        }
        return byId;
    }

    private static List<Documented> operations(JsonObject document) {
        List<Documented> all = new ArrayList<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
            if (METHODS.contains(method) && operation.getValueType() == JsonValue.ValueType.OBJECT) {
                all.add(new Documented(method.toUpperCase(), path, operation.asJsonObject()));
            }
        }));
        return all;
    }
}
