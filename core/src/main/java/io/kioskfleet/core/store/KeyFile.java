package io.kioskfleet.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * A secret the server keeps as a file in its data directory, outside the store whose records it
 * vouches for: made on first use (readable by its owner only), read as it is afterwards. Two
 * instances starting together agree on one file: the first to move its new file in wins.
 */
public final class KeyFile {

    private KeyFile() {
    }

    /** The bytes of {@code file}, written first from {@code fresh} if there is no such file. */
    public static byte[] readOrCreate(Path file, Supplier<byte[]> fresh) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                writeNew(file, fresh.get());
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file, e);
        }
    }

    private static void writeNew(Path file, byte[] secret) throws IOException {
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".new");
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions protect the file.
        }
        Files.write(temporary, secret);
        try {
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
            Files.delete(temporary);
        }
    }
}
