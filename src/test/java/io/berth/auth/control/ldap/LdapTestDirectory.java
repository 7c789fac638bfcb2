package io.berth.auth.control.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.SelfSignedCertificateGenerator;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.util.ObjectPair;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An in-process LDAP server for the tests (UnboundID's {@link InMemoryDirectoryServer} on a free loopback port,
 * plain or LDAPS with a self-signed certificate), holding a small directory that exercises every membership path:
 * <pre>
 * dc=example,dc=com
 *   ou=system   cn=berth-search (the search DN; anonymous searches are refused)
 *   ou=people   alice  (in developers)
 *               bob    (in team-a, which is in platform: nested, through uniqueMember)
 *               carol  (in admins-inner, which is in berth-admins: the admin group, nested)
 *               dave   (only a memberOf attribute naming ad-style, as Active Directory keeps it)
 *               eve    (in cycle-a; cycle-a and cycle-b contain each other)
 *               twin x2 (one uid, two entries: ambiguous), admin (a directory "admin")
 *   ou=groups   developers, team-a, platform, admins-inner, berth-admins, ad-style, cycle-a, cycle-b
 * </pre>
 * There is no memberOf overlay: groups list their members, as on a plain OpenLDAP.
 */
public final class LdapTestDirectory implements AutoCloseable {

    public static final String BASE = "dc=example,dc=com";
    public static final String PEOPLE = "ou=people," + BASE;
    public static final String GROUPS = "ou=groups," + BASE;
    public static final String SEARCH_DN = "cn=berth-search,ou=system," + BASE;
    public static final String SEARCH_PASSWORD = "search-Secret-1";
    public static final String ADMIN_GROUP = group("berth-admins");

    private final InMemoryDirectoryServer server;
    private final boolean secure;

    private LdapTestDirectory(InMemoryDirectoryServer server, boolean secure) {
        this.server = server;
        this.secure = secure;
    }

