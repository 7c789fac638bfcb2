package io.berth.jobs.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * The name this JVM signs its job claims with: the host name and a random suffix, so two nodes on one host,
 * or one node before and after a restart, are never taken for each other.
 */
@ApplicationScoped
public class NodeIdentity {

    private final String id = host() + "-" + UUID.randomUUID().toString().substring(0, 8);

    public String id() {
        return id;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
