package io.kioskfleet.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CPU time a process has used so far, read from {@code /proc/<pid>/stat} (Linux). */
final class CpuTime {

    /** The kernel's clock ticks per second ({@code getconf CLK_TCK}), 100 on Linux for x86 and ARM. */
    static final int TICKS_PER_SECOND = 100;

    private CpuTime() {
    }

    /** User plus system time of process {@code pid}, in clock ticks. */
    static long of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
