package io.kioskfleet.agent;

import io.kioskfleet.protocol.policy.LocalizedText;
import io.kioskfleet.protocol.sessions.SessionEndReason;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * What the running agent tells the person at the device, in Japanese and English. A reference
 * agent has no screen of its own: it prints to standard output, and keeps the logout warning in
 * the file {@code logout-warning} of the state directory while it holds (a desktop shell can show
 * it), removed when the session ends.
 */
final class SessionNotices {

    /** The warning file's name in the state directory. */
    static final String WARNING_FILE = "logout-warning";
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final Map<SessionEndReason, LocalizedText> WHY = Map.of(
        SessionEndReason.TIMEOUT, new LocalizedText("最大利用時間", "maximum session length"),
        SessionEndReason.IDLE, new LocalizedText("無操作", "no input"),
        SessionEndReason.SCHEDULE, new LocalizedText("定時ログアウト", "scheduled logout"));

    private final Path warningFile;
    private final PrintStream out;

    SessionNotices(Path stateDir, PrintStream out) {
        this.warningFile = stateDir.resolve(WARNING_FILE);
        this.out = out;
    }

    /** A line for whoever watches the agent. */
    void say(String line) {
        out.println(line);
    }

    /** Warns that the session will be logged out at {@code logout}, shown in {@code zone}. */
    void warn(SessionLimits.Logout logout, ZoneId zone) {
        String at = HH_MM.format(logout.at().atZone(zone));
        LocalizedText why = WHY.getOrDefault(logout.reason(), new LocalizedText(logout.reason().name(), logout.reason().name()));
        String ja = "警告: " + at + " にログアウトします (" + why.ja() + ")。作業内容を保存してください。データは消去されます。";
        String en = "warning: this session will be logged out at " + at + " (" + why.en()
            + "). Save your work: its data will be erased.";
        out.println(ja);
        out.println(en);
        try {
            Files.writeString(warningFile, logout.at() + " " + logout.reason() + "\n" + ja + "\n" + en + "\n",
                StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + warningFile, e);
        }
    }

    /** Takes the logout warning down (the session ended, or its logout moved). */
    void clearWarning() {
        try {
            Files.deleteIfExists(warningFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + warningFile, e);
        }
    }

    /** Shows a MESSAGE command's text. */
    void message(LocalizedText text) {
        out.println("message: " + text.ja());
        out.println("message: " + text.en());
    }
}
