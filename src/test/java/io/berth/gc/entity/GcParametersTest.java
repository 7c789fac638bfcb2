package io.berth.gc.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class GcParametersTest {

    @Test
    void harborsParametersWithTheirDefaults() {
        assertEquals(new GcParameters(false, false, 1), GcParameters.of(json("{}")));
        assertEquals(new GcParameters(true, true, 4), GcParameters.of(json("{\"dry_run\":true,\"delete_untagged\":true,\"workers\":4}")));
        assertEquals(new GcParameters(true, false, 2), GcParameters.of(json("{\"dry_run\":\"true\",\"workers\":\"2\"}")));
        assertEquals(GcParameters.defaults(), GcParameters.of(null));
    }

    @Test
    void refusesWrongValues() {
        assertThrows(IllegalArgumentException.class, () -> GcParameters.of(json("{\"workers\":0}")));
        assertThrows(IllegalArgumentException.class, () -> GcParameters.of(json("{\"workers\":11}")));
        assertThrows(IllegalArgumentException.class, () -> GcParameters.of(json("{\"workers\":1.5}")));
        assertThrows(IllegalArgumentException.class, () -> GcParameters.of(json("{\"dry_run\":1}")));
        assertThrows(IllegalArgumentException.class, () -> GcParameters.of(json("{\"purge\":true}")));
    }

    @Test
    void roundTripsThroughJson() {
        GcParameters parameters = new GcParameters(true, true, 7);
        assertEquals(parameters, GcParameters.of(parameters.toJson()));
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
