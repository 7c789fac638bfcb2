package io.berth.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.platform.api.ApiException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditFilterTest {

    @Test
    void readsHarborsForms() {
        AuditFilter f = AuditFilter.parse("operation={create delete},resource=~lib/app,username=admin,"
                + "op_time=[2024-01-01 00:00:00~2024-01-31 23:59:59]", "-op_time,username");
        assertEquals(new AuditFilter.AnyOf(List.of("create", "delete")), f.terms().get("operation"));
        assertEquals(new AuditFilter.Contains("lib/app"), f.terms().get("resource"));
        assertEquals(new AuditFilter.Exact("admin"), f.terms().get("username"));
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), f.from());
        assertEquals(Instant.parse("2024-01-31T23:59:59.999Z"), f.to());
        assertEquals(List.of(new AuditFilter.Order("op_time", true), new AuditFilter.Order("username", false)), f.sort());
    }

    @Test
    void openRangesIsoInstantsAndDays() {
        AuditFilter f = AuditFilter.parse("op_time=[2024-02-01T10:00:00Z~]", null);
        assertEquals(Instant.parse("2024-02-01T10:00:00Z"), f.from());
        assertNull(f.to());
        assertEquals(Instant.parse("2024-02-01T23:59:59.999Z"), AuditFilter.parse("op_time=[~2024-02-01]", null).to());
        assertEquals(0, AuditFilter.parse(null, null).terms().size());
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        for (String q : List.of("password=x", "project_id=1", "op_time=2024-01-01", "op_time=[x~y]", "resource",
                "operation=(a b)", "resource=a,resource=b", "username={}", "=x")) {
            ApiException e = assertThrows(ApiException.class, () -> AuditFilter.parse(q, null), q);
            assertEquals(400, e.error().status());
        }
        assertThrows(ApiException.class, () -> AuditFilter.parse(null, "client_ip"));
    }
}
