package io.kioskfleet.core.faults;

import io.kioskfleet.core.input.Rule;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.MonthlyCollections;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import io.kioskfleet.protocol.faults.FaultReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import io.kioskfleet.core.background.Subscribers;

/**
 * Takes fault reports from devices and shows them to the people who may see the device. Reports
 * are telemetry, not admin changes: they go to per-month collections, not the audit chain.
 */
public final class DeviceFaults {

    private static final Duration LOOK_BACK = Duration.ofDays(92);

    private final MonthlyCollections<DeviceFault> faults;
    private final DeviceRegistry devices;
    private final Clock clock;
    private final Subscribers<DeviceFault> reported = new Subscribers<>("fault reported");

    public DeviceFaults(FleetStore store, DeviceRegistry devices, Clock clock) {
        this.faults = new MonthlyCollections<>(store, "faults", DeviceFault.class,
            List.of(new IndexModel(Indexes.ascending("deviceId", "receivedAt"))));
        this.devices = devices;
        this.clock = clock;
    }

    /** Stores a report from an authenticated device; every problem with it is listed at once. */
    public DeviceFault report(AuthenticatedDevice device, FaultReport report, String sourceAddress) {
        Instant now = clock.instant();
        new InputCheck()
            .require(report.reportId() != null && report.reportId().matches("[A-Za-z0-9_-]{8,64}"), "reportId", Rule.CHARACTERS, 8, 64, "A-Z a-z 0-9 _ -")
            .require(report.category() != null, "category", Rule.REQUIRED)
            .require(report.message() != null && !report.message().isBlank(), "message", Rule.BLANK)
            .require(report.message() == null || report.message().length() <= FaultReport.MAX_MESSAGE, "message", Rule.TOO_LONG, FaultReport.MAX_MESSAGE)
            .require(report.logExcerpt() == null || report.logExcerpt().length() <= FaultReport.MAX_LOG, "logExcerpt", Rule.TOO_LONG, FaultReport.MAX_LOG)
            .require(report.observedAt() == null || !report.observedAt().isAfter(now.plusSeconds(300)), "observedAt", Rule.FUTURE)
            .orThrow();
        DeviceFault fault = new DeviceFault(device.deviceId() + ":" + report.reportId(), device.deviceId(), device.ouId(),
            report.category(), report.message().strip(), report.logExcerpt(),
            report.observedAt() == null ? now : report.observedAt(), now, sourceAddress);
        MongoCollection<DeviceFault> month = faults.forWriting(now);
        try {
            month.insertOne(fault);
        } catch (MongoException e) {
            if (!DuplicateKeys.isDuplicateKey(e)) {
                throw e;
            }
            return month.find(eq("_id", fault.id())).first(); // the same report, sent again
        }
        reported.tell(fault);
        return fault;
    }

    /** Calls {@code subscriber} with each new fault report (not with a report sent again). */
    public void whenReported(Consumer<DeviceFault> subscriber) {
        reported.add(subscriber);
    }

    /** The faults one device reported in the last three months, newest first. */
    public Page<DeviceFault> ofDevice(Actor actor, String deviceId, PageRequest page) {
        devices.get(actor, deviceId);
        Instant now = clock.instant();
        return faults.page(now.minus(LOOK_BACK), now, eq("deviceId", deviceId), Sorts.descending("receivedAt"), page);
    }
}
