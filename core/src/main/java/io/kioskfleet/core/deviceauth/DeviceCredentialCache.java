package io.kioskfleet.core.deviceauth;

import io.kioskfleet.core.changes.ChangeNotices;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.protocol.signing.VerifyKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Device keys and statuses in memory, so a signed request costs no store read for them. Every
 * write to a device publishes a {@value #TOPIC} change notice: this instance drops the entry at
 * once, others at their next poll of the notices (a few seconds). While the notices cannot be
 * read, entries are not trusted and each request reads the store. So a device locked or retired
 * anywhere is refused or held in lost mode everywhere within one notice poll interval. An entry is
 * read again after {@link #MAX_AGE} whatever the notices say: the bound should a writer stop
 * between its change and its notice.
 */
public final class DeviceCredentialCache {

    /** The change-notice topic of device records; the key is the device id. */
    public static final String TOPIC = "device";
    /**
     * How long an entry is kept at most. Twelve check-ins on the default interval: at 100,000
     * devices about 30 store reads a second, far fewer than check-ins.
     */
    static final Duration MAX_AGE = Duration.ofHours(1);

    private final DeviceRegistry devices;
    private final ChangeNotices notices;
    private final Clock clock;
    private final ConcurrentMap<String, DeviceCredentials> byDeviceId = new ConcurrentHashMap<>();
    /** Counts drops, so a read that raced with a change does not put back what it read before the change. */
    private final AtomicLong drops = new AtomicLong();
    /** While {@link #loadAll} runs: the devices dropped meanwhile, whose loaded entries must not stay. */
    private volatile Set<String> droppedWhileLoading;
    private volatile boolean everythingDroppedWhileLoading;

    public DeviceCredentialCache(DeviceRegistry devices, ChangeNotices notices, Clock clock) {
        this.devices = devices;
        this.notices = notices;
        this.clock = clock;
        devices.whenChanged(deviceId -> notices.publish(TOPIC, deviceId));
        notices.subscribe(TOPIC, this::drop, this::dropAll);
    }

    /** The device's credentials, from memory when known, else from the store; empty for an unknown device. */
    Optional<DeviceCredentials> find(String deviceId) {
        long now = clock.millis();
        if (notices.trusted()) {
            DeviceCredentials known = byDeviceId.get(deviceId);
            if (known != null && now - known.readAtMillis() < MAX_AGE.toMillis()) {
                return Optional.of(known);
            }
        }
        long dropsBefore = drops.get();
        Optional<DeviceCredentials> loaded = devices.find(deviceId).map(device -> DeviceCredentials.of(device, now));
        if (loaded.isPresent() && drops.get() == dropsBefore) {
            byDeviceId.put(deviceId, loaded.get());
            if (drops.get() != dropsBefore) {
                byDeviceId.remove(deviceId); // a change came in while it was put; read again next time
            }
        }
        return loaded;
    }

    /**
     * Reads every enrolled device once (at start, so the check-ins after a restart find their keys
     * in memory instead of each reading the store). A device changed while this runs is left to be
     * read at its next request. Entries get ages spread over {@link #MAX_AGE}, so they are not all
     * read again at once.
     *
     * @return how many devices were loaded
     */
    public int loadAll() {
        Set<String> dropped = ConcurrentHashMap.newKeySet();
        droppedWhileLoading = dropped;
        everythingDroppedWhileLoading = false;
        long now = clock.millis();
        int[] loaded = {0};
        try {
            devices.forEachDevice(device -> {
                if (device.publicKey() != null && !dropped.contains(device.id())) {
                    long spreadAge = ThreadLocalRandom.current().nextLong(MAX_AGE.toMillis());
                    byDeviceId.putIfAbsent(device.id(), DeviceCredentials.of(device, now - spreadAge));
                    loaded[0]++;
                }
            });
        } finally {
            droppedWhileLoading = null;
            dropped.forEach(byDeviceId::remove);
            if (everythingDroppedWhileLoading) {
                byDeviceId.clear();
            }
        }
        return loaded[0];
    }

    /** The raw Ed25519 key the device enrolled with, from memory when known; empty when it has none. */
    public Optional<byte[]> enrolledKeyOf(String deviceId) {
        return find(deviceId).map(DeviceCredentials::publicKey).map(VerifyKey::rawBytes);
    }

    /** How many devices are held, for tests and metrics. */
    public int size() {
        return byDeviceId.size();
    }

    private void drop(String deviceId) {
        drops.incrementAndGet();
        Set<String> loading = droppedWhileLoading;
        if (loading != null) {
            loading.add(deviceId);
        }
        byDeviceId.remove(deviceId);
    }

    private void dropAll() {
        drops.incrementAndGet();
        everythingDroppedWhileLoading = true;
        byDeviceId.clear();
    }
}
