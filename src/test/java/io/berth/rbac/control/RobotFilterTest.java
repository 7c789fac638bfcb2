package io.berth.rbac.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.platform.api.ApiException;
import io.berth.platform.api.ListQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code q} and {@code sort} of the robot list, in Berth's and Harbor's spellings, on an allow-list. */
class RobotFilterTest {

    @Test
    void harborsConsoleQuery() {
        RobotFilter filter = RobotFilter.parse("Level=project,ProjectID=42", null);
        assertEquals("project", filter.level());
        assertEquals(42L, filter.projectId());
        assertNull(filter.name());
        RobotFilter same = RobotFilter.parse("level=project,project_id=42,name=~ci", "-name,creation_time");
        assertEquals(42L, same.projectId());
        assertEquals(new ListQuery.Fuzzy("ci"), same.name());
        assertEquals(List.of(new ListQuery.Order("name", true), new ListQuery.Order("creation_time", false)), same.sort());
        assertTrue(RobotFilter.parse(null, null).sort().isEmpty());
    }

    @Test
    void anythingElseIsABadRequest() {
        for (String q : List.of("secret_hash=~pbkdf2", "creator=admin", "Level=global", "ProjectID=abc", "ProjectID=-1",
                "Level=~project", "project_id=~4", "level=project,Level=project", "ProjectID=1,project_id=1",
                "level=system,project_id=3", "name=[a~b]", "ProjectID=1234567890123456789")) {
            assertThrows(ApiException.class, () -> RobotFilter.parse(q, null), q);
        }
        assertThrows(ApiException.class, () -> RobotFilter.parse(null, "secret_hash"));
    }
}
