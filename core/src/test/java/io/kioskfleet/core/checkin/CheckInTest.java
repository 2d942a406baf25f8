package io.kioskfleet.core.checkin;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.core.deviceauth.DeviceAuthentication;
import io.kioskfleet.core.deviceauth.DeviceAuthenticationException;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceDraft;
import io.kioskfleet.core.devices.DeviceStatus;
import io.kioskfleet.core.enrollment.EnrollmentTokenDraft;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.policies.Policy;
import io.kioskfleet.core.policies.PolicyTexts;
import io.kioskfleet.core.policies.SettableClock;
import io.kioskfleet.protocol.checkin.CheckInAnswer;
import io.kioskfleet.protocol.checkin.CheckInRequest;
import io.kioskfleet.protocol.checkin.DeviceActivity;
import io.kioskfleet.protocol.checkin.Inventory;
import io.kioskfleet.protocol.checkin.ManagedState;
import io.kioskfleet.protocol.enrollment.EnrollmentRequest;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import io.kioskfleet.protocol.signing.RequestSignature;
import io.kioskfleet.protocol.signing.SignedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckInTest {

    private static final byte[] BODY = "{\"activity\":\"IDLE\"}".getBytes(StandardCharsets.UTF_8);
    private static final Inventory INVENTORY = new Inventory("ThinBook 14", "KioskOS 3.2", "1.0", 12_000_000_000L, 87,
        "192.168.10.23", "3F-A-12");

    @TempDir
    Path dataDir;
    final SettableClock clock = new SettableClock();
    CoreFixture fleet;
    DeviceAuthentication authentication;
    CheckIns checkIns;
    OrganisationUnit north;
    Device laptop;
    final DeviceKeyPair keys = DeviceKeyPair.generate();

    @BeforeEach
    void enrolledLaptop() {
        fleet = CoreFixture.open(dataDir, clock);
        authentication = fleet.protocol().authentication();
        checkIns = fleet.protocol().checkIns();
        OrganisationUnit hq = fleet.units().create(ADMIN, new OuDraft("本庁舎", null, null, 0));
        north = fleet.units().create(ADMIN, new OuDraft("北部支所", hq.id(), "北区1", 90));
        fleet.devices().preRegister(ADMIN, new DeviceDraft("SN-1", north.id(), null, null, List.of(), null));
        String secret = fleet.protocol().tokens().create(ADMIN, new EnrollmentTokenDraft(north.id(), null, 1, null)).secret();
        String id = fleet.protocol().enrollment().enroll(new EnrollmentRequest(secret, "SN-1", keys.publicKeyText(), "1.0"),
            "10.0.0.1").deviceId();
        laptop = fleet.devices().get(ADMIN, id);
    }

    @AfterEach
    void close() {
        fleet.close();
    }

    private SignedRequest signedNow() {
        return SignedRequest.of("POST", "/agent/v1/check-in", clock.instant(), BODY);
    }

    private AuthenticatedDevice authenticate(SignedRequest request) {
        return authentication.authenticate(laptop.id(), request, RequestSignature.sign(keys, request));
    }

    private String refusal(Runnable attempt) {
        try {
            attempt.run();
        } catch (DeviceAuthenticationException refused) {
            return refused.reason();
        }
        throw new AssertionError("the request was accepted");
    }

    private CheckInAnswer checkIn(String heldEtag) {
        return checkIns.checkIn(authenticate(signedNow()), new CheckInRequest(DeviceActivity.IDLE, INVENTORY, heldEtag),
            "10.0.0.7");
    }

    @Test
    void aRequestSignedWithTheEnrolledKeyIsTheDevice() {
        AuthenticatedDevice device = authenticate(signedNow());
        assertThat(device).isEqualTo(new AuthenticatedDevice(laptop.id(), north.id(), DeviceStatus.ENROLLED));
    }

    @Test
    void aForgedSignatureIsRefused() {
        SignedRequest request = signedNow();
        String forged = RequestSignature.sign(DeviceKeyPair.generate(), request);
        assertThat(refusal(() -> authentication.authenticate(laptop.id(), request, forged))).isEqualTo("bad-signature");
    }

    @Test
    void aReplayedRequestIsRefused() {
        SignedRequest request = signedNow();
        String signature = RequestSignature.sign(keys, request);
        authentication.authenticate(laptop.id(), request, signature);
        assertThat(refusal(() -> authentication.authenticate(laptop.id(), request, signature))).isEqualTo("replayed-nonce");
    }

    @Test
    void timestampsMoreThanFiveMinutesOffEitherWayAreRefused() {
        SignedRequest old = SignedRequest.of("POST", "/agent/v1/check-in", clock.instant().minusSeconds(301), BODY);
        SignedRequest future = SignedRequest.of("POST", "/agent/v1/check-in", clock.instant().plusSeconds(301), BODY);
        SignedRequest nearlyOld = SignedRequest.of("POST", "/agent/v1/check-in", clock.instant().minusSeconds(299), BODY);
        assertThat(refusal(() -> authenticate(old))).isEqualTo("stale-timestamp");
        assertThat(refusal(() -> authenticate(future))).isEqualTo("stale-timestamp");
        assertThat(authenticate(nearlyOld).deviceId()).isEqualTo(laptop.id());
        SignedRequest garbled = new SignedRequest("POST", "/agent/v1/check-in", "yesterday", SignedRequest.newNonce(), "x");
        assertThat(refusal(() -> authenticate(garbled))).isEqualTo("bad-timestamp");
    }

    @Test
    void unknownAndNotYetEnrolledDevicesAreRefused() {
        SignedRequest request = signedNow();
        String signature = RequestSignature.sign(keys, request);
        assertThat(refusal(() -> authentication.authenticate("dev_0000000000unknown00", request, signature)))
            .isEqualTo("unknown-device");
        assertThat(refusal(() -> authentication.authenticate("../etc/passwd", request, signature))).isEqualTo("unknown-device");
        Device waiting = fleet.devices().preRegister(ADMIN, new DeviceDraft("SN-2", north.id(), null, null, List.of(), null));
        assertThat(refusal(() -> authentication.authenticate(waiting.id(), request, signature))).isEqualTo("not-enrolled");
    }

    @Test
    void aRetiredLaptopIsRefusedAtOnceThoughItsKeyWasInMemory() {
        authenticate(signedNow());
        assertThat(fleet.protocol().credentials().size()).isEqualTo(1);
        fleet.devices().retire(ADMIN, laptop.id(), "stolen", null);
        assertThat(refusal(() -> authenticate(signedNow()))).isEqualTo("device-retired");
    }

    @Test
    void theFirstCheckInGetsThePolicyAndTheNextIsNotModified() {
        CheckInAnswer first = checkIn(null);
        assertThat(first.state()).isEqualTo(ManagedState.ENROLLED);
        assertThat(first.notModified()).isFalse();
        assertThat(first.policy()).isNotNull();
        assertThat(first.policy().hasConsistentEtag()).isTrue();
        assertThat(first.policyEtag()).isEqualTo(first.policy().etag());
        assertThat(first.serverTime()).isEqualTo(clock.instant());

        CheckInAnswer second = checkIn(first.policyEtag());
        assertThat(second.notModified()).isTrue();
        assertThat(second.policy()).isNull();
        assertThat(second.policyEtag()).isEqualTo(first.policyEtag());
    }

    @Test
    void aPublishedPolicyReachesTheLaptopAtItsNextCheckIn() {
        String held = checkIn(null).policyEtag();
        Policy policy = fleet.policies().library().create(ADMIN, "north",
            PolicyTexts.policy("north", "session:\n  maxLengthMinutes: 45"));
        fleet.policies().library().publish(ADMIN, policy.id(), null);
        fleet.policies().attachments().attach(ADMIN, north.id(), policy.id(), null);

        CheckInAnswer next = checkIn(held);
        assertThat(next.notModified()).isFalse();
        assertThat(next.policy().session().maxLengthMinutes()).isEqualTo(45);
        assertThat(next.policyEtag()).isNotEqualTo(held);
    }

    @Test
    void aLockedLaptopIsToldToStayLockedAndGetsNoPolicy() {
        AuthenticatedDevice locked = new AuthenticatedDevice(laptop.id(), north.id(), DeviceStatus.LOCKED);
        CheckInAnswer answer = checkIns.checkIn(locked, new CheckInRequest(DeviceActivity.IDLE, INVENTORY, null), "x");
        assertThat(answer.state()).isEqualTo(ManagedState.LOCKED);
        assertThat(answer.policy()).isNull();
    }

    @Test
    void checkInsAreWrittenInBulkKeepingTheLatestPerDevice() {
        checkIn(null);
        clock.advance(Duration.ofSeconds(2));
        checkIn(null);
        assertThat(fleet.protocol().presence().find(laptop.id())).isEmpty();

        assertThat(fleet.protocol().presenceWriter().flush()).isEqualTo(1);

        DevicePresence stored = fleet.protocol().presence().find(laptop.id()).orElseThrow();
        assertThat(stored.lastSeenAt()).isEqualTo(clock.instant());
        assertThat(stored.inventory()).isEqualTo(INVENTORY);
        assertThat(stored.sourceAddress()).isEqualTo("10.0.0.7");
        assertThat(fleet.protocol().presenceWriter().flush()).isZero();
    }

    @Test
    void badReportsAreRefusedWithEveryProblem() {
        AuthenticatedDevice device = authenticate(signedNow());
        Inventory bad = new Inventory("m".repeat(201), null, null, -1L, 101, null, null);
        assertThatThrownBy(() -> checkIns.checkIn(device, new CheckInRequest(null, bad, null), "x"))
            .isInstanceOfSatisfying(InvalidInputException.class, invalid -> assertThat(invalid.errors())
                .extracting(error -> error.path())
                .containsExactly("activity", "inventory.model", "inventory.freeDiskBytes", "inventory.batteryPercent"));
    }

    @Test
    void eachDeviceKeepsItsOwnIntervalAndTheFleetSpreadsOut() {
        CheckInInterval interval = CheckInInterval.DEFAULT;
        assertThat(interval.secondsFor("dev_a")).isEqualTo(interval.secondsFor("dev_a"));
        Set<Integer> seconds = new HashSet<>();
        IntStream.range(0, 500).forEach(i -> {
            int next = interval.secondsFor("dev_01m84c" + i);
            assertThat(next).isBetween(240, 360);
            seconds.add(next);
        });
        assertThat(seconds).hasSizeGreaterThan(80);
    }
}
