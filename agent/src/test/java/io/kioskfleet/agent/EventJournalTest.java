package io.kioskfleet.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.protocol.sessions.SessionIds;
import io.kioskfleet.protocol.sessions.SessionStart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventJournalTest {

    @TempDir
    Path stateDir;

    private static JournalEntry start(int minute) {
        Instant at = Instant.parse("2026-11-23T00:00:00Z").plusSeconds(60L * minute);
        return JournalEntry.started(new SessionStart(SessionIds.newId(at), null, "3F-A-12", null, at), at);
    }

    @Test
    void entriesSurviveARestartAndAreReplayedInTheOrderWrittenUntilTheServerIsAwayAgain() {
        List<JournalEntry> written = List.of(start(1), start(2), start(3));
        written.forEach(new EventJournal(stateDir)::append);

        List<String> sent = new ArrayList<>();
        EventJournal.Replay replay = new EventJournal(stateDir).replay(entry -> {
            if (sent.size() == 2) {
                throw new ServerUnreachable("no answer", null);
            }
            sent.add(entry.sessionId());
        });

        assertThat(sent).containsExactly(written.get(0).sessionId(), written.get(1).sessionId());
        assertThat(replay).isEqualTo(new EventJournal.Replay(2, 0, 1, "no answer"));
        assertThat(new EventJournal(stateDir).pending()).containsExactly(written.get(2));
    }

    @Test
    void anEntryRefusedForGoodIsSetAsideAndABusyServerStopsTheReplay() throws Exception {
        EventJournal journal = new EventJournal(stateDir);
        List.of(start(1), start(2), start(3)).forEach(journal::append);
        List<Integer> answers = new ArrayList<>(List.of(409, 429));

        EventJournal.Replay replay = journal.replay(entry -> {
            throw new ServerRefusal(answers.remove(0), null, "session-differs", "no");
        });

        assertThat(replay.refused()).isEqualTo(1);
        assertThat(replay.left()).isEqualTo(2);
        assertThat(Files.readString(stateDir.resolve(EventJournal.REFUSED_FILE))).contains("session-differs");
    }

    @Test
    void aLineCutShortByACrashIsIgnoredAndTheNextAppendStartsOnItsOwnLine() throws Exception {
        EventJournal journal = new EventJournal(stateDir);
        JournalEntry kept = start(1);
        journal.append(kept);
        Files.writeString(stateDir.resolve(EventJournal.FILE), "{\"kind\":\"SESSION_ST", StandardCharsets.UTF_8,
            StandardOpenOption.APPEND);
        assertThat(journal.pending()).containsExactly(kept);

        JournalEntry next = start(2);
        journal.append(next);
        assertThat(new EventJournal(stateDir).pending()).containsExactly(kept, next);
        assertThat(Files.readAllLines(stateDir.resolve(EventJournal.FILE))).hasSize(2);
    }
}
