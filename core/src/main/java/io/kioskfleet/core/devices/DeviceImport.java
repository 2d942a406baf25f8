package io.kioskfleet.core.devices;

import java.util.List;

/**
 * The outcome of importing a CSV file of devices to pre-register.
 *
 * @param dryRun  true when nothing was written, only checked
 * @param created how many devices were (or, in a dry run, would be) created
 * @param rows    one line per data row, in file order
 */
public record DeviceImport(boolean dryRun, int created, List<Row> rows) {

    public DeviceImport {
        rows = List.copyOf(rows);
    }

    /** What happened to one row. */
    public enum Outcome { CREATED, WOULD_CREATE, ALREADY_REGISTERED, CONFLICT }

    /**
     * One imported row.
     *
     * @param line     the file line
     * @param serial   the serial on it
     * @param outcome  what happened
     * @param deviceId the created (or already registered) device, or null
     * @param message  why not, for a conflict found while writing
     */
    public record Row(int line, String serial, Outcome outcome, String deviceId, String message) {
    }
}
