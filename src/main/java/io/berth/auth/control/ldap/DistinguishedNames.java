package io.berth.auth.control.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.Optional;

/**
 * Comparing distinguished names as LDAP does: {@code CN=Devs, OU=Groups,DC=Example,DC=com} and
 * {@code cn=devs,ou=groups,dc=example,dc=com} are one group. A string comparison would miss a group that an
 * administrator typed with other case or spacing than the directory returns, and the user would silently lose
 * the access that group gives.
 */
public final class DistinguishedNames {

    private DistinguishedNames() {
    }

    /** The normalized form (lower case, no optional spaces, escapes canonical); empty for a malformed DN. */
    public static Optional<String> normalize(String dn) {
        if (dn == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DN(dn.trim()).toNormalizedString());
        } catch (LDAPException e) {
            return Optional.empty();
        }
    }

    /** Whether two DNs name the same entry; false when either is malformed. */
    public static boolean same(String a, String b) {
        Optional<String> na = normalize(a);
        return na.isPresent() && na.equals(normalize(b));
    }

    public static boolean isValid(String dn) {
        return dn != null && DN.isValidDN(dn.trim());
    }

    /** {@code dn} trimmed, or empty for blank; {@code key} names the setting in the message. */
    static String requireValidOrEmpty(String key, String dn) {
        if (dn == null || dn.isBlank()) {
            return "";
        }
        if (!isValid(dn)) {
            throw new IllegalArgumentException(key + ": not a valid DN");
        }
        return dn.trim();
    }
}
