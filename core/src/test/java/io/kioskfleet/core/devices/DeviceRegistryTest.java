package io.kioskfleet.core.devices;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.ForbiddenException;
import io.kioskfleet.core.input.FieldError;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import io.kioskfleet.core.store.VersionConflictException;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceRegistryTest {

    @TempDir
    Path dataDir;
    CoreFixture fleet;
    DeviceRegistry devices;
    OrganisationUnit hq;
    OrganisationUnit north;
    OrganisationUnit south;

    @BeforeEach
    void open() {
        fleet = CoreFixture.open(dataDir);
        devices = fleet.devices();
        hq = fleet.units().create(ADMIN, new OuDraft("本庁舎", null, null, 0));
        north = fleet.units().create(ADMIN, new OuDraft("北部支所", hq.id(), "北区1", 90));
        south = fleet.units().create(ADMIN, new OuDraft("南部支所", hq.id(), "南区2", 30));
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    private Device register(String serial, String ouId) {
        return devices.preRegister(ADMIN, new DeviceDraft(serial, ouId, "Chromebook", null, List.of("shared"), null));
    }

    private static List<String> paths(Throwable e) {
        return ((InvalidInputException) e).errors().stream().map(FieldError::path).toList();
    }

    @Test
    void aPreRegisteredDeviceWaitsToEnrollUnderItsSerial() {
        Device device = register(" sn-0001 ", north.id());
        assertThat(device.id()).startsWith("dev_");
        assertThat(device.serial()).isEqualTo("SN-0001");
        assertThat(device.status()).isEqualTo(DeviceStatus.PREREGISTERED);
        assertThat(devices.get(ADMIN, device.id())).isEqualTo(device);
    }

    @Test
    void aSerialIsRegisteredOnceEvenIgnoringCase() {
        register("SN-0001", north.id());
        assertThatThrownBy(() -> register("sn-0001", south.id()))
            .isInstanceOf(ConflictException.class)
            .hasMessageContaining("SN-0001 is already registered");
    }

    @Test
    void concurrentRegistrationsOfOneSerialHaveExactlyOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            attempts.add(() -> {
                try {
                    register("SN-RACE", north.id());
                    return true;
                } catch (ConflictException lost) {
                    return false;
                }
            });
        }
        long winners = 0;
        for (Future<Boolean> result : pool.invokeAll(attempts)) {
            winners += result.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(winners).isEqualTo(1);
    }

    @Test
    void badFieldsAreAllReportedWithTheirPaths() {
        assertThatThrownBy(() -> devices.preRegister(ADMIN,
            new DeviceDraft("x", null, null, null, List.of("ok", "not ok!"), null)))
            .isInstanceOf(InvalidInputException.class)
            .satisfies(e -> assertThat(paths(e)).containsExactly("serial", "ouId", "tags[1]"));
        assertThatThrownBy(() -> register("SN-0002", "ou_missing"))
            .isInstanceOf(InvalidInputException.class)
            .satisfies(e -> assertThat(paths(e)).containsExactly("ouId"));
        // A branch admin learns nothing about ids outside their units: missing or foreign, both are refused alike.
        Actor northAdmin = CoreFixture.branchAdminOf(north.id());
        assertThatThrownBy(() -> devices.preRegister(northAdmin, new DeviceDraft("SN-0003", "ou_missing", null, null, null, null)))
            .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theListFiltersByUnitStatusAndTextAndPages() {
        for (int i = 1; i <= 7; i++) {
            register(String.format("N-%03d", i), north.id());
        }
        register("S-001", south.id());
        devices.retire(ADMIN, register("S-002", south.id()).id(), "broken screen", null);

        Page<Device> firstPage = devices.search(ADMIN, new DeviceQuery(north.id(), false, null, null), new PageRequest(0, 5));
        assertThat(firstPage.total()).isEqualTo(7);
        assertThat(firstPage.items()).extracting(Device::serial).containsExactly("N-001", "N-002", "N-003", "N-004", "N-005");
        assertThat(devices.search(ADMIN, new DeviceQuery(north.id(), false, null, null), new PageRequest(1, 5)).items())
            .extracting(Device::serial).containsExactly("N-006", "N-007");
        assertThat(devices.search(ADMIN, new DeviceQuery(hq.id(), true, DeviceStatus.RETIRED, null), new PageRequest(0, 50)).items())
            .extracting(Device::serial).containsExactly("S-002");
        assertThat(devices.search(ADMIN, new DeviceQuery(null, true, null, "s-00"), new PageRequest(0, 50)).total()).isEqualTo(2);
        assertThat(devices.search(ADMIN, new DeviceQuery(null, true, null, "broken"), new PageRequest(0, 50)).total()).isZero();
        assertThat(devices.search(ADMIN, new DeviceQuery(hq.id(), false, null, null), new PageRequest(0, 50)).total()).isZero();
        assertThat(devices.search(ADMIN, new DeviceQuery(null, true, null, null, "shared"), new PageRequest(0, 50)).total())
            .isEqualTo(9);
        assertThat(devices.search(ADMIN, new DeviceQuery(null, true, null, null, "share"), new PageRequest(0, 50)).total())
            .isZero();
    }

    @Test
    void aBranchAdminSeesAndTouchesOnlyTheirOwnBranch() {
        Device southDevice = register("S-001", south.id());
        register("N-001", north.id());
        Actor northAdmin = CoreFixture.branchAdminOf(north.id());

        assertThat(devices.search(northAdmin, DeviceQuery.everything(), new PageRequest(0, 50)).items())
            .extracting(Device::serial).containsExactly("N-001");
        assertThat(devices.search(northAdmin, new DeviceQuery(hq.id(), true, null, null), new PageRequest(0, 50)).items())
            .extracting(Device::serial).containsExactly("N-001");
        assertThatThrownBy(() -> devices.get(northAdmin, southDevice.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> devices.retire(northAdmin, southDevice.id(), null, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> devices.preRegister(northAdmin, new DeviceDraft("S-009", south.id(), null, null, null, null)))
            .isInstanceOf(ForbiddenException.class);
        assertThat(devices.preRegister(northAdmin, new DeviceDraft("N-009", north.id(), null, null, null, null)).ouId())
            .isEqualTo(north.id());
    }

    @Test
    void itsModelTagsAndNoteAreEditedFromTheVersionReadAndAStaleEditIsAConflict() {
        Device device = register("SN-0101", north.id());
        Device edited = devices.edit(ADMIN, device.id(),
            new DeviceEdit(null, "ThinkPad L13", "", List.of("窓口", "2F"), "バッテリー交換済み", 1L));

        assertThat(edited).extracting(Device::model, Device::assetTag, Device::tags, Device::notes, Device::ouId, Device::version)
            .containsExactly("ThinkPad L13", null, List.of("窓口", "2F"), "バッテリー交換済み", north.id(), 2L);
        assertThat(devices.get(ADMIN, device.id())).isEqualTo(edited);
        assertThatThrownBy(() -> devices.edit(ADMIN, device.id(), new DeviceEdit(null, "Other", null, null, null, 1L)))
            .isInstanceOf(VersionConflictException.class);
        assertThat(fleet.audit().forTarget(ADMIN, device.id())).extracting(event -> event.action())
            .containsOnlyOnce("device.edit");
    }

    @Test
    void aBranchAdminMovesDevicesOnlyBetweenTheirOwnUnits() {
        OrganisationUnit northDesk = fleet.units().create(ADMIN, new OuDraft("北部支所 窓口", north.id(), "北区1", 0));
        Device device = register("SN-0102", north.id());
        Actor northAdmin = CoreFixture.branchAdminOf(north.id(), northDesk.id());

        assertThatThrownBy(() -> devices.edit(northAdmin, device.id(), new DeviceEdit(south.id(), null, null, null, null, 1L)))
            .isInstanceOf(ForbiddenException.class);
        Device moved = devices.edit(northAdmin, device.id(), new DeviceEdit(northDesk.id(), null, null, null, null, 1L));
        assertThat(moved.ouId()).isEqualTo(northDesk.id());
        assertThat(devices.edit(ADMIN, device.id(), new DeviceEdit(south.id(), null, null, null, null, 2L)).ouId())
            .isEqualTo(south.id());
        assertThatThrownBy(() -> devices.edit(northAdmin, device.id(), new DeviceEdit(null, "x", null, null, null, 3L)))
            .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anEditWithBadFieldsOrWithoutItsVersionSavesNothingAndNamesEveryField() {
        Device device = register("SN-0103", north.id());
        assertThatThrownBy(() -> devices.edit(ADMIN, device.id(), new DeviceEdit(null, "m".repeat(201), null,
            List.of("ok", "no spaces"), null, null)))
            .satisfies(refused -> assertThat(paths(refused)).containsExactlyInAnyOrder("version", "model", "tags[1]"));
        assertThatThrownBy(() -> devices.edit(ADMIN, device.id(), new DeviceEdit("ou_missing", null, null, null, null, 1L)))
            .isInstanceOf(InvalidInputException.class);
        assertThat(devices.get(ADMIN, device.id()).version()).isEqualTo(1);
    }

    @Test
    void retiringIsRecordedOnceAndHonoursTheVersionTheCallerSaw() {
        Device device = register("SN-0001", north.id());
        Device retired = devices.retire(ADMIN, device.id(), "lost on a train", 1L);
        assertThat(retired.status()).isEqualTo(DeviceStatus.RETIRED);
        assertThat(retired.retiredReason()).isEqualTo("lost on a train");
        assertThat(retired.version()).isEqualTo(2);
        assertThat(devices.retire(ADMIN, device.id(), "again", null)).isEqualTo(retired);

        Device other = register("SN-0002", north.id());
        assertThatThrownBy(() -> devices.retire(ADMIN, other.id(), null, 7L)).isInstanceOf(VersionConflictException.class);
        assertThat(fleet.audit().verify(ADMIN).eventsChecked()).isEqualTo(3 + 3);
    }

    @Test
    void aCsvFileRegistersEveryRowByUnitNameOrId() {
        String csv = "serial,ou,model,assetTag,tags\r\n"
            + "SN-1001,北部支所,Chromebook,A-1,shared;kiosk\r\n"
            + "\"SN-1002\"," + south.id() + ",\"Think, Book\",A-2,\r\n";
        DeviceImport result = devices.importCsv(ADMIN, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), false);
        assertThat(result.created()).isEqualTo(2);
        assertThat(result.rows()).extracting(DeviceImport.Row::line).containsExactly(2, 3);
        Device second = devices.get(ADMIN, result.rows().get(1).deviceId());
        assertThat(second.model()).isEqualTo("Think, Book");
        assertThat(second.ouId()).isEqualTo(south.id());
        assertThat(devices.get(ADMIN, result.rows().get(0).deviceId()).tags()).containsExactly("shared", "kiosk");
    }

    @Test
    void aCsvFileWithAnyBadRowWritesNothingAndNamesEveryBadLine() {
        register("SN-2000", north.id());
        String csv = "serial,ou\nSN-2001,北部支所\nSN-2000,南部支所\nSN-2003,どこにもない支所\nSN-2001,南部支所\n,南部支所\n";
        assertThatThrownBy(() -> devices.importCsv(ADMIN, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), false))
            .isInstanceOf(InvalidInputException.class)
            .satisfies(e -> assertThat(paths(e))
                .containsExactly("line 3: serial", "line 4: ou", "line 5: serial", "line 6: serial"));
        assertThat(devices.search(ADMIN, DeviceQuery.everything(), new PageRequest(0, 50)).total()).isEqualTo(1);
    }

    @Test
    void aCsvFileSavedByJapaneseExcelInShiftJisIsRead() {
        String csv = "serial,ou,notes\r\nSN-3001,南部支所,窓際の席\r\n";
        DeviceImport result = devices.importCsv(ADMIN, new ByteArrayInputStream(csv.getBytes(Charset.forName("windows-31j"))), false);
        assertThat(devices.get(ADMIN, result.rows().get(0).deviceId()).notes()).isEqualTo("窓際の席");
    }

    @Test
    void aDryRunChecksWithoutWriting() {
        DeviceImport result = devices.importCsv(ADMIN, new ByteArrayInputStream("serial,ou\nSN-4001,北部支所\n".getBytes(StandardCharsets.UTF_8)), true);
        assertThat(result.dryRun()).isTrue();
        assertThat(result.rows()).extracting(DeviceImport.Row::outcome).containsExactly(DeviceImport.Outcome.WOULD_CREATE);
        assertThat(devices.search(ADMIN, DeviceQuery.everything(), new PageRequest(0, 50)).total()).isZero();
    }

    @Test
    void aCsvFileWithAWrongHeaderIsRefusedAsAWhole() {
        assertThatThrownBy(() -> devices.importCsv(ADMIN, new ByteArrayInputStream("serial,office\nSN-1,x\n".getBytes(StandardCharsets.UTF_8)), false))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("unknown column 'office'");
        assertThatThrownBy(() -> devices.importCsv(ADMIN, new ByteArrayInputStream(new byte[0]), false))
            .isInstanceOf(InvalidInputException.class).hasMessageContaining("empty");
    }

    @Test
    void summariesCoverWhatTheActorMaySeeAndStaffSeeNoDevices() {
        register("N-001", north.id());
        devices.retire(ADMIN, register("N-002", north.id()).id(), null, null);
        register("S-001", south.id());

        assertThat(devices.summaries(ADMIN)).extracting(DeviceSummary::status)
            .containsExactlyInAnyOrder(DeviceStatus.PREREGISTERED, DeviceStatus.PREREGISTERED, DeviceStatus.RETIRED);
        assertThat(devices.summaries(CoreFixture.branchAdminOf(south.id()))).extracting(DeviceSummary::status)
            .containsExactly(DeviceStatus.PREREGISTERED);
        Actor staff = new Actor("staff", java.util.Set.of(io.kioskfleet.core.access.Role.STAFF), java.util.Set.of(), "x");
        assertThat(devices.readableBy(staff)).isFalse();
        assertThatThrownBy(() -> devices.summaries(staff)).isInstanceOf(ForbiddenException.class);
    }

    private DeviceImport importText(String csv, boolean dryRun) {
        return devices.importCsv(ADMIN, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), dryRun);
    }

    @Test
    void sendingTheSameFileAgainSkipsWhatIsRegisteredAlready() {
        String csv = "serial,ou\nSN-5001,北部支所\nSN-5002,北部支所\n";
        importText("serial,ou\nSN-5001,北部支所\n", false);

        DeviceImport again = importText(csv, false);

        assertThat(again.created()).isEqualTo(1);
        assertThat(again.rows()).extracting(DeviceImport.Row::outcome)
            .containsExactly(DeviceImport.Outcome.ALREADY_REGISTERED, DeviceImport.Outcome.CREATED);
        assertThat(importText(csv, false).created()).isZero();
    }

    @Test
    void aSerialRegisteredInAnotherUnitIsAnErrorNotASkip() {
        register("SN-6001", south.id());
        assertThatThrownBy(() -> importText("serial,ou\nSN-6001,北部支所\n", false))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("already registered in another unit");
    }

    @Test
    void aRowWithMoreFieldsThanColumnsIsReportedNotTruncated() {
        assertThatThrownBy(() -> importText("serial,ou,notes\nSN-7001,北部支所,窓際, 2F\n", false))
            .isInstanceOf(InvalidInputException.class)
            .satisfies(e -> assertThat(paths(e)).containsExactly("line 2: fields"))
            .hasMessageContaining("double quotes");
    }

    @Test
    void aFileThatIsNeitherUtf8NorShiftJisIsRefusedRatherThanGarbled() {
        byte[] bytes = {'s', 'e', 'r', 'i', 'a', 'l', ',', 'o', 'u', '\n', (byte) 0x81, (byte) 0xff, ',', 'x', '\n'};
        assertThatThrownBy(() -> devices.importCsv(ADMIN, new ByteArrayInputStream(bytes), false))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("neither UTF-8 nor Shift_JIS");
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsRead() {
        byte[] huge = new byte[DeviceCsvFormat.MAX_BYTES + 1];
        assertThatThrownBy(() -> devices.importCsv(ADMIN, new ByteArrayInputStream(huge), false))
            .isInstanceOf(io.kioskfleet.core.input.TooLargeException.class);
    }

    @Test
    void unitNamesInAFileMatchWhateverTheCharacterWidth() {
        fleet.units().create(ADMIN, new OuDraft("ＡＢＣ支所", hq.id(), "x", 10));
        DeviceImport result = importText("serial,ou\nSN-8001,abc支所\n", false);
        assertThat(result.created()).isEqualTo(1);
    }

    @Test
    void everyRegisteredDeviceHasItsAuditEvent() {
        DeviceImport result = importText("serial,ou\nSN-9001,北部支所\nSN-9002,南部支所\n", false);
        for (DeviceImport.Row row : result.rows()) {
            assertThat(fleet.audit().forTarget(ADMIN, row.deviceId()))
                .extracting(io.kioskfleet.core.audit.AuditEvent::action).containsExactly("device.preregister");
        }
    }
}
