package io.berth.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.audit.entity.RecordedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyslogMessageTest {

    private static RecordedEvent event(boolean success, String resource) {
        return new RecordedEvent(Instant.parse("2024-05-01T10:00:00.123Z"), "admin", "create", "artifact", resource, 7L,
                "library", success, null, "10.0.0.1", "docker/27", "req-1");
    }

    @Test
    void rfc5424WithStructuredData() {
        String message = SyslogMessage.format(event(true, "library/app:v1"), "node 1");
        assertEquals("<134>1 2024-05-01T10:00:00.123Z node_1 berth - create_artifact [audit@32473 username=\"admin\""
                + " operation=\"create\" resource_type=\"artifact\" resource=\"library/app:v1\" project_id=\"7\""
                + " operation_result=\"true\" client_ip=\"10.0.0.1\" user_agent=\"docker/27\" request_id=\"req-1\"]"
                + " admin create artifact library/app:v1", message);
        assertTrue(SyslogMessage.format(event(false, "x"), "h").startsWith("<133>1 "), "failures are notices");
    }

    @Test
    void escapesParamValuesAndCountsOctets() {
        String message = SyslogMessage.format(event(true, "a\"b]c\\d"), "h");
        assertTrue(message.contains("resource=\"a\\\"b\\]c\\\\d\""), message);
        byte[] framed = SyslogMessage.framed(event(true, "é"), "h");
        String text = new String(framed, StandardCharsets.UTF_8);
        int space = text.indexOf(' ');
        assertEquals(framed.length - space - 1, Integer.parseInt(text.substring(0, space)));
    }
}
