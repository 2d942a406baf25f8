package io.kioskfleet.core.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.core.CoreFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notices from one instance reach another's subscribers, without holding a lock a subscriber could need. */
class ChangeNoticesTest {

    @TempDir
    Path dataDir;
    CoreFixture fleet;
    ChangeNotices writer;
    ChangeNotices reader;

    @BeforeEach
    void twoInstancesOnOneStore() {
        fleet = CoreFixture.open(dataDir);
        writer = new ChangeNotices(fleet.store(), Duration.ZERO);
        reader = new ChangeNotices(fleet.store(), Duration.ZERO);
    }

    @AfterEach
    void close() {
        writer.close();
        reader.close();
        fleet.close();
    }

    @Test
    void aNoticePublishedOnOneInstanceReachesTheOthersSubscribersAtItsPoll() {
        List<String> heard = new CopyOnWriteArrayList<>();
        reader.subscribe("device", heard::add, () -> heard.add("*"));

        writer.publish("device", "dev_1");
        writer.publish("device", "dev_2");
        assertThat(heard).isEmpty();
        reader.poll();

        assertThat(heard).containsExactly("dev_1", "dev_2");
    }

    @Test
    void aSubscriberBeingToldMayWaitForAnotherThreadPublishingOnTheSameInstance() {
        // What the command inbox does: its lock is held by a writer that publishes, while a poll tells it.
        List<String> published = new CopyOnWriteArrayList<>();
        reader.subscribe("device", key -> {
            if (key.equals("dev_1")) {
                CompletableFuture.runAsync(() -> reader.publish("inbox", "dev_1")).orTimeout(10, TimeUnit.SECONDS).join();
                published.add(key);
            }
        }, () -> { });
        writer.publish("device", "dev_1");

        reader.poll();

        assertThat(published).containsExactly("dev_1");
    }
}
