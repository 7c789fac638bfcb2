package io.berth.audit.control;

import io.berth.audit.entity.RecordedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * Sends audit entries to the syslog endpoint {@code audit_log_forward_endpoint} ({@code host:port}, as Harbor) over
 * TCP, one {@link SyslogMessage} each. One connection is kept open and reopened once when a send fails (the
 * receiver may have restarted); a second failure is reported to the {@link AuditWriter}, which decides whether the
 * batch must be retried. Only the writer's thread calls it, under the writer's lock.
 * <p>
 * Writes are non-blocking with a deadline: a receiver that accepts the connection but stops reading would
 * otherwise hold the writer (and any request that has to write its own entry) for as long as TCP keeps trying.
 */
@ApplicationScoped
public class SyslogForwarder {

    static final int CONNECT_TIMEOUT_MILLIS = 3000;
    static final long WRITE_TIMEOUT_MILLIS = 5000;

    /** Package-private so that a test need not wait the full five seconds. */
    long writeTimeoutMillis = WRITE_TIMEOUT_MILLIS;
    private final String hostname = localHostname();
    private String connectedTo;
    private SocketChannel channel;
    private Selector selector;

    public synchronized void send(String endpoint, List<RecordedEvent> entries) throws IOException {
        try {
            write(endpoint, entries);
        } catch (IOException firstAttempt) {
            close();
            write(endpoint, entries);
        }
    }

    private void write(String endpoint, List<RecordedEvent> entries) throws IOException {
        SocketChannel out = connect(endpoint);
        long deadline = System.nanoTime() + writeTimeoutMillis * 1_000_000;
        for (RecordedEvent entry : entries) {
            ByteBuffer bytes = ByteBuffer.wrap(SyslogMessage.framed(entry, hostname));
            while (bytes.hasRemaining()) {
                if (out.write(bytes) == 0) {
                    awaitWritable(deadline);
                }
            }
        }
    }

    private void awaitWritable(long deadline) throws IOException {
        long remaining = (deadline - System.nanoTime()) / 1_000_000;
        if (remaining <= 0 || selector.select(remaining) == 0 && System.nanoTime() - deadline >= 0) {
            throw new IOException("the syslog receiver " + connectedTo + " has not read for " + writeTimeoutMillis + " ms");
        }
        selector.selectedKeys().clear();
    }

    private SocketChannel connect(String endpoint) throws IOException {
        if (channel != null && endpoint.equals(connectedTo) && channel.isOpen()) {
            return channel;
        }
        close();
        InetSocketAddress address = address(endpoint);
        SocketChannel c = SocketChannel.open();
        try {
            c.socket().connect(address, CONNECT_TIMEOUT_MILLIS);
            c.configureBlocking(false);
            Selector s = Selector.open();
            c.register(s, SelectionKey.OP_WRITE);
            selector = s;
        } catch (IOException e) {
            c.close();
            throw e;
        }
        channel = c;
        connectedTo = endpoint;
        return c;
    }

    public synchronized void close() {
        for (java.io.Closeable closeable : new java.io.Closeable[] {selector, channel}) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (IOException ignored) {
                    // Closing is best effort; the next send connects again.
                }
            }
        }
        selector = null;
        channel = null;
        connectedTo = null;
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
