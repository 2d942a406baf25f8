package io.kioskfleet.bench;

import com.mongodb.client.MongoCollection;
import io.kioskfleet.core.CoreFixture;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceStatus;
import io.kioskfleet.core.enrollment.EnrollmentTokenDraft;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.policies.Policy;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.policies.templates.PolicyTemplate;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The fleet a benchmark runs against, written into an embedded store before the server opens it:
 * headquarters with branches, the guest policy published and attached at headquarters, most
 * devices already enrolled (with their keys kept here to sign with), and a few only pre-registered
 * with a token, to enroll through the real endpoint.
 *
 * <p>The enrolled devices are inserted as documents in bulk, as their enrollment would have left
 * them but without an audit event each: enrolling 100,000 devices one by one through the
 * endpoint takes minutes on the embedded store and is not what is measured.
 *
 * @param enrolledIds  ids of the enrolled devices, index for index with {@code enrolledKeys}
 * @param enrolledKeys their key pairs
 * @param serialsToEnroll serials pre-registered for enrollment over HTTP, index for index with {@code keysToEnroll}
 * @param keysToEnroll    the keys they will enroll with
 * @param tokenSecret     an enrollment token for exactly those
 * @param branchIds       the branches; device {@code i} (enrolled ones first) is in {@code branchIds[i % size]}
 */
record SeededFleet(List<String> enrolledIds, List<DeviceKeyPair> enrolledKeys, List<String> serialsToEnroll,
                   List<DeviceKeyPair> keysToEnroll, String tokenSecret, List<String> branchIds) {

    private static final int BRANCHES = 20;
    private static final int INSERT_BATCH = 5_000;

    /** Seeds {@code enrolled} enrolled devices and {@code toEnroll} pre-registered ones into the store in {@code dataDir}. */
    static SeededFleet seed(Path dataDir, int enrolled, int toEnroll) {
        return seed(dataDir, IntStream.range(0, enrolled + toEnroll).parallel().mapToObj(i -> DeviceKeyPair.generate()).toList(),
            enrolled);
    }

    /** The serial of device {@code i}, enrolled ones first. */
    static String serialOf(int i) {
        return String.format("BENCH-%07d", i);
    }

    /** Seeds one device per key, the first {@code enrolled} of them enrolled with their key, the others pre-registered. */
    static SeededFleet seed(Path dataDir, List<DeviceKeyPair> keys, int enrolled) {
        int toEnroll = keys.size() - enrolled;
        try (CoreFixture core = CoreFixture.open(dataDir)) {
            OrganisationUnit hq = core.units().create(CoreFixture.ADMIN, new OuDraft("Bench City Hall", null, null, 0));
            List<String> branches = new ArrayList<>();
            for (int b = 0; b < BRANCHES; b++) {
                branches.add(core.units().create(CoreFixture.ADMIN,
                    new OuDraft("Branch " + b, hq.id(), "Address " + b, 30 + b)).id());
            }
            Policy guest = core.policies().library().create(CoreFixture.ADMIN, PolicyTemplate.EPHEMERAL_GUEST.id(),
                PolicyTemplate.EPHEMERAL_GUEST.text());
            core.policies().library().publish(CoreFixture.ADMIN, guest.id(), null);
            core.policies().attachments().attach(CoreFixture.ADMIN, hq.id(), guest.id(), null);
            String secret = core.protocol().tokens().create(CoreFixture.ADMIN,
                new EnrollmentTokenDraft(hq.id(), Instant.now().plus(Duration.ofDays(1)), Math.max(1, toEnroll),
                    "check-in benchmark")).secret();

            MongoCollection<Device> devices = core.store().collection("devices", Device.class);
            List<String> ids = new ArrayList<>();
            List<String> serials = new ArrayList<>();
            List<Device> batch = new ArrayList<>();
            Instant now = Instant.now();
            for (int i = 0; i < keys.size(); i++) {
                boolean enrolledAlready = i < enrolled;
                String id = IdKind.DEVICE.newId();
                String serial = serialOf(i);
                batch.add(new Device(id, serial, branches.get(i % BRANCHES),
                    enrolledAlready ? DeviceStatus.ENROLLED : DeviceStatus.PREREGISTERED, "ThinBook 14", null,
                    List.of("shared"), null, now, now, null, null, null,
                    enrolledAlready ? keys.get(i).publicKeyText() : null, enrolledAlready ? now : null, null, null, 1));
                (enrolledAlready ? ids : serials).add(enrolledAlready ? id : serial);
                if (batch.size() == INSERT_BATCH || i == keys.size() - 1) {
                    devices.insertMany(batch);
                    batch.clear();
                }
            }
            return new SeededFleet(ids, keys.subList(0, enrolled), serials, keys.subList(enrolled, keys.size()), secret,
                List.copyOf(branches));
        }
    }
}
