package io.berth.audit.control;

import io.berth.audit.entity.RecordedEvent;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

/**
 * One audit entry as an RFC 5424 syslog message, framed for TCP by octet counting (RFC 6587 3.4.1), so values
 * holding newlines cannot split a message. Facility local0; severity informational for a success, notice for a
 * failure. The fields travel as structured data {@code [audit@32473 ...]} (32473 is the enterprise number RFC 5612
 * reserves for examples; Berth has none of its own) and as a readable message.
 * <pre>
 * 112 &lt;134&gt;1 2024-05-01T10:00:00.123Z berth-1 berth - create_artifact [audit@32473 username="admin" ...] admin create artifact library/app:v1
 * </pre>
 */
public final class SyslogMessage {

    static final int LOCAL0 = 16;
    static final int INFO = 6;
    static final int NOTICE = 5;

    private SyslogMessage() {
    }

    /** The framed bytes of {@code entry} as sent from {@code hostname}. */
    public static byte[] framed(RecordedEvent entry, String hostname) {
        byte[] message = format(entry, hostname).getBytes(StandardCharsets.UTF_8);
        byte[] prefix = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] framed = new byte[prefix.length + message.length];
        System.arraycopy(prefix, 0, framed, 0, prefix.length);
        System.arraycopy(message, 0, framed, prefix.length, message.length);
        return framed;
    }

    static String format(RecordedEvent e, String hostname) {
        int priority = LOCAL0 * 8 + (e.success() ? INFO : NOTICE);
        StringBuilder sd = new StringBuilder("[audit@32473");
        param(sd, "username", e.username());
        param(sd, "operation", e.operation());
        param(sd, "resource_type", e.resourceType());
        param(sd, "resource", e.resource());
        param(sd, "project_id", e.projectId() == null ? null : e.projectId().toString());
        param(sd, "operation_result", Boolean.toString(e.success()));
        param(sd, "client_ip", e.clientIp());
        param(sd, "user_agent", e.userAgent());
        param(sd, "request_id", e.requestId());
        sd.append(']');
        String text = e.username() + " " + e.operation() + " " + e.resourceType() + " " + e.resource()
                + (e.success() ? "" : " (failed)") + (e.description() == null ? "" : ": " + e.description());
        return "<" + priority + ">1 " + DateTimeFormatter.ISO_INSTANT.format(e.opTime()) + " " + token(hostname, 255)
                + " berth - " + token(e.eventType(), 32) + " " + sd + " " + text;
    }

    /** An SD-PARAM, with {@code "}, {@code \} and {@code ]} escaped as RFC 5424 6.3.3 requires. */
    private static void param(StringBuilder sd, String name, String value) {
        if (value == null) {
            return;
        }
        sd.append(' ').append(name).append("=\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\' || c == ']') {
                sd.append('\\');
            }
            sd.append(c);
        }
        sd.append('"');
    }

    /** A header field: printable US-ASCII without spaces, at most {@code max} long, or the NILVALUE. */
    static String token(String value, int max) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (out.length() == max) {
                break;
            }
            out.append(c > 32 && c < 127 ? c : '_');
        }
        return out.toString();
    }
}
