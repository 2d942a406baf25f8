package io.kioskfleet.core.checkin;

import io.kioskfleet.protocol.checkin.DeviceActivity;
import io.kioskfleet.protocol.checkin.Inventory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One device's presence as {@link PresenceWriter} keeps it between writes: changed in place by
 * each check-in, and kept for as long as the process runs. A check-in's own objects (its parsed
 * strings, its times) so die young: a value equal to the one kept is not kept again, strings the
 * whole fleet shares (model, versions, policy ETag) are kept once ({@link SharedStrings}), times
 * are kept as milliseconds. Replacing a per-device object at each check-in instead (it lived until
 * the device's next check-in, about half a minute) made every check-in's objects survive into the
 * old generation at thousands a second, and the collector fell behind (bench/RESULTS.md, session 5).
 * All methods are called with the slot's lock held by the writer ({@code synchronized}).
 */
final class PendingPresence {

    private final String deviceId;
    private long lastSeenMillis;
    private String sourceAddress;
    private DeviceActivity activity;
    private String model;
    private String osVersion;
    private String agentVersion;
    private Long freeDiskBytes;
    private Integer batteryPercent;
    private String ipAddress;
    private String currentDesk;
    private boolean hasInventory;
    private String policyEtag;
    /** Check-ins since the last write; 0: nothing waits. */
    private long count;
    /** When the last (at most {@link DevicePresence#RECENT}) of them arrived, oldest first. */
    private final long[] times = new long[DevicePresence.RECENT];
    private int timesKept;
    private int newsHash;
    private boolean written;
    private int writtenNewsHash;
    private long writtenAtMillis;

    PendingPresence(String deviceId) {
        this.deviceId = deviceId;
    }

    /** Notes a check-in. */
    synchronized void note(DevicePresence checkIn, SharedStrings shared) {
        keep(checkIn, shared);
        count++;
        addTime(lastSeenMillis);
    }

    /** True when something waits and it is news, or the last write is {@code unchangedEvery} ago. */
    synchronized boolean isDue(long now, long unchangedEvery) {
        return count > 0 && (!written || newsHash != writtenNewsHash || now - writtenAtMillis >= unchangedEvery);
    }

    synchronized boolean waits() {
        return count > 0;
    }

    /** What waits, as one update, and nothing waits any more; null when nothing did. */
    synchronized PresenceUpdate take() {
        if (count == 0) {
            return null;
        }
        PresenceUpdate update = new PresenceUpdate(latest(), count, recentTimes());
        count = 0;
        timesKept = 0;
        return update;
    }

    /** {@code update} (taken from here) was written at {@code atMillis}. */
    synchronized void written(PresenceUpdate update, long atMillis) {
        written = true;
        writtenNewsHash = PresenceNews.hashOf(update.latest());
        writtenAtMillis = atMillis;
    }

    /** {@code update} (taken from here) could not be written: it waits again, before anything noted since. */
    synchronized void putBack(PresenceUpdate update, SharedStrings shared) {
        List<Instant> all = new ArrayList<>(update.times());
        all.addAll(recentTimes());
        boolean newerNoted = count > 0;
        count += update.count();
        timesKept = 0;
        for (Instant time : all.subList(Math.max(0, all.size() - DevicePresence.RECENT), all.size())) {
            addTime(time.toEpochMilli());
        }
        if (!newerNoted) {
            keep(update.latest(), shared);
        }
    }

    /**
     * Keeps {@code presence} as the latest: a value equal to the one kept is not kept again, and
     * what the fleet shares is kept as its shared instance.
     */
    private void keep(DevicePresence presence, SharedStrings shared) {
        lastSeenMillis = presence.lastSeenAt().toEpochMilli();
        sourceAddress = same(sourceAddress, presence.sourceAddress());
        activity = presence.activity();
        Inventory inventory = presence.inventory();
        hasInventory = inventory != null;
        if (inventory != null) {
            model = shared.of(inventory.model());
            osVersion = shared.of(inventory.osVersion());
            agentVersion = shared.of(inventory.agentVersion());
            freeDiskBytes = same(freeDiskBytes, inventory.freeDiskBytes());
            batteryPercent = inventory.batteryPercent();
            ipAddress = same(ipAddress, inventory.ipAddress());
            currentDesk = same(currentDesk, inventory.currentDesk());
        }
        policyEtag = shared.of(presence.policyEtag());
        // What is kept now equals what arrived, field by field: its news hash is the kept one's.
        newsHash = PresenceNews.hashOf(presence);
    }

    private DevicePresence latest() {
        Inventory inventory = hasInventory
            ? new Inventory(model, osVersion, agentVersion, freeDiskBytes, batteryPercent, ipAddress, currentDesk)
            : null;
        return new DevicePresence(deviceId, Instant.ofEpochMilli(lastSeenMillis), sourceAddress, activity, inventory,
            policyEtag);
    }

    private List<Instant> recentTimes() {
        List<Instant> recent = new ArrayList<>(timesKept);
        for (int i = 0; i < timesKept; i++) {
            recent.add(Instant.ofEpochMilli(times[i]));
        }
        return recent;
    }

    private void addTime(long millis) {
        if (timesKept == times.length) {
            System.arraycopy(times, 1, times, 0, times.length - 1);
            timesKept--;
        }
        times[timesKept++] = millis;
    }

    private static <T> T same(T kept, T arrived) {
        return Objects.equals(kept, arrived) ? kept : arrived;
    }
}
