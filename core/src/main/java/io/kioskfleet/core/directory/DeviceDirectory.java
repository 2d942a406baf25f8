package io.kioskfleet.core.directory;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.background.RepeatingTask;
import io.kioskfleet.core.changes.ChangeNotices;
import io.kioskfleet.core.checkin.DevicesByLastSeen;
import io.kioskfleet.core.checkin.LastSeen;
import io.kioskfleet.core.checkin.PresenceRepository;
import io.kioskfleet.core.checkin.PresenceWriter;
import io.kioskfleet.core.deviceauth.DeviceCredentialCache;
import io.kioskfleet.core.devices.Device;
import io.kioskfleet.core.devices.DeviceQuery;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

/**
 * The device list of the whole fleet from memory: every device's unit, status, tags, searchable
 * text and last check-in, sorted by serial, so a page of any filter is one pass over memory plus
 * one read of the shown devices by {@code _id} (the embedded store would scan {@code devices}
 * and {@code device_presence} for each page).
 *
 * <p>Filled by {@link #loadAll()} (one pass over both collections); until then searches go to the
 * store as before. Kept current by the {@code device} change notices (told at once on this
 * instance, at the next poll on the others; all notices missed: everything is read again) and by
 * each presence flush of this instance; check-ins written by other instances are read with
 * {@link #refreshLastSeen()}. Scoping is {@link DeviceRegistry#unitsListed}'s.
 */
public final class DeviceDirectory implements AutoCloseable {

    private final DeviceRegistry devices;
    private final PresenceRepository presence;
    private final DevicesByLastSeen fromStore;
    private final Clock clock;
    private final Duration onlineWindow;
    private final ConcurrentMap<String, Listing> byId = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<String, Listing> bySerial = new ConcurrentSkipListMap<>();
    private final Map<String, String> shared = new ConcurrentHashMap<>();
    private volatile boolean loaded;
    /** While {@link #loadAll} runs: the devices changed meanwhile, read again once it is done. */
    private volatile Set<String> changedWhileLoading;
    private final RepeatingTask lastSeenReader;

    /**
     * @param lastSeenRefresh how often to read every device's last check-in from the store, for
     *                        those other instances wrote ({@link Duration#ZERO}: only when
     *                        {@link #refreshLastSeen()} is called)
     */
    public DeviceDirectory(DeviceRegistry devices, PresenceRepository presence, PresenceWriter writer,
                           ChangeNotices notices, DevicesByLastSeen fromStore, Clock clock, Duration onlineWindow,
                           Duration lastSeenRefresh) {
        this.devices = devices;
        this.presence = presence;
        this.fromStore = fromStore;
        this.clock = clock;
        this.onlineWindow = onlineWindow;
        notices.subscribe(DeviceCredentialCache.TOPIC, this::reread, this::loadAllInBackground);
        writer.whenWritten(seen -> seen(seen.deviceId(), seen.lastSeenAt()));
        this.lastSeenReader = new RepeatingTask(lastSeenRefresh, "read the check-ins of other instances", this::refreshLastSeen);
    }

    /** Stops reading check-ins in the background. */
    @Override
    public void close() {
        lastSeenReader.close();
    }

    /**
     * Reads every device and every last check-in into memory, then serves searches from it.
     *
     * @return how many devices it holds
     */
    public int loadAll() {
        Set<String> changed = ConcurrentHashMap.newKeySet();
        changedWhileLoading = changed;
        Set<String> present = ConcurrentHashMap.newKeySet();
        devices.forEachDevice(device -> {
            present.add(device.id());
            put(device);
        });
        List.copyOf(byId.keySet()).stream().filter(id -> !present.contains(id)).forEach(this::forget);
        presence.lastSeenByDevice().forEach(this::seen);
        changedWhileLoading = null;
        changed.forEach(this::reread);
        loaded = true;
        return byId.size();
    }

