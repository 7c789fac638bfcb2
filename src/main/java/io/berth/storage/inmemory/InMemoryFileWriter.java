package io.berth.storage.inmemory;

import io.berth.storage.spi.AbstractFileWriter;

import java.nio.ByteBuffer;

/**
 * Collects bytes privately and publishes them to the driver on commit or close, so the driver's map
 * only ever holds immutable snapshots and readers need no locking.
 */
final class InMemoryFileWriter extends AbstractFileWriter {

    private final InMemoryDriver driver;
    private final ChunkedBytes.Builder content;
    /** What the object looked like before this writer, restored on cancel; null means "absent". */
    private final InMemoryDriver.StoredObject previous;

    InMemoryFileWriter(InMemoryDriver driver, String path, ChunkedBytes base, InMemoryDriver.StoredObject previous) {
        super(path, base.size());
        this.driver = driver;
        this.content = new ChunkedBytes.Builder(base);
        this.previous = previous;
    }

    @Override
    protected void appendBytes(byte[] b, int off, int len) {
        content.append(b, off, len);
    }

    @Override
    protected void appendBuffer(ByteBuffer src) {
        content.append(src);
    }

    @Override
    protected void onCommit() {
        driver.publish(path(), content.build());
    }

    @Override
    protected void onClose() {
        driver.publish(path(), content.build());
    }

    @Override
    protected void onCancel() {
        driver.restore(path(), previous);
    }
}
