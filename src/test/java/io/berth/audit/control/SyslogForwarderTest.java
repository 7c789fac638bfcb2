package io.berth.audit.control;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.audit.entity.RecordedEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forwarding to a syslog receiver: messages arrive, and a receiver that stops reading cannot hold the writer. */
class SyslogForwarderTest {

    private static RecordedEvent event(String resource) {
        return new RecordedEvent(Instant.parse("2024-05-01T10:00:00.123Z"), "admin", "create", "artifact", resource, 7L,
                "library", true, null, "10.0.0.1", "docker/27", "req-1");
    }

    @Test
    void deliversEachEntryAsOneFramedMessage() throws Exception {
        try (ServerSocket receiver = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SyslogForwarder forwarder = new SyslogForwarder();
            forwarder.send("127.0.0.1:" + receiver.getLocalPort(), List.of(event("library/app@sha256:1"), event("library/app:v2")));
            try (Socket accepted = receiver.accept();
                    BufferedReader in = new BufferedReader(new InputStreamReader(accepted.getInputStream(), StandardCharsets.UTF_8))) {
                accepted.setSoTimeout(5000);
                char[] buffer = new char[4096];
                StringBuilder text = new StringBuilder();
                while (!text.toString().contains("library/app:v2")) {
                    int n = in.read(buffer);
                    assertTrue(n > 0, "the receiver got " + text);
                    text.append(buffer, 0, n);
                }
                assertTrue(text.toString().contains("library/app@sha256:1"), text.toString());
            } finally {
                forwarder.close();
            }
        }
    }

    @Test
    void aReceiverThatStopsReadingFailsTheSendWithinItsDeadline() throws Exception {
        try (ServerSocket receiver = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SyslogForwarder forwarder = new SyslogForwarder();
            forwarder.writeTimeoutMillis = 300;
            // Far more than the socket buffers of both ends hold, and nobody reads.
            List<RecordedEvent> flood = Collections.nCopies(20_000, event("x".repeat(1000)));
            IOException stalled = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(IOException.class, () -> forwarder.send("127.0.0.1:" + receiver.getLocalPort(), flood)));
            assertTrue(stalled.getMessage().contains("has not read"), stalled.getMessage());
            forwarder.close();
        }
    }
}
