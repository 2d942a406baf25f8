package io.kioskfleet.core.timeline;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.commands.CommandOrder;
import io.kioskfleet.core.devices.DeviceDraft;
import io.kioskfleet.core.enrollment.EnrollmentTokenDraft;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.protocol.commands.CommandType;
import io.kioskfleet.protocol.enrollment.EnrollmentRequest;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceTimelineTest {

    @TempDir
    Path dataDir;

    @Test
    void aDevicesChangesAndCommandsAreOneListNewestFirst() {
        try (CoreFixture fleet = CoreFixture.open(dataDir)) {
            OrganisationUnit hq = fleet.units().create(ADMIN, new OuDraft("本庁舎", null, null, 0));
            fleet.devices().preRegister(ADMIN, new DeviceDraft("SN-1", hq.id(), null, null, List.of(), null));
            String secret = fleet.protocol().tokens().create(ADMIN, new EnrollmentTokenDraft(hq.id(), null, 1, null)).secret();
            String id = fleet.protocol().enrollment()
                .enroll(new EnrollmentRequest(secret, "SN-1", DeviceKeyPair.generate().publicKeyText(), "1.0"), "10.0.0.1")
                .deviceId();
            fleet.commands().admin().issue(ADMIN, new CommandOrder(CommandType.REBOOT, List.of(id), null, null, null, null));
            DeviceTimeline timeline = new DeviceTimeline(fleet.devices(), fleet.audit(), fleet.commands().admin(),
                fleet.sessions().ledger(), new io.kioskfleet.core.faults.DeviceFaults(fleet.store(), fleet.devices(),
                    java.time.Clock.systemUTC()), fleet.protocol().presence());

            List<TimelineEntry> entries = timeline.of(ADMIN, id);

            assertThat(entries).extracting(TimelineEntry::kind).contains("change", "command");
            assertThat(entries).filteredOn(entry -> entry.kind().equals("command"))
                .extracting(TimelineEntry::what, TimelineEntry::detail).containsExactly(org.assertj.core.groups.Tuple.tuple("REBOOT", "QUEUED"));
            assertThat(entries).isSortedAccordingTo(java.util.Comparator.comparing(TimelineEntry::at).reversed());
        }
    }
}
