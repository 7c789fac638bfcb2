package io.berth.platform;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * Key material generated on first start into the data directory, readable by the owner only (mode 600).
 * Several nodes sharing the directory may start at once: the file is written whole under a temporary name
 * and hard-linked into place, which fails for all but the first node; the others then read the winner's key.
 */
public final class KeyFiles {

    private KeyFiles() {
    }

    /** The content of {@code file}, generating it with {@code generator} if it does not exist yet. */
    public static byte[] readOrCreate(Path file, Supplier<byte[]> generator) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.write(tmp, generator.get());
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException e) {
                // another node won the race; use its key
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return Files.readAllBytes(file);
    }
}
