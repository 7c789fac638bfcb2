package io.berth.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyIdsTest {

    /** A 2048-bit RSA public key (SubjectPublicKeyInfo) and its libtrust ID, computed independently with openssl and Python's b32encode(sha256(der)[:30]). */
    static final String PUBLIC_KEY = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqRAREkyszIqFVP1Y0M3V"
            + "ORGU9TnY+fDJLGxW3esTfBqE2xscmXop6bIeDEM5r8bd0oZK0msr4NDMyFy1VuFg"
            + "so+NTMHGk0uRXx6m9aIghW1Skp/827An1CkjVaNUuUT8lDE2ocSuVfuBhhkTxbem"
            + "UVHdSpczlosT3M8oCFllpa+pDZ9AiHpJipJRIPRsb4o/BwgJKyiWeZQ8nC+rBkD3"
            + "iIK1hklyglnYaHu55b2gMCles/AyUlTrNwsJZNgC2FHa7r8QM8X4i3Pn4lM36of1"
            + "U793cWLJ/DM8tNM9/Nuvy3lVofjLeeh6xZJtbwy/ci1wvXWuSQec8k5cOB7wieoS"
            + "rwIDAQAB";
    static final String KEY_ID = "HKYM:FNU5:IULN:6TUC:NRC5:A5VP:UWWU:CQSZ:KXEM:3XHG:4ZXW:P53Z";

    @Test
    void base32IsRfc4648WithoutPadding() {
        assertEquals("", KeyIds.base32(new byte[0]));
        assertEquals("MY", KeyIds.base32("f".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("MZXW6", KeyIds.base32("foo".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("MZXW6YTBOI", KeyIds.base32("foobar".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void theLibtrustKeyIdOfAKnownKey() throws Exception {
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(PUBLIC_KEY)));
        String id = KeyIds.libtrust(key);
        assertTrue(id.matches("([A-Z2-7]{4}:){11}[A-Z2-7]{4}"), id);
        assertEquals(KEY_ID, id);
    }
}