    /** Reads every device's last check-in again: those other instances wrote since the last time. */
    public void refreshLastSeen() {
        presence.lastSeenByDevice().forEach(this::seen);
    }

    /** True once {@link #loadAll()} has run, so searches are served from memory. */
    public boolean loaded() {
        return loaded;
    }

    /** How many devices it holds. */
    public int size() {
        return byId.size();
    }

    /** One page of the devices the actor may see that match {@code query} and, unless null, {@code lastSeen}, by serial. */
    public Page<Device> search(Actor actor, DeviceQuery query, LastSeen lastSeen, PageRequest page) {
        if (!loaded) {
            return fromStore.search(actor, query, lastSeen, page);
        }
        Predicate<Listing> matches = filter(devices.unitsListed(actor, query), query, lastSeen);
        List<String> ids = new ArrayList<>(page.size());
        long total = 0;
        long offset = page.offset();
        for (Listing listing : bySerial.values()) {
            if (matches.test(listing)) {
                if (total >= offset && ids.size() < page.size()) {
                    ids.add(listing.id);
                }
                total++;
            }
        }
        return new Page<>(devices.findInOrder(ids), page.page(), page.size(), total);
    }

    private Predicate<Listing> filter(Set<String> ouIds, DeviceQuery query, LastSeen lastSeen) {
        Predicate<Listing> matches = listing -> true;
        if (ouIds != null) {
            matches = matches.and(listing -> ouIds.contains(listing.ouId));
        }
        if (query.status() != null) {
            matches = matches.and(listing -> listing.status == query.status());
        }
        if (query.tag() != null) {
            matches = matches.and(listing -> listing.hasTag(query.tag()));
        }
        if (query.text() != null) {
            String text = query.text().toLowerCase(Locale.ROOT);
            matches = matches.and(listing -> listing.text.contains(text));
        }
        if (query.onlyIds() != null) {
            matches = matches.and(listing -> query.onlyIds().contains(listing.id));
        }
        if (query.exceptIds() != null) {
            matches = matches.and(listing -> !query.exceptIds().contains(listing.id));
        }
        return lastSeen == null ? matches : matches.and(seenAsAsked(lastSeen));
    }

    private Predicate<Listing> seenAsAsked(LastSeen lastSeen) {
        long now = clock.millis();
        return switch (lastSeen.kind()) {
            case ONLINE -> listing -> listing.lastSeenMillis != 0 && listing.lastSeenMillis >= now - onlineWindow.toMillis();
            case SILENT -> listing -> listing.lastSeenMillis != 0
                && listing.lastSeenMillis < now - Duration.ofHours(lastSeen.silentHours()).toMillis();
            case NEVER -> listing -> listing.lastSeenMillis == 0;
        };
    }

    /** Reads one device again after it changed (or drops it, when it is gone). */
    private void reread(String id) {
        Set<String> changed = changedWhileLoading;
        if (changed != null) {
            changed.add(id);
        }
        Optional<Device> device = devices.find(id);
        if (device.isPresent()) {
            put(device.get());
        } else {
            forget(id);
        }
    }

    private void put(Device device) {
        Listing fresh = Listing.of(device, shared);
        Listing old = byId.put(device.id(), fresh);
        if (old != null) {
            fresh.lastSeenMillis = old.lastSeenMillis;
        }
        bySerial.put(device.serial(), fresh);
    }

    /** Drops a device that is gone (taken back after its unit vanished, or removed from another instance's store). */
    private void forget(String id) {
        Listing old = byId.remove(id);
        if (old != null) {
            bySerial.remove(old.serial, old);
        }
    }

    private void seen(String deviceId, Instant at) {
        Listing listing = byId.get(deviceId);
        if (listing != null && at != null && at.toEpochMilli() > listing.lastSeenMillis) {
            listing.lastSeenMillis = at.toEpochMilli();
        }
    }

    private void loadAllInBackground() {
        Thread loader = new Thread(this::loadAll, "reload-device-directory");
        loader.setDaemon(true);
        loader.start();
    }
}
