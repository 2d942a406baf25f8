package io.kioskfleet.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * When someone last used the device (keyboard, mouse, touch): the running agent's idle logout
 * counts from it, and after a logout the next session starts at the first input. A reference
 * agent cannot see input itself, so the desktop tells it by touching a file.
 */
@FunctionalInterface
public interface InputActivity {

    /** The time of the last input, if there was any. */
    Optional<Instant> lastInput();

    /** Input as the modification time of {@code file}, which the desktop session touches on input. */
    static InputActivity touchedFile(Path file) {
        return () -> {
            try {
                return Optional.of(Files.getLastModifiedTime(file).toInstant());
            } catch (NoSuchFileException none) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the input-activity file " + file, e);
            }
        };
    }
}
