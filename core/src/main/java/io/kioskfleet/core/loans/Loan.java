package io.kioskfleet.core.loans;

import java.time.Instant;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One laptop lent to one person (or to a desk) once: open while {@code returnedAt} is null.
 *
 * @param id           {@code loan_…}
 * @param deviceId     the laptop
 * @param siteId       the pool it came from
 * @param ouId         the site's unit, for scoping
 * @param borrower     who has it (for a desk loan, the desk's regular user, or null)
 * @param deskId       the desk it was lent to, or null
 * @param checkedOutAt when it went out
 * @param checkedOutBy who handed it out
 * @param dueAt        when it should be back
 * @param returnedAt   when it came back, or null while out
 * @param returnedBy   who took it back, or null
 * @param version      optimistic-concurrency version
 */
public record Loan(@BsonId String id, String deviceId, String siteId, String ouId, String borrower, String deskId,
                   Instant checkedOutAt, String checkedOutBy, Instant dueAt, Instant returnedAt, String returnedBy,
                   long version) {

    public Loan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /** True while the laptop is out and past its due time at {@code now}. */
    public boolean overdueAt(Instant now) {
        return returnedAt == null && dueAt.isBefore(now);
    }

    Loan returned(Instant at, String by) {
        return new Loan(id, deviceId, siteId, ouId, borrower, deskId, checkedOutAt, checkedOutBy, dueAt, at, by, version + 1);
    }
}
