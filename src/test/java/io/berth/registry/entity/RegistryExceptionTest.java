package io.berth.registry.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryExceptionTest {

    @Test
    void carriesCodeDetailAndStatus() {
        RegistryException e = RegistryException.of(OciErrorCode.BLOB_UNKNOWN, "blob %s is not in %s", "sha256:ab", "a/b");
        assertEquals(OciErrorCode.BLOB_UNKNOWN, e.code());
        assertEquals("blob sha256:ab is not in a/b", e.detail());
        assertEquals(404, e.status());
        assertEquals("BLOB_UNKNOWN: blob sha256:ab is not in a/b", e.getMessage());
        assertEquals(0, e.getStackTrace().length, "no stack trace for expected client errors");
    }

    @Test
    void headersKeepOrderAndAreReadOnly() {
        RegistryException e = new RegistryException(OciErrorCode.RANGE_INVALID, "out of order")
                .withHeader("Range", "0-99")
                .withHeader("Docker-Upload-UUID", "u-1");
        assertEquals(List.of("Range", "Docker-Upload-UUID"), List.copyOf(e.headers().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> e.headers().put("X", "y"));
    }

    @Test
    void detailMayBeAbsent() {
        RegistryException e = new RegistryException(OciErrorCode.UNAUTHORIZED, null);
        assertNull(e.detail());
        assertEquals(Map.of(), e.headers());
        assertEquals(401, e.status());
    }

    @Test
    void oversizedManifestIsManifestInvalidWith413() {
        RegistryException e = RegistryException.manifestTooLarge(5_000_000, ManifestParser.MAX_MANIFEST_BYTES);
        assertEquals(OciErrorCode.MANIFEST_INVALID, e.code());
        assertEquals(413, e.status());
        assertTrue(e.detail().contains("4194304"), e.detail());
        assertThrows(IllegalArgumentException.class, () -> e.withStatus(200));
    }

    @Test
    void quoteEscapesAndTruncates() {
        assertEquals("\"a\\\"b\\u000a\"", RegistryException.quote("a\"b\n"));
        String quoted = RegistryException.quote("x".repeat(10_000));
        assertTrue(quoted.length() < 120, quoted);
        assertTrue(quoted.contains("10000 chars"), quoted);
    }

    @Test
    void catalogueMatchesDistribution() {
        // Statuses and messages clients see; see OciErrorCode for the two deliberate departures.
        Object[][] expected = {
                {OciErrorCode.BLOB_UNKNOWN, 404, "blob unknown to registry"},
                {OciErrorCode.BLOB_UPLOAD_INVALID, 400, "blob upload invalid"},
                {OciErrorCode.BLOB_UPLOAD_UNKNOWN, 404, "blob upload unknown to registry"},
                {OciErrorCode.DIGEST_INVALID, 400, "provided digest did not match uploaded content"},
                {OciErrorCode.MANIFEST_BLOB_UNKNOWN, 400, "blob unknown to registry"},
                {OciErrorCode.MANIFEST_INVALID, 400, "manifest invalid"},
                {OciErrorCode.MANIFEST_UNKNOWN, 404, "manifest unknown"},
                {OciErrorCode.NAME_INVALID, 400, "invalid repository name"},
                {OciErrorCode.NAME_UNKNOWN, 404, "repository name not known to registry"},
                {OciErrorCode.SIZE_INVALID, 400, "provided length did not match content length"},
                {OciErrorCode.UNAUTHORIZED, 401, "authentication required"},
                {OciErrorCode.DENIED, 403, "requested access to the resource is denied"},
                {OciErrorCode.UNSUPPORTED, 405, "The operation is unsupported."},
                {OciErrorCode.TOOMANYREQUESTS, 429, "too many requests"},
                {OciErrorCode.RANGE_INVALID, 416, "invalid content range"},
                {OciErrorCode.TAG_INVALID, 400, "manifest tag did not match URI"},
        };
        for (Object[] row : expected) {
            OciErrorCode code = (OciErrorCode) row[0];
            assertEquals(row[1], code.status(), code.name());
            assertEquals(row[2], code.message(), code.name());
        }
    }

    @Test
    void wireCodesAreUpperCaseAndUnderscoresOnly() {
        for (OciErrorCode code : OciErrorCode.values()) {
            assertTrue(code.name().matches("[A-Z_]+"), code.name());
        }
    }
}
