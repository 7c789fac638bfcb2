package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code /health/ready}: what a load balancer asks before sending traffic to a node. */
class HealthIT {

    private final RegistryClient client = new RegistryClient(BerthServer.shared());

    @Test
    void readinessReportsTheDatabaseAndTheStore() {
        HttpResponse<byte[]> response = client.get("/health/ready");
        assertEquals(200, response.statusCode());
        JsonObject body = Json.createReader(new StringReader(RegistryClient.text(response))).readObject();
        assertEquals("UP", body.getString("status"));
        JsonObject check = body.getJsonArray("checks").getJsonObject(0);
        assertEquals("berth", check.getString("name"));
        assertEquals("UP", check.getJsonObject("data").getString("database"));
        assertEquals("UP", check.getJsonObject("data").getString("storage"));
        assertTrue(check.getJsonObject("data").containsKey("storage_driver"));
    }
}
