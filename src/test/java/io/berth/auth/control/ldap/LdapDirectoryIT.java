package io.berth.auth.control.ldap;

import static io.berth.auth.control.ldap.LdapTestDirectory.group;
import static io.berth.auth.control.ldap.LdapTestDirectory.password;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link LdapDirectory} against a real LDAP server over a socket (UnboundID's in-memory server, no memberOf
 * overlay): binds, lookups, every membership path, the refusals, failover, timeouts and LDAPS certificate checks.
 * No Berth server is needed: the directory side of a login is plain Java.
 */
class LdapDirectoryIT {

    private static LdapTestDirectory ldap;
    private final LdapDirectory directory = new LdapDirectory();

    @BeforeAll
    static void start() throws Exception {
        ldap = LdapTestDirectory.plain();
    }

    @AfterAll
    static void stop() {
        ldap.close();
    }

    @Test
    void aUserLogsInAndItsGroupIsFoundThroughTheGroupsMemberAttribute() throws Exception {
        DirectoryLogin login = login("alice", password("alice")).orElseThrow();

        assertEquals("alice", login.user().username());
        assertEquals("alice@example.com", login.user().email());
        assertEquals("Alice Anders", login.user().realname());
        assertEquals(LdapTestDirectory.user("alice"), login.user().dn());
        assertTrue(login.isMemberOf(group("developers")), "member attribute, no memberOf overlay: " + login.groupDns());
        assertTrue(login.isMemberOf("CN=Developers, OU=Groups, DC=Example, DC=Com"), "DNs compare as DNs");
        assertFalse(login.isMemberOf(group("team-a")));
    }

    @Test
    void nestedGroupsAreResolvedThroughMemberAndUniqueMember() throws Exception {
        DirectoryLogin login = login("bob", password("bob")).orElseThrow();

        assertTrue(login.isMemberOf(group("team-a")));
        assertTrue(login.isMemberOf(group("platform")), "team-a is a uniqueMember of platform: " + login.groupDns());
        assertEquals(2, login.groupDns().size(), login.groupDns().toString());
    }

    @Test
    void membershipOfTheAdminGroupIsFoundThroughANestedGroup() throws Exception {
        assertTrue(login("carol", password("carol")).orElseThrow().isMemberOf(LdapTestDirectory.ADMIN_GROUP));
        assertFalse(login("alice", password("alice")).orElseThrow().isMemberOf(LdapTestDirectory.ADMIN_GROUP));
    }

    @Test
    void theUsersMemberOfAttributeCountsToo() throws Exception {
        assertTrue(login("dave", password("dave")).orElseThrow().isMemberOf(group("ad-style")));
    }

    @Test
    void groupCyclesEndTheWalk() throws Exception {
        DirectoryLogin login = login("eve", password("eve")).orElseThrow();

        assertEquals(Set.of(norm(group("cycle-a")), norm(group("cycle-b"))), login.groupDns());
    }

    @Test
    void theNameIsMatchedWithoutRegardToCaseAndTheDirectorysSpellingIsKept() throws Exception {
        assertEquals("alice", login("ALICE", password("alice")).orElseThrow().user().username());
    }

    @Test
    void wrongPasswordUnknownUserAndEmptyPasswordAreAllJustRefused() throws Exception {
        assertTrue(login("alice", "wrong").isEmpty());
        assertTrue(login("nobody", password("alice")).isEmpty());
        assertTrue(login("alice", "").isEmpty(), "an empty password is an anonymous bind, never a login");
        assertTrue(login("", password("alice")).isEmpty());
    }

    @Test
    void filterMetacharactersInTheNameAreSearchedForLiterally() throws Exception {
        for (String injected : List.of("*)(uid=*", "*", "alice)(|(uid=*", "al*", "*)(objectClass=*))(|(uid=*",
                "alice\\2a", "alice\u0000")) {
            assertTrue(login(injected, password("alice")).isEmpty(), injected);
        }
        assertTrue(directory.searchUsers(ldap.ldapSettings(), "*)(uid=*").isEmpty());
    }

    @Test
    void aNameThatMatchesTwoEntriesIsRefused() throws Exception {
        assertTrue(login("twin", password("twin")).isEmpty());
        assertTrue(directory.findUser(ldap.ldapSettings(), "twin").isEmpty());
    }

