package io.berth.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The client address an audit entry records. By default the socket's peer address: a header such as
 * {@code X-Forwarded-For} is written by the client and would let anyone put any address into the trail. Only
 * when the peer is one of the proxies listed in {@code berth.audit.trusted-proxies} (comma-separated IP
 * addresses, e.g. the nginx front of {@code docker/}) is the header believed, and then its right-most address
 * that is not itself a trusted proxy is taken: that is the last hop a trusted proxy saw.
 */
@ApplicationScoped
public class ClientAddresses {

    static final String TRUSTED_PROXIES = "berth.audit.trusted-proxies";

    private Set<String> trusted = Set.of();

    @PostConstruct
    void read() {
        trusted = parse(ConfigProvider.getConfig(ClientAddresses.class.getClassLoader())
                .getOptionalValue(TRUSTED_PROXIES, String.class).orElse(""));
    }

    public String clientIp(String peer, String forwardedFor) {
        return resolve(peer, forwardedFor, trusted);
    }

    static Set<String> parse(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    static String resolve(String peer, String forwardedFor, Set<String> trusted) {
        if (peer == null || !trusted.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!trusted.contains(hop)) {
                return hop.length() > 64 ? peer : hop;
            }
        }
        return peer;
    }
}
