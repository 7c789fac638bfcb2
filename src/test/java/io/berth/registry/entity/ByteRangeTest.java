package io.berth.registry.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangeTest {

    private static final long SIZE = 1000;

    private static ByteRange range(String header) {
        return ByteRange.parse(header, SIZE).orElseThrow();
    }

    @Test
    void firstToLast() {
        ByteRange r = range("bytes=0-499");
        assertEquals(0, r.start());
        assertEquals(499, r.endInclusive());
        assertEquals(500, r.length());
        assertEquals("bytes 0-499/1000", r.contentRangeHeader());
    }

    @Test
    void openEndedResumesToTheEnd() {
        ByteRange r = range("bytes=900-");
        assertEquals(900, r.start());
        assertEquals(999, r.endInclusive());
        assertEquals(100, r.length());
        assertEquals("bytes 900-999/1000", r.contentRangeHeader());
    }

    @Test
    void suffixIsTheLastBytes() {
        ByteRange r = range("bytes=-100");
        assertEquals(900, r.start());
        assertEquals(999, r.endInclusive());
    }

    @Test
    void suffixLongerThanTheBlobIsTheWholeBlob() {
        ByteRange r = range("bytes=-5000");
        assertEquals(0, r.start());
        assertEquals(999, r.endInclusive());
        assertTrue(r.isWhole());
    }

    @Test
    void lastBeyondTheEndIsClamped() {
        ByteRange r = range("bytes=500-999999999999999999999999");
        assertEquals(500, r.start());
        assertEquals(999, r.endInclusive());
    }

    @Test
    void singleByte() {
        ByteRange r = range("bytes=999-999");
        assertEquals(1, r.length());
    }

    @Test
    void unitIsCaseInsensitiveAndWhitespaceTolerated() {
        assertEquals(10, range(" Bytes=0-9 ").length());
        assertEquals(10, range("bytes= 0-9 ,").length(), "empty list elements are allowed");
    }

    @Test
    void startAtOrPastTheEndIsUnsatisfiable() {
        for (String header : new String[] {"bytes=1000-", "bytes=1000-2000", "bytes=5000-"}) {
            RegistryException e = assertThrows(RegistryException.class, () -> ByteRange.parse(header, SIZE), header);
            assertEquals(OciErrorCode.RANGE_INVALID, e.code());
            assertEquals(416, e.status());
            assertEquals("bytes */1000", e.headers().get("Content-Range"));
        }
    }

    @Test
    void lastBeforeFirstIsRejected() {
        RegistryException e = assertThrows(RegistryException.class, () -> ByteRange.parse("bytes=500-100", SIZE));
        assertEquals(416, e.status());
        assertEquals("bytes */1000", e.headers().get("Content-Range"));
    }

    @Test
    void zeroSuffixIsUnsatisfiable() {
        assertEquals(416, assertThrows(RegistryException.class, () -> ByteRange.parse("bytes=-0", SIZE)).status());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "", "bytes=0-1,5-9", "bytes=0-1, 3-4", "items=0-9", "bytes 0-9", "bytes=", "bytes=-", "bytes=abc",
            "bytes=1-2-3", "bytes=a-9", "bytes=0x10-20", "bytes=+1-5", "0-9",
    })
    void unsupportedOrMalformedHeadersServeTheWholeBlob(String header) {
        assertEquals(Optional.empty(), ByteRange.parse(header, SIZE));
    }

    @Test
    void emptyBlobIgnoresRanges() {
        assertEquals(Optional.empty(), ByteRange.parse("bytes=0-", 0));
        assertEquals(Optional.empty(), ByteRange.parse("bytes=-10", 0));
    }
}