    /** A plain {@code ldap://} directory on 127.0.0.1. */
    public static LdapTestDirectory plain() throws Exception {
        return start(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null), false);
    }

    /** An {@code ldaps://} directory with a freshly made self-signed certificate, which no JVM trusts. */
    public static LdapTestDirectory secure() throws Exception {
        ObjectPair<File, char[]> keystore = SelfSignedCertificateGenerator.generateTemporarySelfSignedCertificate(
                "berth-tests", "JKS");
        SSLUtil tls = new SSLUtil(new KeyStoreKeyManager(keystore.getFirst(), keystore.getSecond()), new TrustAllTrustManager());
        return start(InMemoryListenerConfig.createLDAPSConfig("ldaps", InetAddress.getLoopbackAddress(), 0,
                tls.createSSLServerSocketFactory(), null), true);
    }

    private static LdapTestDirectory start(InMemoryListenerConfig listener, boolean secure) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setListenerConfigs(listener);
        config.setSchema(Schema.mergeSchemas(Schema.getDefaultStandardSchema(), memberOfSchema()));
        // Like a real directory: no anonymous reads, so the search DN has to be used.
        config.setAuthenticationRequiredOperationTypes(EnumSet.of(OperationType.SEARCH, OperationType.COMPARE));
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        populate(server);
        server.startListening();
        return new LdapTestDirectory(server, secure);
    }

    public int port() {
        return server.getListenPort();
    }

    /** {@code ldap://127.0.0.1:<port>}, or {@code ldaps://localhost:<port>} for the secure one. */
    public String url() {
        return secure ? "ldaps://localhost:" + port() : "ldap://127.0.0.1:" + port();
    }

    /** Settings that make Berth use this directory, under Harbor's keys (as the configurations API takes them). */
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(LdapSettings.URL, url());
        s.put(LdapSettings.SEARCH_DN, SEARCH_DN);
        s.put(LdapSettings.SEARCH_PASSWORD, SEARCH_PASSWORD);
        s.put(LdapSettings.BASE_DN, PEOPLE);
        s.put(LdapSettings.FILTER, "(objectClass=inetOrgPerson)");
        s.put(LdapSettings.UID, "uid");
        s.put(LdapSettings.SCOPE, "2");
        s.put(LdapSettings.TIMEOUT, "5");
        s.put(LdapSettings.VERIFY_CERT, "false");
        s.put(LdapSettings.GROUP_BASE_DN, GROUPS);
        s.put(LdapSettings.GROUP_FILTER, "");
        s.put(LdapSettings.GROUP_NAME_ATTRIBUTE, "cn");
        s.put(LdapSettings.GROUP_ADMIN_DN, ADMIN_GROUP);
        s.put(LdapSettings.GROUP_MEMBERSHIP_ATTRIBUTE, "memberOf");
        s.put(LdapSettings.GROUP_SCOPE, "2");
        return s;
    }

    public LdapSettings ldapSettings() {
        return LdapSettings.of(settings()::get);
    }

    public static String user(String uid) {
        return "uid=" + uid + "," + PEOPLE;
    }

    public static String group(String cn) {
        return "cn=" + cn + "," + GROUPS;
    }

    /** The password of each test user: {@code <uid>-Pw-1}. */
    public static String password(String uid) {
        return uid + "-Pw-1";
    }

    /** A port nothing listens on (just closed), for a failover URL that is down. */
    public static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    private static void populate(InMemoryDirectoryServer server) throws Exception {
        server.add(new Entry(BASE, new Attribute("objectClass", "top", "domain"), new Attribute("dc", "example")));
        for (String ou : new String[] {"system", "people", "groups"}) {
            server.add(new Entry("ou=" + ou + "," + BASE, new Attribute("objectClass", "top", "organizationalUnit"),
                    new Attribute("ou", ou)));
        }
        server.add(new Entry(SEARCH_DN, new Attribute("objectClass", "top", "person"), new Attribute("cn", "berth-search"),
                new Attribute("sn", "search"), new Attribute("userPassword", SEARCH_PASSWORD)));
        person(server, "alice", "Alice Anders", "alice@example.com");
        person(server, "bob", "Bob Brown", "bob@example.com");
        person(server, "carol", "Carol Clark", "carol@example.com");
        person(server, "eve", "Eve Evans", "eve@example.com");
        person(server, "admin", "Directory Admin", "dir-admin@example.com");
        Entry dave = personEntry(user("dave"), "dave", "Dave Dent", "dave@example.com");
        dave.addAttribute("objectClass", "extensibleObject");
        dave.addAttribute("memberOf", group("ad-style"));
        server.add(dave);
        server.add(personEntry("cn=twin one," + PEOPLE, "twin", "Twin One", "twin1@example.com"));
        server.add(personEntry("cn=twin two," + PEOPLE, "twin", "Twin Two", "twin2@example.com"));

        groupOfNames(server, "developers", user("alice"));
        groupOfNames(server, "team-a", user("bob"));
        server.add(new Entry(group("platform"), new Attribute("objectClass", "top", "groupOfUniqueNames"),
                new Attribute("cn", "platform"), new Attribute("uniqueMember", group("team-a"))));
        groupOfNames(server, "admins-inner", user("carol"));
        groupOfNames(server, "berth-admins", group("admins-inner"));
        groupOfNames(server, "ad-style", "cn=placeholder," + BASE);
        groupOfNames(server, "cycle-a", user("eve"), group("cycle-b"));
        groupOfNames(server, "cycle-b", group("cycle-a"));
    }

    private static void person(InMemoryDirectoryServer server, String uid, String cn, String mail) throws Exception {
        server.add(personEntry(user(uid), uid, cn, mail));
    }

    private static Entry personEntry(String dn, String uid, String cn, String mail) {
        return new Entry(dn, new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                new Attribute("uid", uid), new Attribute("cn", cn), new Attribute("sn", cn.substring(cn.indexOf(' ') + 1)),
                new Attribute("mail", mail), new Attribute("userPassword", password(uid)));
    }

    private static void groupOfNames(InMemoryDirectoryServer server, String cn, String... members) throws Exception {
        server.add(new Entry(group(cn), new Attribute("objectClass", "top", "groupOfNames"), new Attribute("cn", cn),
                new Attribute("member", members)));
    }

    private static Schema memberOfSchema() throws Exception {
        return new Schema(new Entry("cn=schema", new Attribute("objectClass", "top", "ldapSubentry", "subschema"),
                new Attribute("attributeTypes", "( 1.2.840.113556.1.2.102 NAME 'memberOf' EQUALITY distinguishedNameMatch"
                        + " SYNTAX 1.3.6.1.4.1.1466.115.121.1.12 )")));
    }
}
