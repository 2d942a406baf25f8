package io.kioskfleet.core.input;

/** An upload or document is larger than the service accepts (an HTTP caller sees 413). */
public class TooLargeException extends RuntimeException {

    private final long limitBytes;

    public TooLargeException(String what, long limitBytes) {
        super(what + " is larger than " + describe(limitBytes) + "; split it or make it smaller");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }

    private static String describe(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }
}
