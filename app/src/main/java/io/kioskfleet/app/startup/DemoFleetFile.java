package io.kioskfleet.app.startup;

import io.kioskfleet.core.demo.DemoFleet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code <data-dir>/demo-fleet.properties}: the demo fleet's enrollment token ({@code token}) and
 * its laptops' serials, comma-separated ({@code serials}), from which {@code ./kioskfleet --demo}
 * starts {@code kioskfleet-agent simulate}. Written once, when the demo is seeded; readable by its
 * owner only, as it holds a secret.
 */
public record DemoFleetFile(Path dataDir) {

    /** The file's name in the data directory. */
    public static final String NAME = "demo-fleet.properties";

    /** Writes {@code fleet} to the file, replacing an older one; returns the file. */
    public Path write(DemoFleet fleet) {
        Path file = dataDir.resolve(NAME);
        String text = "# The demo fleet of this store, for: kioskfleet-agent simulate --token ... --serials ...\n"
            + "token=" + fleet.tokenSecret() + "\n"
            + "serials=" + String.join(",", fleet.serials()) + "\n";
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
