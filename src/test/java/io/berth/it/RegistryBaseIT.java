package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code GET /v2/}: the first thing every client asks. */
class RegistryBaseIT {

    private final RegistryClient registry = new RegistryClient(BerthServer.shared());

    @Test
    void apiVersionCheckAnswersWithTheDistributionHeader() {
        HttpResponse<byte[]> response = registry.get("/v2/");
        assertEquals(200, response.statusCode());
        assertEquals("registry/2.0", response.headers().firstValue("Docker-Distribution-API-Version").orElse(null));
        assertEquals("{}", RegistryClient.text(response));
    }
}
