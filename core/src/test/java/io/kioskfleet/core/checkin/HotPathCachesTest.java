package io.kioskfleet.core.checkin;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.commands.CommandOrder;
import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.core.deviceauth.DeviceAuthenticationException;
import io.kioskfleet.core.deviceauth.DeviceLockedException;
import io.kioskfleet.core.deviceauth.NonceMode;
import io.kioskfleet.core.devices.DeviceDraft;
import io.kioskfleet.core.enrollment.EnrollmentTokenDraft;
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
import io.kioskfleet.protocol.commands.CommandPayload;
import io.kioskfleet.protocol.commands.CommandType;
import io.kioskfleet.protocol.enrollment.EnrollmentRequest;
import io.kioskfleet.protocol.policy.LocalizedText;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import io.kioskfleet.protocol.signing.RequestSignature;
import io.kioskfleet.protocol.signing.SignedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the check-in keeps in memory follows every change: on the instance that made it at once,
 * on another instance sharing the store after its next read of the change notices.
 */
class HotPathCachesTest {

    private static final byte[] BODY = "{\"activity\":\"IDLE\"}".getBytes(StandardCharsets.UTF_8);
    private static final Inventory INVENTORY = new Inventory("ThinBook 14", "KioskOS 3.2", "1.0", null, 80,
        "192.168.10.23", "3F-A-12");
    private static final CommandPayload HELLO = new CommandPayload(new LocalizedText("こんにちは", "Hello"), null, null);

    @TempDir
    Path dataDir;
    final SettableClock clock = new SettableClock();
    final DeviceKeyPair keys = DeviceKeyPair.generate();
    CoreFixture fleet;
    CoreFixture otherInstance;
    OrganisationUnit hq;
    OrganisationUnit north;
    Policy northPolicy;
    String laptop;

    @BeforeEach
    void laptopInABranchWithItsOwnPolicy() {
        // Several instances share the store, as on MongoDB: each nonce is stored before its request goes on.
        fleet = CoreFixture.open(dataDir, clock, NonceMode.PER_REQUEST);
        otherInstance = fleet.anotherInstance();
        hq = fleet.units().create(ADMIN, new OuDraft("本庁舎", null, null, 0));
        north = fleet.units().create(ADMIN, new OuDraft("北部支所", hq.id(), "北区1", 90));
        northPolicy = fleet.policies().library().create(ADMIN, "north",
            PolicyTexts.policy("north", "session:\n  maxLengthMinutes: 45"));
        fleet.policies().library().publish(ADMIN, northPolicy.id(), null);
        fleet.policies().attachments().attach(ADMIN, north.id(), northPolicy.id(), null);
        fleet.devices().preRegister(ADMIN, new DeviceDraft("SN-1", north.id(), null, null, List.of(), null));
        String secret = fleet.protocol().tokens().create(ADMIN, new EnrollmentTokenDraft(north.id(), null, 1, null)).secret();
        laptop = fleet.protocol().enrollment().enroll(new EnrollmentRequest(secret, "SN-1", keys.publicKeyText(), "1.0"),
            "10.0.0.1").deviceId();
    }

    @AfterEach
    void close() {
        otherInstance.close();
        fleet.close();
    }

    private AuthenticatedDevice signIn(CoreFixture instance) {
        SignedRequest request = SignedRequest.of("POST", "/agent/v1/check-in", clock.instant(), BODY);
        return instance.protocol().authentication().authenticate(laptop, request, RequestSignature.sign(keys, request));
    }

    private CheckInAnswer checkIn(CoreFixture instance, String heldEtag) {
        return instance.protocol().checkIns().checkIn(signIn(instance),
            new CheckInRequest(DeviceActivity.IDLE, INVENTORY, heldEtag), "10.0.0.7");
    }

