package io.kioskfleet.core.audit;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.ForbiddenException;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.policies.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Auditors find who changed what, when, in a log that only grows, without reading all of it at once. */
class AuditSearchTest {

    private static final Actor AUDITOR = new Actor("kansa", Set.of(Role.AUDITOR), Set.of(), "10.0.0.9");
    private static final Actor SATO = new Actor("sato", Set.of(Role.FLEET_ADMIN), Set.of(), "10.0.0.2");

    @TempDir
    Path dataDir;
    CoreFixture fleet;
    AuditChain chain;
    SettableClock clock = new SettableClock();

    @BeforeEach
    void open() {
        fleet = CoreFixture.open(dataDir, clock);
        chain = fleet.audit();
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    @Test
    void anAuditorFindsOneAdminsDeviceChangesNewestFirst() {
        chain.note(SATO, "device.retire", "device", "dev_1", Map.of());
        chain.note(ADMIN, "device.retire", "device", "dev_2", Map.of());
        chain.note(SATO, "ou.create", "ou", "ou_1", Map.of());
        chain.note(SATO, "device.lock", "device", "dev_3", Map.of());

        AuditMatches found = chain.search(AUDITOR, new AuditFilter("sato", "device.", null, null, null), null, 10);

        assertThat(found.items()).extracting(AuditEvent::targetId).containsExactly("dev_3", "dev_1");
        assertThat(found.continueBefore()).isNull();
    }

    @Test
    void aPeriodSkipsWhatHappenedBeforeAndAfterIt() {
        Instant start = clock.instant();
        for (int day = 0; day < 10; day++) {
            chain.note(SATO, "ou.change", "ou", "day" + day, Map.of());
            clock.advance(Duration.ofDays(1));
        }

        AuditMatches found = chain.search(AUDITOR,
            new AuditFilter(null, null, null, start.plus(Duration.ofDays(3)), start.plus(Duration.ofDays(6))), null, 50);

        assertThat(found.items()).extracting(AuditEvent::targetId).containsExactly("day5", "day4", "day3");
        assertThat(found.scanned()).isLessThan(10);
    }

    @Test
    void aLongResultComesInStretchesThatContinueWhereTheLastEnded() {
        for (int i = 1; i <= 7; i++) {
            chain.note(SATO, "device.retire", "device", "dev_" + i, Map.of());
        }
        AuditFilter retirements = new AuditFilter(null, "device.retire", null, null, null);

        AuditMatches first = chain.search(AUDITOR, retirements, null, 3);
        AuditMatches second = chain.search(AUDITOR, retirements, first.continueBefore(), 3);
        AuditMatches last = chain.search(AUDITOR, retirements, second.continueBefore(), 3);

        assertThat(first.items()).extracting(AuditEvent::targetId).containsExactly("dev_7", "dev_6", "dev_5");
        assertThat(second.items()).extracting(AuditEvent::targetId).containsExactly("dev_4", "dev_3", "dev_2");
        assertThat(last.items()).extracting(AuditEvent::targetId).containsExactly("dev_1");
        assertThat(last.continueBefore()).isNull();
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        Instant now = clock.instant();
        assertThatThrownBy(() -> new AuditFilter(null, null, null, now, now.minusSeconds(1)))
            .isInstanceOf(InvalidInputException.class).hasMessageContaining("to: must not be before");
    }

    @Test
    void branchAdminsCannotSearchTheAuditLog() {
        Actor branch = new Actor("north", Set.of(Role.BRANCH_ADMIN), Set.of("ou_x"), "10.0.0.3");
        assertThatThrownBy(() -> chain.search(branch, AuditFilter.everything(), null, 10))
            .isInstanceOf(ForbiddenException.class);
    }
}
