package io.berth.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.events.Operation;
import io.berth.events.ResourceType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PurgeParametersTest {

    @Test
    void readsHarborsParametersAndWritesThemBack() {
        PurgeParameters p = PurgeParameters.parse(
                "{\"audit_retention_hour\":\"168\",\"include_event_types\":\"create_artifact, pull, create_project_member\",\"dry_run\":\"true\"}");
        assertEquals(168, p.retentionHours());
        assertTrue(p.dryRun());
        assertEquals(List.of(new PurgeParameters.EventType(Operation.CREATE, ResourceType.ARTIFACT),
                new PurgeParameters.EventType(Operation.PULL, null),
                new PurgeParameters.EventType(Operation.CREATE, ResourceType.MEMBER)), p.eventTypes());
        assertEquals(p, PurgeParameters.parse(p.toJson()));
    }

    @Test
    void refusesWhatHarborWouldNot() {
        for (String json : List.of("{\"audit_retention_hour\":240001}", "{\"audit_retention_hour\":-2}",
                "{\"audit_retention_hour\":\"x\"}", "{\"audit_retention_hour\":1,\"include_event_types\":\"hack_artifact\"}",
                "{\"audit_retention_hour\":1,\"include_event_types\":\"create_galaxy\"}", "{\"audit_retention_hour\":1,\"dry_run\":\"maybe\"}",
                "{\"audit_retention_hour\":1,\"other\":1}")) {
            assertThrows(IllegalArgumentException.class, () -> PurgeParameters.parse(json), json);
        }
    }
}