    private void publishNorth(String settings) {
        Policy current = fleet.policies().library().get(ADMIN, northPolicy.id());
        fleet.policies().library().saveDraft(ADMIN, northPolicy.id(), null, PolicyTexts.policy("north", settings),
            current.version());
        fleet.policies().library().publish(ADMIN, northPolicy.id(), null);
    }

    @Test
    void aNewVersionReachesTheLaptopAtItsNextCheckInHereAndAfterTheNextNoticeReadElsewhere() {
        String held = checkIn(fleet, null).policyEtag();
        assertThat(checkIn(otherInstance, held).nothingNew()).isTrue();

        publishNorth("session:\n  maxLengthMinutes: 40");

        CheckInAnswer here = checkIn(fleet, held);
        assertThat(here.notModified()).isFalse();
        assertThat(here.policy().session().maxLengthMinutes()).isEqualTo(40);
        assertThat(checkIn(otherInstance, held).notModified()).as("before the other instance read the notices").isTrue();
        otherInstance.notices().poll();
        assertThat(checkIn(otherInstance, held).policyEtag()).isEqualTo(here.policyEtag());
    }

    @Test
    void aRollBackAMovedUnitAndAnExceptionEachChangeThePolicyAtTheNextCheckIn() {
        String first = checkIn(fleet, null).policyEtag();
        publishNorth("session:\n  maxLengthMinutes: 40");
        String second = checkIn(fleet, first).policyEtag();

        fleet.policies().library().rollBack(ADMIN, northPolicy.id(), 1);
        assertThat(checkIn(fleet, second).policyEtag()).isEqualTo(first);

        OrganisationUnit east = fleet.units().create(ADMIN, new OuDraft("東部支所", hq.id(), "東区1", 30));
        fleet.units().change(ADMIN, north.id(), new OuDraft("北部支所", east.id(), "北区1", 90), 1L);
        otherInstance.notices().poll();
        assertThat(checkIn(otherInstance, first).notModified()).as("moved units keep their own policy").isTrue();

        fleet.policies().exceptions().grant(ADMIN, laptop, Map.of("session.maxLengthMinutes", 35),
            clock.instant().plus(Duration.ofDays(1)), "data migration");
        CheckInAnswer excepted = checkIn(fleet, first);
        assertThat(excepted.policy().session().maxLengthMinutes()).isEqualTo(35);
        otherInstance.notices().poll();
        assertThat(checkIn(otherInstance, first).policyEtag()).isEqualTo(excepted.policyEtag());
    }

    @Test
    void aLockedLaptopIsHeldInLostModeAtOnceHereAndAfterTheNextNoticeReadElsewhere() {
        signIn(fleet);
        signIn(otherInstance);

        fleet.commands().admin().lock(ADMIN, laptop, "left on a train");

        assertThat(signIn(fleet).locked()).isTrue();
        assertThatThrownBy(() -> signIn(fleet).requireNotLocked()).isInstanceOf(DeviceLockedException.class);
        otherInstance.notices().poll();
        assertThat(signIn(otherInstance).locked()).isTrue();
        CheckInAnswer answer = checkIn(otherInstance, null);
        assertThat(answer.state()).isEqualTo(ManagedState.LOCKED);
        assertThat(answer.commands()).extracting("type").containsExactly(CommandType.LOCK);
    }

    @Test
    void keysLoadedAtStartServeTheFirstCheckInAndAChangeAfterwardsStillCounts() {
        assertThat(otherInstance.protocol().credentials().loadAll()).isEqualTo(1);
        assertThat(otherInstance.protocol().credentials().size()).isEqualTo(1);

        fleet.commands().admin().lock(ADMIN, laptop, "left on a bus");
        otherInstance.notices().poll();

        assertThat(signIn(otherInstance).locked()).isTrue();
    }

    @Test
    void aRetiredLaptopIsRefusedElsewhereAfterTheNextNoticeRead() {
        signIn(otherInstance);

        fleet.devices().retire(ADMIN, laptop, "stolen", null);
        otherInstance.notices().poll();

        assertThatThrownBy(() -> signIn(otherInstance)).isInstanceOfSatisfying(DeviceAuthenticationException.class,
            refused -> assertThat(refused.reason()).isEqualTo("device-retired"));
    }

