package io.kioskfleet.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;

/**
 * The device's durable outbox for session events and wipe attestations: each is appended as one
 * JSON line and forced to disk before the agent goes on, so what the device did while the server
 * was unreachable survives a crash or restart; {@link #replay} sends the entries in the order they
 * were written and drops each the server took (or refused for good). The server treats the same
 * event or attestation again as harmless, so an entry sent twice (a crash between the send and
 * the rewrite of the file) does no harm.
 *
 * <p>A last line without its newline is an append the crash cut short: it is ignored (the
 * agent never acted on it, as an append returns only once the whole line is on disk). Entries the
 * server refuses for good go to a second file beside the journal, for whoever looks after the
 * device. Not thread-safe: the running agent uses it from its one loop.
 */
public final class EventJournal {

    /** The journal's file name in the state directory. */
    public static final String FILE = "journal.jsonl";
    /** Entries the server refused for good, with the refusal, in the state directory. */
    public static final String REFUSED_FILE = "journal-refused.jsonl";

    private final Path file;
    private final Path refusedFile;

    public EventJournal(Path stateDir) {
        this.file = stateDir.resolve(FILE);
        this.refusedFile = stateDir.resolve(REFUSED_FILE);
    }

    /** Sends one entry to the server; throws what {@link FleetServerClient} throws. */
    @FunctionalInterface
    public interface Sender {
        void send(JournalEntry entry);
    }

    /**
     * What one replay did.
     *
     * @param delivered entries the server took
     * @param refused   entries it refused for good (moved to the refused file)
     * @param left      entries still waiting, because the server could not be reached
     * @param failure   why the replay stopped early, or null when it went through
     */
    public record Replay(int delivered, int refused, int left, String failure) {
    }

    /** Appends {@code entry} and forces it to disk before returning. */
    public void append(JournalEntry entry) {
        if (endsTorn()) {
            rewrite(pending()); // drop the cut-short line, or the new one would be glued to it
        }
        appendLine(file, ProtocolJson.MAPPER.writeValueAsString(entry));
    }

    private boolean endsTorn() {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            return last.get(0) != '\n';
        } catch (java.nio.file.NoSuchFileException none) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal " + file, e);
        }
    }

    /** The entries not yet delivered, oldest first (a line that cannot be read is skipped; replay moves it aside). */
    public List<JournalEntry> pending() {
        return completeLines().stream().map(EventJournal::entryOrNull).filter(java.util.Objects::nonNull).toList();
    }

    private static JournalEntry entryOrNull(String line) {
        try {
            return ProtocolJson.MAPPER.readValue(line, JournalEntry.class);
        } catch (JacksonException | IllegalArgumentException unreadable) {
            return null;
        }
    }

    /** True when an entry of {@code kind} about {@code sessionId} waits in the journal. */
    public boolean holds(JournalEntry.Kind kind, String sessionId) {
        return pending().stream().anyMatch(entry -> entry.kind() == kind && entry.sessionId().equals(sessionId));
    }

    /**
     * Sends the waiting entries in order until one cannot be delivered because the server is
     * unreachable or busy (429); an entry refused for good is moved to the refused file and the
     * replay goes on. The journal then holds what is left.
     */
    public Replay replay(Sender sender) {
        List<String> lines = completeLines();
        if (lines.isEmpty()) {
            return new Replay(0, 0, 0, null);
        }
        List<JournalEntry> entries = new ArrayList<>();
        for (String line : lines) {
            JournalEntry entry = entryOrNull(line);
            if (entry == null) { // written by a foreign or broken process: kept aside where a person can see it
                appendLine(refusedFile, "{\"unreadable\":" + ProtocolJson.MAPPER.writeValueAsString(line) + "}");
            } else {
                entries.add(entry);
            }
        }
        int delivered = 0;
        int refused = 0;
        String failure = null;
        int next = 0;
        for (; next < entries.size(); next++) {
            JournalEntry entry = entries.get(next);
            try {
                sender.send(entry);
                delivered++;
            } catch (ServerRefusal refusal) {
                if (refusal.status() == 429) {
                    failure = refusal.getMessage();
                    break;
                }
                refused++;
                appendLine(refusedFile, "{\"refusal\":" + ProtocolJson.MAPPER.writeValueAsString(refusal.getMessage())
                    + ",\"entry\":" + ProtocolJson.MAPPER.writeValueAsString(entry) + "}");
            } catch (ServerUnreachable unreachable) {
                failure = unreachable.getMessage();
                break;
            }
        }
        List<JournalEntry> left = entries.subList(next, entries.size());
        rewrite(left);
        return new Replay(delivered, refused, left.size(), failure);
    }

    private List<String> completeLines() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            return end < 0 ? List.of() : text.substring(0, end).lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal " + file, e);
        }
    }

    /** Replaces the journal with {@code entries} (write a new file, force it, rename it over the old one). */
    private void rewrite(List<JournalEntry> entries) {
        Path temporary = file.resolveSibling(FILE + ".new");
        try {
            Files.deleteIfExists(temporary);
            StringBuilder text = new StringBuilder();
            for (JournalEntry entry : entries) {
                text.append(ProtocolJson.MAPPER.writeValueAsString(entry)).append('\n');
            }
            writeForced(temporary, text.toString(), StandardOpenOption.CREATE_NEW);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the journal " + file, e);
        }
    }

    private static void appendLine(Path target, String json) {
        try {
            Files.createDirectories(target.getParent());
            writeForced(target, json + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + target, e);
        }
    }

    private static void writeForced(Path target, String text, StandardOpenOption... options) throws IOException {
        List<StandardOpenOption> all = new ArrayList<>(List.of(options));
        all.add(StandardOpenOption.WRITE);
        try (FileChannel channel = FileChannel.open(target, all.toArray(StandardOpenOption[]::new))) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }
}
