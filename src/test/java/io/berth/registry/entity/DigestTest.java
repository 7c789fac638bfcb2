package io.berth.registry.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestTest {

    /** sha256 of the empty string, a digest every registry sees (empty layers, empty uploads). */
    private static final String EMPTY_SHA256 = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void parsesSha256AndPrintsItBack() {
        Digest digest = Digest.parse(EMPTY_SHA256);
        assertEquals("sha256", digest.algorithm());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", digest.encoded());
        assertEquals(EMPTY_SHA256, digest.toString());
        assertEquals("e3", digest.hexPrefix());
    }

    @Test
    void parsesSha512() {
        String text = "sha512:cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
                + "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e";
        Digest digest = Digest.parse(text);
        assertEquals("sha512", digest.algorithm());
        assertEquals(text, digest.toString());
        assertTrue(digest.matches(new byte[0]), "sha512 of the empty string");
    }

    @Test
    void sameTextGivesEqualDigests() {
        assertEquals(Digest.parse(EMPTY_SHA256), Digest.parse(EMPTY_SHA256));
        assertEquals(Digest.parse(EMPTY_SHA256).hashCode(), Digest.parse(EMPTY_SHA256).hashCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // upper-case hex: one blob must not have two names
            "sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
            // 63 and 65 characters
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555",
            // sha256 length under sha512
            "sha512:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            // unknown algorithms, well-formed or not
            "md5:d41d8cd98f00b204e9800998ecf8427e",
            "sha384:38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b",
            "multihash+base58:QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8",
            "SHA256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            // no colon, empty parts, extra colon, not hex
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "sha256:",
            ":e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85:",
            "sha256:g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            " sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "",
    })
    void rejectsWithDigestInvalid(String text) {
        RegistryException e = assertThrows(RegistryException.class, () -> Digest.parse(text));
        assertEquals(OciErrorCode.DIGEST_INVALID, e.code());
        assertEquals(400, e.status());
    }

    @Test
    void rejectsNull() {
        assertEquals(OciErrorCode.DIGEST_INVALID, assertThrows(RegistryException.class, () -> Digest.parse(null)).code());
    }

    @Test
    void detailSaysWhatIsWrong() {
        assertTrue(assertThrows(RegistryException.class, () -> Digest.parse("md5:d41d8cd98f00b204e9800998ecf8427e"))
                .detail().contains("unsupported digest algorithm \"md5\""));
        assertTrue(assertThrows(RegistryException.class, () -> Digest.parse("nocolon")).detail()
                .contains("<algorithm>:<encoded>"));
        assertTrue(assertThrows(RegistryException.class, () -> Digest.parse("sha256:abc")).detail()
                .contains("64 lowercase hex"));
    }

    @Test
    void hostileInputIsNotEchoedInFull() {
        String hostile = "sha256:" + "a".repeat(100_000);
        RegistryException e = assertThrows(RegistryException.class, () -> Digest.parse(hostile));
        assertTrue(e.detail().length() < 300, "detail length " + e.detail().length());
    }

    @Test
    void constructorValidatesToo() {
        assertThrows(RegistryException.class, () -> new Digest("sha256", "abc"));
        assertThrows(RegistryException.class, () -> new Digest(null, "abc"));
    }

    @Test
    void computesSha256OfContent() {
        assertEquals(EMPTY_SHA256, Digest.sha256(new byte[0]).toString());
        // The OCI empty descriptor: "{}" hashes to the well-known digest.
        assertEquals(MediaTypes.OCI_EMPTY_DIGEST, Digest.sha256("{}".getBytes(StandardCharsets.UTF_8)).toString());
        assertEquals(Digest.sha256("{}".getBytes(StandardCharsets.UTF_8)),
                Digest.compute("sha256", "{}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void wrapsAStreamedHash() {
        Digest expected = Digest.parse(MediaTypes.OCI_EMPTY_DIGEST);
        MessageDigest md = expected.newMessageDigest();
        md.update((byte) '{');
        md.update((byte) '}');
        assertEquals(expected, Digest.of("sha256", md.digest()));
    }

    @Test
    void matchesOnlyItsContent() {
        Digest digest = Digest.parse(MediaTypes.OCI_EMPTY_DIGEST);
        assertTrue(digest.matches("{}".getBytes(StandardCharsets.UTF_8)));
        assertFalse(digest.matches("{ }".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void computeRejectsUnregisteredAlgorithm() {
        assertEquals(OciErrorCode.DIGEST_INVALID,
                assertThrows(RegistryException.class, () -> Digest.compute("md5", new byte[0])).code());
        assertFalse(Digest.isSupportedAlgorithm("md5"));
        assertTrue(Digest.isSupportedAlgorithm("sha512"));
    }
}