    @Test
    void aCommandIssuedOnOneInstanceIsDeliveredByTheOtherAtTheNextCheckInAfterItsNoticeRead() {
        String held = checkIn(otherInstance, null).policyEtag();

        fleet.commands().admin().issue(ADMIN, CommandOrder.forDevice(CommandType.MESSAGE, laptop, HELLO));

        assertThat(checkIn(fleet, held).commands()).hasSize(1);
        otherInstance.notices().poll();
        CheckInAnswer there = checkIn(otherInstance, held);
        assertThat(there.nothingNew()).isFalse();
        assertThat(there.commands()).extracting("type").containsExactly(CommandType.MESSAGE);
    }

    @Test
    void anExpiredCommandIsNotDeliveredAndClearsTheFlag() {
        fleet.commands().admin().issue(ADMIN,
            new CommandOrder(CommandType.MESSAGE, List.of(laptop), null, HELLO, 1, null));
        assertThat(fleet.commands().inbox().flagged(laptop)).isTrue();

        clock.advance(Duration.ofMinutes(2));

        assertThat(checkIn(fleet, null).commands()).isEmpty();
        assertThat(fleet.commands().inbox().flagged(laptop)).isFalse();
    }

    @Test
    void aCancelledCommandClearsTheFlagHereAndIsNotDeliveredElsewhere() {
        String id = fleet.commands().admin().issue(ADMIN, CommandOrder.forDevice(CommandType.MESSAGE, laptop, HELLO))
            .devices().get(0).commandId();
        otherInstance.notices().poll();
        assertThat(otherInstance.commands().inbox().flagged(laptop)).isTrue();

        fleet.commands().admin().cancel(ADMIN, id);

        assertThat(fleet.commands().inbox().flagged(laptop)).isFalse();
        assertThat(checkIn(otherInstance, null).commands()).isEmpty();
        assertThat(otherInstance.commands().inbox().flagged(laptop)).as("cleared by the check-in's read").isFalse();
    }

    @Test
    void aReplayIsRefusedOnAnotherInstanceAndAfterARestart() {
        SignedRequest request = SignedRequest.of("POST", "/agent/v1/check-in", clock.instant(), BODY);
        String signature = RequestSignature.sign(keys, request);
        fleet.protocol().authentication().authenticate(laptop, request, signature);

        assertThatThrownBy(() -> otherInstance.protocol().authentication().authenticate(laptop, request, signature))
            .hasMessageContaining("nonce was used before");
        otherInstance.close();
        fleet.close();
        fleet = CoreFixture.open(dataDir, clock, NonceMode.PER_REQUEST);
        otherInstance = fleet.anotherInstance();
        assertThatThrownBy(() -> fleet.protocol().authentication().authenticate(laptop, request, signature))
            .hasMessageContaining("nonce was used before");
    }

    @Test
    void requestsArrivingTogetherShareNonceWritesAndAReplayAmongThemIsStillRefused() throws Exception {
        SignedRequest replayed = SignedRequest.of("POST", "/agent/v1/check-in", clock.instant(), BODY);
        List<Callable<Boolean>> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            SignedRequest request = i % 20 == 0 ? replayed
                : SignedRequest.of("POST", "/agent/v1/check-in", clock.instant(), BODY);
            requests.add(() -> {
                try {
                    fleet.protocol().authentication().authenticate(laptop, request, RequestSignature.sign(keys, request));
                    return true;
                } catch (DeviceAuthenticationException refused) {
                    return false;
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            long admitted = 0;
            for (Future<Boolean> answer : pool.invokeAll(requests)) {
                admitted += answer.get() ? 1 : 0;
            }
            assertThat(admitted).isEqualTo(39);
        } finally {
            pool.shutdown();
        }
    }
}
