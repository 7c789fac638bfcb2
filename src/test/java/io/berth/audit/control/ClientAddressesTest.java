package io.berth.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    @Test
    void theHeaderCountsOnlyFromTrustedProxies() {
        Set<String> trusted = ClientAddresses.parse(" 10.0.0.5, 10.0.0.6 ,");
        assertEquals(Set.of("10.0.0.5", "10.0.0.6"), trusted);
        assertEquals("192.0.2.9", ClientAddresses.resolve("192.0.2.9", "1.2.3.4", trusted), "a client cannot claim an address");
        assertEquals("1.2.3.4", ClientAddresses.resolve("10.0.0.5", "1.2.3.4", trusted));
        assertEquals("1.2.3.4", ClientAddresses.resolve("10.0.0.5", "6.6.6.6, 1.2.3.4, 10.0.0.6", trusted),
                "the right-most address no trusted proxy wrote");
        assertEquals("10.0.0.5", ClientAddresses.resolve("10.0.0.5", null, trusted));
        assertEquals("192.0.2.9", ClientAddresses.resolve("192.0.2.9", "1.2.3.4", Set.of()));
    }
}
