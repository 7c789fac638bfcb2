package io.berth.auth.control.ldap;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One directory server from {@code ldap_url}: {@code ldap://host[:port]} or {@code ldaps://host[:port]}; a bare
 * {@code host[:port]} means {@code ldap://}, as Harbor reads it. Other schemes are refused, so the setting (and
 * the ping endpoint, which takes it from the request) can never make Berth open anything but an LDAP connection.
 */
public record LdapServer(boolean secure, String host, int port) {

    /** More URLs than this in one setting is a mistake, not a failover plan. */
    static final int MAX_SERVERS = 10;

    /**
     * The servers of an {@code ldap_url} value, in failover order: several URLs are separated by commas or
     * spaces. Empty for an empty value.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static List<LdapServer> parseList(String value) {
        List<LdapServer> servers = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return servers;
        }
        for (String part : value.trim().split("[,\\s]+")) {
            if (!part.isEmpty()) {
                servers.add(parse(part));
            }
        }
        if (servers.size() > MAX_SERVERS) {
            throw new IllegalArgumentException("ldap_url lists more than " + MAX_SERVERS + " servers");
        }
        return servers;
    }

    static LdapServer parse(String text) {
        String url = text.contains("://") ? text : "ldap://" + text;
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("ldap_url: " + text + " is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ldap") && !scheme.equals("ldaps")) {
            throw new IllegalArgumentException("ldap_url: only ldap:// and ldaps:// URLs are allowed, got " + text);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("ldap_url: " + text + " names no host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
            throw new IllegalArgumentException("ldap_url: " + text + " must be scheme://host[:port] only"
                    + " (the base DN is ldap_base_dn)");
        }
        boolean secure = scheme.equals("ldaps");
        int port = uri.getPort() == -1 ? (secure ? 636 : 389) : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("ldap_url: bad port in " + text);
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new LdapServer(secure, host, port);
    }

    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return (secure ? "ldaps://" : "ldap://") + h + ":" + port;
    }
}
