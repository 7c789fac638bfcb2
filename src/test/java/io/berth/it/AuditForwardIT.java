package io.berth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Forwarding: with {@code audit_log_forward_endpoint} set, every entry also reaches a syslog receiver as an RFC 5424
 * message over TCP (octet-counted frames); with {@code skip_audit_log_database} it reaches only the receiver, and an
 * event type in {@code disabled_audit_log_event_types} reaches neither. The receiver is a small TCP listener this
 * test starts.
 */
class AuditForwardIT {

    private final BerthServer server = BerthServer.shared();
    private final ApiClient admin = ApiClient.admin(server);
    private final AuditTrail trail = new AuditTrail(admin);

    @Test
    void entriesAreForwardedAsSyslogAndTheDatabaseCanBeSkipped() throws Exception {
        try (SyslogListener syslog = new SyslogListener()) {
            assertEquals("BAD_REQUEST", admin.put("/api/v2.0/configurations", "{\"skip_audit_log_database\":true}")
                    .expect(400).errorCode(), "skipping the database needs an endpoint");
            assertEquals(400, admin.put("/api/v2.0/configurations", "{\"audit_log_forward_endpoint\":\"no port\"}").status());
            ApiClient.TestUser user = admin.newUser("forward");
            assertEquals(403, user.client().put("/api/v2.0/configurations",
                    "{\"audit_log_forward_endpoint\":\"127.0.0.1:" + syslog.port() + "\"}").status());

            admin.configure("{\"audit_log_forward_endpoint\":\"127.0.0.1:" + syslog.port() + "\"}");
            JsonObject config = admin.get("/api/v2.0/configurations").expect(200).json();
            assertEquals("127.0.0.1:" + syslog.port(), config.getJsonObject("audit_log_forward_endpoint").getString("value"));
            assertEquals(false, config.getJsonObject("skip_audit_log_database").getBoolean("value"));

            String both = RegistryClient.uniqueName("both");
            admin.createProject(both, true);
            String message = syslog.await(both);
            assertTrue(message.matches("<134>1 \\d{4}-\\d\\d-\\d\\dT\\S+Z \\S+ berth - create_project \\[audit@32473 .*"), message);
            assertTrue(message.contains("username=\"admin\"") && message.contains("resource=\"" + both + "\"")
                    && message.contains("operation_result=\"true\"") && message.contains("client_ip=\"127.0.0.1\""), message);
            trail.await("resource=" + both, "create", "project");

            admin.configure("{\"skip_audit_log_database\":true}");
            String forwardedOnly = RegistryClient.uniqueName("only");
            admin.createProject(forwardedOnly, true);
            syslog.await(forwardedOnly);
            admin.configure("{\"skip_audit_log_database\":false}");
            // Entries are written in the order they happened: once this change is in the database, the project
            // created before it would be too, had the database not been skipped.
            trail.await("resource_type=configure", e -> e.getString("operation_description").equals("changed skip_audit_log_database")
                    && trail.find("resource=" + forwardedOnly).isEmpty());
            assertEquals(0, trail.find("resource=" + forwardedOnly).size());

            // A disabled event type is not forwarded either; messages arrive in the order of the events.
            String muted = RegistryClient.uniqueName("muted");
            try {
                admin.configure("{\"disabled_audit_log_event_types\":\"create_project\"}");
                admin.createProject(muted, true);
            } finally {
                admin.configure("{\"disabled_audit_log_event_types\":\"\"}");
            }
            String heard = RegistryClient.uniqueName("heard");
            admin.createProject(heard, true);
            List<String> before = syslog.until(heard);
            assertTrue(before.stream().noneMatch(m -> m.contains(muted)), before.toString());
        } finally {
            admin.configure("{\"skip_audit_log_database\":false,\"audit_log_forward_endpoint\":\"\",\"disabled_audit_log_event_types\":\"\"}");
        }
    }

    /** A syslog receiver on a free local port that reads octet-counted RFC 5424 frames. */
    static final class SyslogListener implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final Thread acceptor = Thread.ofVirtual().start(this::accept);

        SyslogListener() throws IOException {
        }

        int port() {
            return socket.getLocalPort();
        }

        /** The first message that mentions {@code text}, waiting up to 20 s. */
        String await(String text) throws InterruptedException {
            List<String> seen = until(text);
            return seen.get(seen.size() - 1);
        }

        /** The messages received up to and including the first that mentions {@code text}, waiting up to 20 s. */
        List<String> until(String text) throws InterruptedException {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            List<String> seen = new java.util.ArrayList<>();
            while (Instant.now().isBefore(deadline)) {
                String message = messages.poll(200, TimeUnit.MILLISECONDS);
                if (message != null) {
                    seen.add(message);
                    if (message.contains(text)) {
                        return seen;
                    }
                }
            }
            throw new AssertionError("no syslog message about " + text + "; got " + seen);
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Thread.ofVirtual().start(() -> read(client));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void read(Socket client) {
            try (client; InputStream in = client.getInputStream()) {
                while (true) {
                    StringBuilder length = new StringBuilder();
                    int c;
                    while ((c = in.read()) != ' ') {
                        if (c < 0) {
                            return;
                        }
                        length.append((char) c);
                    }
                    byte[] frame = in.readNBytes(Integer.parseInt(length.toString()));
                    messages.add(new String(frame, StandardCharsets.UTF_8));
                }
            } catch (IOException | NumberFormatException e) {
                messages.add("unreadable frame: " + e);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
