package io.berth.registry.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentRangeTest {

    @Test
    void specificationForm() {
        ContentRange range = ContentRange.parse("0-1023");
        assertEquals(0, range.start());
        assertEquals(1023, range.endInclusive());
        assertEquals(1024, range.length());
        assertEquals("0-1023", range.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1024-2047", "bytes 1024-2047", "bytes=1024-2047", "bytes 1024-2047/4096",
            "bytes 1024-2047/*", "1024-2047/4096", " 1024-2047 "})
    void toleratesTheRfcForm(String header) {
        ContentRange range = ContentRange.parse(header);
        assertEquals(1024, range.start());
        assertEquals(2047, range.endInclusive());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1024", "-5", "5-", "a-b", "0-5-7", "bytes */4096", "0x0-0x10", "1-2/", "1-2/abc",
            "99999999999999999999-99999999999999999999"})
    void malformedIsRangeInvalid(String header) {
        RegistryException e = assertThrows(RegistryException.class, () -> ContentRange.parse(header));
        assertEquals(OciErrorCode.RANGE_INVALID, e.code());
        assertEquals(416, e.status());
    }

    @Test
    void endBeforeStartIsRangeInvalid() {
        assertEquals(416, assertThrows(RegistryException.class, () -> ContentRange.parse("10-5")).status());
    }

    @Test
    void totalMustCoverTheRange() {
        assertEquals(416, assertThrows(RegistryException.class, () -> ContentRange.parse("bytes 0-99/50")).status());
        assertDoesNotThrow(() -> ContentRange.parse("bytes 0-99/100"));
    }

    @Test
    void chunkMustContinueTheUpload() {
        ContentRange range = ContentRange.parse("1024-2047");
        assertDoesNotThrow(() -> range.requireContinues(1024));
        RegistryException e = assertThrows(RegistryException.class, () -> range.requireContinues(512));
        assertEquals(OciErrorCode.RANGE_INVALID, e.code());
        assertEquals(416, e.status());
        assertEquals("0-511", e.headers().get("Range"), "tells the client where the upload really is");
    }

    @Test
    void firstChunkStartsAtZero() {
        RegistryException e = assertThrows(RegistryException.class, () -> ContentRange.parse("1-10").requireContinues(0));
        assertEquals("0-0", e.headers().get("Range"));
    }

    @Test
    void contentLengthMustMatchTheRange() {
        ContentRange range = ContentRange.parse("0-99");
        assertDoesNotThrow(() -> range.requireLength(100));
        RegistryException e = assertThrows(RegistryException.class, () -> range.requireLength(99));
        assertEquals(OciErrorCode.SIZE_INVALID, e.code());
    }

    @Test
    void uploadRangeHeader() {
        assertEquals("0-0", ContentRange.uploadRangeHeader(0), "distribution and zot send 0-0 for an empty upload");
        assertEquals("0-0", ContentRange.uploadRangeHeader(1));
        assertEquals("0-1023", ContentRange.uploadRangeHeader(1024));
        assertThrows(IllegalArgumentException.class, () -> ContentRange.uploadRangeHeader(-1));
    }
}
