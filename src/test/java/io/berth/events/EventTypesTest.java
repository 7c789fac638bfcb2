package io.berth.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** The published event types are made of the operations and resource types entries really carry. */
class EventTypesTest {

    @Test
    void everyTypeIsAnOperationOnAResourceType() {
        for (String type : EventTypes.ALL) {
            boolean known = false;
            for (Operation operation : Operation.values()) {
                for (ResourceType resource : ResourceType.values()) {
                    known |= AuditEvent.of(operation, resource, "x").eventType().equals(type);
                }
            }
            assertTrue(known, type);
        }
        assertEquals(EventTypes.ALL.size(), new HashSet<>(EventTypes.ALL).size(), "no type twice");
    }

    @Test
    void aListIsStoredCleanAndAnUnknownTypeIsNamed() {
        assertEquals("pull_artifact,delete_tag", EventTypes.checkList("k", " Pull_Artifact ,delete_tag,,pull_artifact"));
        assertEquals("", EventTypes.checkList("k", " , "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EventTypes.checkList("k", "pull_artifact,steal_secrets"));
        assertTrue(e.getMessage().contains("steal_secrets"), e.getMessage());
    }
}
