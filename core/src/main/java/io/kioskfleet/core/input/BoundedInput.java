package io.kioskfleet.core.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads an upload into memory only up to a limit, so a huge body cannot exhaust the heap. */
public final class BoundedInput {

    private BoundedInput() {
    }

    /**
     * All bytes of {@code in}, if there are at most {@code limit}.
     *
     * @throws TooLargeException when there are more
     */
    public static byte[] readAtMost(InputStream in, int limit, String what) {
        try {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new TooLargeException(what, limit);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + what, e);
        }
    }
}
