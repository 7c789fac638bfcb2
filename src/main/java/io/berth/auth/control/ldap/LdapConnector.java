package io.berth.auth.control.ldap;

import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.SocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Opens one connection to the first directory server of {@code ldap_url} that answers, trying them in order.
 * <p>
 * Connections are short-lived (one per login or administrator request) rather than pooled: the settings may change
 * at any time through the API, a pool would have to be rebuilt and drained on every change, and a fresh connection
 * re-tries the preferred server first after it comes back. Logins are few (the {@code Authenticator} remembers a
 * successful one for a minute), so the cost of a TCP and TLS handshake is affordable. Every connect and every
 * operation is bounded by {@code ldap_timeout}.
 * <p>
 * With {@code ldap_verify_cert} (the default), {@code ldaps://} trusts what the server's JVM trusts
 * ({@code javax.net.ssl.trustStore}, else the JDK's CA certificates) and checks the host name against the
 * certificate; without it, any certificate is accepted, which only makes sense on a trusted network.
 */
final class LdapConnector {

    private LdapConnector() {
    }

    static LDAPConnection connect(LdapSettings settings) throws LDAPException {
        if (!settings.configured()) {
            throw new LDAPException(ResultCode.PARAM_ERROR, "LDAP is not configured: ldap_url is empty");
        }
        LDAPConnectionOptions options = options(settings);
        SocketFactory tls = null;
        List<ServerSet> sets = new ArrayList<>();
        for (LdapServer server : settings.servers()) {
            SocketFactory factory = SocketFactory.getDefault();
            if (server.secure()) {
                tls = tls == null ? tlsFactory(settings.verifyCert()) : tls;
                factory = tls;
            }
            sets.add(new SingleServerSet(server.host(), server.port(), factory, options));
        }
        ServerSet set = sets.size() == 1 ? sets.get(0) : new FailoverServerSet(sets);
        return set.getConnection();
    }

    private static LDAPConnectionOptions options(LdapSettings settings) {
        int millis = settings.timeoutSeconds() * 1000;
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(millis);
        options.setResponseTimeoutMillis(millis);
        options.setAbandonOnTimeout(true);
        // One request at a time per connection: no reader thread per connection is needed.
        options.setUseSynchronousMode(true);
        // A simple bind with a DN and no password is an anonymous bind that "succeeds" (RFC 4513 5.1.2).
        options.setBindWithDNRequiresPassword(true);
        options.setFollowReferrals(false);
        if (settings.verifyCert()) {
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        }
        return options;
    }

    private static SocketFactory tlsFactory(boolean verify) throws LDAPException {
        try {
            if (!verify) {
                return new SSLUtil(new TrustAllTrustManager()).createSSLSocketFactory();
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return new SSLUtil(factory.getTrustManagers()).createSSLSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new LDAPException(ResultCode.LOCAL_ERROR, "cannot set up TLS for ldaps://", e);
        }
    }
}