    @Test
    void theSecondUrlIsUsedWhenTheFirstIsDown() throws Exception {
        LdapSettings settings = with(Map.of(LdapSettings.URL,
                "ldap://127.0.0.1:" + LdapTestDirectory.closedPort() + ", " + ldap.url()));

        assertTrue(directory.authenticate(settings, "alice", password("alice").toCharArray()).isPresent());
        assertEquals("127.0.0.1:" + ldap.port(), directory.ping(settings));
    }

    @Test
    void aDirectoryThatIsDownIsAnErrorNotAWrongPassword() throws Exception {
        LdapSettings settings = with(Map.of(LdapSettings.URL, "ldap://127.0.0.1:" + LdapTestDirectory.closedPort()));

        LDAPException e = assertThrows(LDAPException.class,
                () -> directory.authenticate(settings, "alice", password("alice").toCharArray()));
        assertEquals(ResultCode.CONNECT_ERROR, e.getResultCode());
    }

    @Test
    void aWrongSearchPasswordIsAnError() {
        LdapSettings settings = with(Map.of(LdapSettings.SEARCH_PASSWORD, "not-it"));

        LDAPException e = assertThrows(LDAPException.class,
                () -> directory.authenticate(settings, "alice", password("alice").toCharArray()));
        assertEquals(ResultCode.INVALID_CREDENTIALS, e.getResultCode());
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread accept = Thread.ofVirtual().start(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(10_000);
                } catch (Exception e) {
                    // closed by the test
                }
            });
            LdapSettings settings = with(Map.of(LdapSettings.URL, "ldap://127.0.0.1:" + silent.getLocalPort(),
                    LdapSettings.TIMEOUT, "1"));
            Instant start = Instant.now();

            assertThrows(LDAPException.class, () -> directory.ping(settings));
            assertTrue(Duration.between(start, Instant.now()).toSeconds() < 5, "ldap_timeout bounds the wait");
            accept.interrupt();
        }
    }

    @Test
    void ldapsChecksTheCertificateUnlessToldNotTo() throws Exception {
        try (LdapTestDirectory tls = LdapTestDirectory.secure()) {
            Map<String, String> values = new HashMap<>(tls.settings());
            values.put(LdapSettings.VERIFY_CERT, "true");
            LdapSettings verifying = LdapSettings.of(values::get);
            values.put(LdapSettings.VERIFY_CERT, "false");
            LdapSettings trusting = LdapSettings.of(values::get);

            assertThrows(LDAPException.class, () -> directory.ping(verifying), "a self-signed certificate is not trusted");
            assertThrows(LDAPException.class,
                    () -> directory.authenticate(verifying, "alice", password("alice").toCharArray()));
            assertTrue(directory.authenticate(trusting, "alice", password("alice").toCharArray()).isPresent());
        }
    }

    @Test
    void usersAreSearchedByUidOrAllTogether() throws Exception {
        List<DirectoryUser> alice = directory.searchUsers(ldap.ldapSettings(), "alice");
        Set<String> all = directory.searchUsers(ldap.ldapSettings(), "").stream()
                .map(DirectoryUser::username).collect(Collectors.toSet());

        assertEquals(1, alice.size());
        assertEquals("Alice Anders", alice.get(0).realname());
        assertEquals(Set.of("alice", "bob", "carol", "dave", "eve", "twin", "admin"), all);
    }

    @Test
    void groupsAreSearchedByNameOrDn() throws Exception {
        List<DirectoryGroup> byName = directory.searchGroups(ldap.ldapSettings(), "developers", null);
        List<DirectoryGroup> byDn = directory.searchGroups(ldap.ldapSettings(), null, group("platform"));

        assertEquals(List.of(new DirectoryGroup(group("developers"), "developers")), byName);
        assertEquals(List.of(new DirectoryGroup(group("platform"), "platform")), byDn);
        assertTrue(directory.searchGroups(ldap.ldapSettings(), "*", null).isEmpty(), "no wildcard through the name");
    }

    private Optional<DirectoryLogin> login(String name, String password) throws LDAPException {
        return directory.authenticate(ldap.ldapSettings(), name, password.toCharArray());
    }

    private static LdapSettings with(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(ldap.settings());
        values.putAll(overrides);
        return LdapSettings.of(values::get);
    }

    private static String norm(String dn) {
        return DistinguishedNames.normalize(dn).orElseThrow();
    }
}
