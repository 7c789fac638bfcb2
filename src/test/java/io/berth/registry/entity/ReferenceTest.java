package io.berth.registry.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReferenceTest {

    private static final String DIGEST = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void tagIsATag() {
        Reference reference = Reference.parse("1.25-alpine");
        assertFalse(reference.isDigest());
        assertEquals("1.25-alpine", reference.asTag().value());
        assertThrows(IllegalStateException.class, reference::asDigest);
    }

    @Test
    void digestIsADigest() {
        Reference reference = Reference.parse(DIGEST);
        assertTrue(reference.isDigest());
        assertInstanceOf(Digest.class, reference);
        assertEquals(DIGEST, reference.asDigest().toString());
        assertThrows(IllegalStateException.class, reference::asTag);
    }

    @Test
    void anythingWithAColonIsJudgedAsADigest() {
        // A client that sends a broken digest learns that the digest is broken, not that tags cannot hold ':'.
        assertEquals(OciErrorCode.DIGEST_INVALID,
                assertThrows(RegistryException.class, () -> Reference.parse("sha256:ABC")).code());
        assertEquals(OciErrorCode.DIGEST_INVALID,
                assertThrows(RegistryException.class, () -> Reference.parse("latest:")).code());
    }

    @Test
    void otherwiseItIsJudgedAsATag() {
        assertEquals(OciErrorCode.TAG_INVALID,
                assertThrows(RegistryException.class, () -> Reference.parse("-latest")).code());
        assertEquals(OciErrorCode.TAG_INVALID,
                assertThrows(RegistryException.class, () -> Reference.parse("")).code());
    }

    @Test
    void switchesExhaustively() {
        String kind = switch (Reference.parse(DIGEST)) {
            case Tag tag -> "tag " + tag;
            case Digest digest -> "digest " + digest.algorithm();
        };
        assertEquals("digest sha256", kind);
    }
}
