package io.berth.storage.filesystem;

import io.berth.storage.spi.AbstractFileWriter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

/**
 * Writes straight into the target file, like distribution's filesystem driver: an upload that is
 * closed between two PATCH requests must leave its bytes in place for the next appending writer, so
 * a temp-file-and-rename scheme would not fit. Nothing is buffered, hence no flush is needed anywhere.
 */
final class FilesystemFileWriter extends AbstractFileWriter {

    private final Path file;
    private final FileChannel channel;
    /** Size to truncate back to on cancel, or -1 if cancel must delete the file (we created or truncated it). */
    private final long rollbackSize;

    private FilesystemFileWriter(String path, Path file, FileChannel channel, long initialSize, long rollbackSize) {
        super(path, initialSize);
        this.file = file;
        this.channel = channel;
        this.rollbackSize = rollbackSize;
    }

    /** Opens {@code file}, whose parent directory must exist. */
    static FilesystemFileWriter open(String path, Path file, boolean append) throws IOException {
        if (!append) {
            return new FilesystemFileWriter(path, file, FileChannel.open(file, CREATE, WRITE, TRUNCATE_EXISTING), 0, -1);
        }
        try {
            // CREATE_NEW tells us atomically whether the object existed, which decides what cancel undoes.
            return new FilesystemFileWriter(path, file, FileChannel.open(file, CREATE_NEW, WRITE), 0, -1);
        } catch (FileAlreadyExistsException existing) {
            FileChannel channel = FileChannel.open(file, WRITE);
            try {
                long size = channel.size();
                channel.position(size);
                return new FilesystemFileWriter(path, file, channel, size, size);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }
    }

    @Override
    protected void appendBytes(byte[] b, int off, int len) throws IOException {
        FileChannelWrites.writeFully(channel, ByteBuffer.wrap(b, off, len));
    }

    @Override
    protected void appendBuffer(ByteBuffer src) throws IOException {
        FileChannelWrites.writeFully(channel, src);
    }

    @Override
    protected void onCommit() throws IOException {
        channel.close();
    }

    @Override
    protected void onClose() throws IOException {
        channel.close();
    }

    @Override
    protected void onCancel() throws IOException {
        if (rollbackSize < 0) {
            try {
                channel.close();
            } finally {
                Files.deleteIfExists(file);
            }
        } else {
            try (channel) {
                channel.truncate(rollbackSize);
            }
        }
    }
}
