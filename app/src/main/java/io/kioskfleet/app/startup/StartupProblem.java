package io.kioskfleet.app.startup;

import io.kioskfleet.core.store.StoreUnavailableException;
import org.springframework.boot.web.server.PortInUseException;

/** Turns a failed start into one line that says what is wrong and how to fix it. */
public final class StartupProblem {

    private StartupProblem() {
    }

    /** The one-line explanation of {@code failure}. */
    public static String explain(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StoreUnavailableException store) {
                return store.getMessage();
            }
            if (cause instanceof PortInUseException port) {
                return "port " + port.getPort() + " is in use; stop the other process or set SERVER_PORT to a free port";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "could not start: " + root.getClass().getSimpleName() + ": " + oneLine(root.getMessage())
            + " (the log above has the details)";
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
