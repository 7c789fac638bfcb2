package io.berth.storage.spi;

import java.io.Serial;

/**
 * A read offset or byte range lies outside the object. Range requests and upload resumption turn
 * it into 416 Range Not Satisfiable. The static checks live here so every driver rejects exactly the
 * same inputs.
 */
public class InvalidOffsetException extends StorageException {

    @Serial
    private static final long serialVersionUID = 1L;

    public InvalidOffsetException(String path, String detail) {
        super(path, detail);
    }

    /** Accepts {@code 0 <= offset <= size}. */
    public static void checkOffset(String path, long offset, long size) throws InvalidOffsetException {
        if (offset < 0 || offset > size) {
            throw new InvalidOffsetException(path, "invalid offset " + offset + " for object of size " + size);
        }
    }

    /** Accepts a non-negative range {@code [offset, offset + length)} within {@code [0, size)}, overflow-safe. */
    public static void checkRange(String path, long offset, long length, long size) throws InvalidOffsetException {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            throw new InvalidOffsetException(path,
                    "invalid range offset=" + offset + " length=" + length + " for object of size " + size);
        }
    }
}
