package io.berth.audit.control;

import io.berth.audit.entity.RecordedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Sends audit entries to the syslog endpoint {@code audit_log_forward_endpoint} ({@code host:port}, as Harbor) over
 * TCP, one {@link SyslogMessage} each. One connection is kept open and reopened once when a send fails (the
 * receiver may have restarted); a second failure is reported to the {@link AuditWriter}, which decides whether the
 * batch must be retried. Only the writer's thread calls it, under the writer's lock.
 */
@ApplicationScoped
public class SyslogForwarder {

    static final int CONNECT_TIMEOUT_MILLIS = 3000;

    private final String hostname = localHostname();
    private String connectedTo;
    private Socket socket;

    public synchronized void send(String endpoint, List<RecordedEvent> entries) throws IOException {
        try {
            write(endpoint, entries);
        } catch (IOException firstAttempt) {
            close();
            write(endpoint, entries);
        }
    }

    private void write(String endpoint, List<RecordedEvent> entries) throws IOException {
        OutputStream out = connect(endpoint).getOutputStream();
        for (RecordedEvent entry : entries) {
            out.write(SyslogMessage.framed(entry, hostname));
        }
        out.flush();
    }

    private Socket connect(String endpoint) throws IOException {
        if (socket != null && endpoint.equals(connectedTo) && !socket.isClosed()) {
            return socket;
        }
        close();
        InetSocketAddress address = address(endpoint);
        Socket s = new Socket();
        s.connect(address, CONNECT_TIMEOUT_MILLIS);
        s.setSoTimeout(CONNECT_TIMEOUT_MILLIS);
        socket = s;
        connectedTo = endpoint;
        return s;
    }

    public synchronized void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing is best effort; the next send connects again.
            }
            socket = null;
            connectedTo = null;
        }
    }

    /** {@code host:port} (an IPv6 host in brackets); IOException when it is not one. */
    static InetSocketAddress address(String endpoint) throws IOException {
        int colon = endpoint.lastIndexOf(':');
        if (colon <= 0 || colon == endpoint.length() - 1) {
            throw new IOException("audit_log_forward_endpoint must be host:port");
        }
        String host = endpoint.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(endpoint.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new IOException("port out of range in audit_log_forward_endpoint");
            }
            return new InetSocketAddress(host, port);
        } catch (NumberFormatException e) {
            throw new IOException("audit_log_forward_endpoint must be host:port");
        }
    }

    private static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "berth";
        }
    }
}
