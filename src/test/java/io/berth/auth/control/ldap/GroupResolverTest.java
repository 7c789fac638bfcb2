package io.berth.auth.control.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupResolverTest {

    /** member DN -> the groups that list it. */
    private final Map<DN, Set<DN>> parents = new HashMap<>();
    private final AtomicInteger searches = new AtomicInteger();

    @Test
    void nestedGroupsAreFollowedToTheTop() throws Exception {
        in("cn=a", "cn=b");
        in("cn=b", "cn=c");
        in("cn=c", "cn=d");

        assertEquals(dns("cn=a", "cn=b", "cn=c", "cn=d"), GroupResolver.closure(dns("cn=a"), this::lookUp));
    }

    @Test
    void aCycleEndsTheWalk() throws Exception {
        in("cn=a", "cn=b");
        in("cn=b", "cn=a");

        assertEquals(dns("cn=a", "cn=b"), GroupResolver.closure(dns("cn=a"), this::lookUp));
        assertTrue(searches.get() <= 2, "each level is one search, and a seen group is not searched again");
    }

    @Test
    void dnsCompareNormalized() throws Exception {
        in("cn=a", "CN=B");
        in("cn=b", "cn=c");

        assertEquals(3, GroupResolver.closure(dns("cn=a"), this::lookUp).size());
    }

    @Test
    void theWalkStopsAtTheDepthLimit() throws Exception {
        for (int i = 0; i < 50; i++) {
            in("cn=g" + i, "cn=g" + (i + 1));
        }

        Set<DN> all = GroupResolver.closure(dns("cn=g0"), this::lookUp);

        assertEquals(GroupResolver.MAX_DEPTH + 1, all.size());
        assertEquals(GroupResolver.MAX_DEPTH, searches.get());
    }

    @Test
    void theWalkStopsAtTheSizeLimit() throws Exception {
        for (int i = 0; i < GroupResolver.MAX_GROUPS * 2; i++) {
            in("cn=root", "cn=p" + i);
        }

        assertEquals(GroupResolver.MAX_GROUPS, GroupResolver.closure(dns("cn=root"), this::lookUp).size());
    }

    private Set<DN> lookUp(Set<DN> members) {
        searches.incrementAndGet();
        Set<DN> found = new LinkedHashSet<>();
        members.forEach(m -> found.addAll(parents.getOrDefault(m, Set.of())));
        return found;
    }

    private void in(String member, String group) throws LDAPException {
        parents.computeIfAbsent(new DN(member), k -> new LinkedHashSet<>()).add(new DN(group));
    }

    private static Set<DN> dns(String... dns) throws LDAPException {
        Set<DN> set = new LinkedHashSet<>();
        for (String dn : dns) {
            set.add(new DN(dn));
        }
        return set;
    }
}
