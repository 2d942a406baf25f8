package io.kioskfleet.core.calendar;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.audit.Change;
import io.kioskfleet.core.input.InputCheck;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.VersionConflictException;
import io.kioskfleet.core.store.VersionedDocuments;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The office calendar: Japanese public holidays (computed) and the offices' closures (stored in
 * {@code office_calendar}, one document). Everyone who reads schedules may read it; fleet admins
 * change the closures.
 */
public final class OfficeCalendar {

    static final String COLLECTION = "office_calendar";

    private final MongoCollection<OfficeClosures> documents;
    private final VersionedDocuments<OfficeClosures> versioned;
    private final JapaneseHolidays holidays;
    private final AuditChain audit;
    private final Clock clock;

    public OfficeCalendar(FleetStore store, JapaneseHolidays holidays, AuditChain audit, Clock clock) {
        this.documents = store.collection(COLLECTION, OfficeClosures.class);
        this.versioned = store.versioned(documents, "office calendar", OfficeClosures::version);
        this.holidays = holidays;
        this.audit = audit;
        this.clock = clock;
    }

    /** The closures as stored, or the defaults (the year-end break) when nobody changed them yet. */
    public OfficeClosures closures() {
        return versioned.find(OfficeClosures.ID).orElseGet(OfficeClosures::defaults);
    }

    /** Holidays and closures as they stand now, for planning fire times. */
    public ClosedDays closedDays() {
        return new ClosedDays(holidays, closures());
    }

    /** The holidays, for listing a year's. */
    public JapaneseHolidays holidays() {
        return holidays;
    }

    /**
     * Replaces the closures (a fleet admin's change, audited).
     *
     * @param expectedVersion the version read; null: whatever is stored now
     */
    public OfficeClosures change(Actor actor, List<String> yearlyClosures, List<String> closedDates, Long expectedVersion) {
        actor.requireAny(Role.FLEET_ADMIN);
        InputCheck check = new InputCheck();
        OfficeClosures.check(check, yearlyClosures, closedDates);
        check.orThrow();
        OfficeClosures current = closures();
        long version = expectedVersion == null ? current.version() : expectedVersion;
        Instant now = clock.instant();
        OfficeClosures changed = new OfficeClosures(OfficeClosures.ID, yearlyClosures, closedDates, now, actor.username(),
            version + 1);
        audit.record(actor, Change.changed("office-calendar.change", COLLECTION, "office-calendar", OfficeClosures.ID,
            changed.version(), current, changed), () -> write(changed, version));
        return changed;
    }

    private void write(OfficeClosures changed, long expectedVersion) {
        if (expectedVersion != 0) {
            versioned.replace(OfficeClosures.ID, changed, expectedVersion);
            return;
        }
        try {
            documents.insertOne(changed);
        } catch (MongoException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                throw new VersionConflictException("office calendar", OfficeClosures.ID, 0, closures().version());
            }
            throw e;
        }
    }
}
