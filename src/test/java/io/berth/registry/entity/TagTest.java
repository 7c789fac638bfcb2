package io.berth.registry.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TagTest {

    @ParameterizedTest
    @ValueSource(strings = {"latest", "1.25.3-alpine", "v1", "_internal", "Latest", "a", "9", "1.0_rc.1-x",
            "sha256-e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"})
    void acceptsTags(String value) {
        assertEquals(value, Tag.parse(value).value());
        assertEquals(value, Tag.parse(value).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {".hidden", "-rc1", "v1+build", "a/b", "tag with space", "ümlaut", "a:b", "a@b", "tab\t"})
    void rejectsTags(String value) {
        RegistryException e = assertThrows(RegistryException.class, () -> Tag.parse(value));
        assertEquals(OciErrorCode.TAG_INVALID, e.code());
        assertEquals(400, e.status());
    }

    @Test
    void atMost128Characters() {
        String longest = "t" + "1".repeat(127);
        assertEquals(longest, Tag.parse(longest).value());
        assertEquals(OciErrorCode.TAG_INVALID,
                assertThrows(RegistryException.class, () -> Tag.parse(longest + "1")).code());
        assertThrows(RegistryException.class, () -> Tag.parse("t".repeat(10_000)));
    }

    @Test
    void emptyIsInvalid() {
        assertEquals(OciErrorCode.TAG_INVALID, assertThrows(RegistryException.class, () -> Tag.parse("")).code());
        assertEquals(OciErrorCode.TAG_INVALID, assertThrows(RegistryException.class, () -> Tag.parse(null)).code());
    }

    @Test
    void caseIsSignificant() {
        assertNotEquals(Tag.parse("Latest"), Tag.parse("latest"));
    }

    @Test
    void namesTheSubjectOfACosignSignatureOnlyInCosignsExactGrammar() {
        String hex = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assertEquals(Optional.of(Digest.parse("sha256:" + hex)), Tag.parse("sha256-" + hex + ".sig").cosignSignatureSubject());
        for (String other : new String[] {"sha256-" + hex, "sha256-" + hex + ".att", "sha256-" + hex + ".sbom",
                "sha256-" + hex.toUpperCase(Locale.ROOT) + ".sig", "sha256-" + hex.substring(1) + ".sig",
                "sha512-" + hex + ".sig", "sha256-" + hex + ".sig2", "v1.sig"}) {
            assertEquals(Optional.empty(), Tag.parse(other).cosignSignatureSubject(), other);
        }
    }
}
