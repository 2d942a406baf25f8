package io.kioskfleet.core.loans;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import io.kioskfleet.core.notifications.Outbox;
import io.kioskfleet.core.notifications.OutboxEvent;
import io.kioskfleet.core.store.DuplicateKeys;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.MonthlyCollections;
import io.kioskfleet.protocol.canonical.CanonicalJson;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reminds of laptops kept past their due time, once per loan and local day: IT hears of it as a
 * {@code loan.overdue} event through the outbox (its webhooks), and the borrower sees the
 * reminder on "my loans" ({@link #latest}). The OVERDUE_LOAN_REMINDERS schedule runs it; running
 * it again the same day changes nothing.
 *
 * <p>The day's reminder is stored first ({@code loan_reminders_YYYY_MM}, keyed
 * {@code loanId@date}), then announced, then marked announced: a crash in between announces it
 * on the next run (at least once; the event id is the same, so a receiver can tell).
 */
public final class OverdueLoanReminders {

    /** The type of the event IT receives. */
    public static final String LOAN_OVERDUE = "loan.overdue";
    /** How far back {@link #latest} looks for a reminder of an open loan. */
    static final int LOOK_BACK_DAYS = 7;

    private final LoanRepository loans;
    private final MonthlyCollections<LoanReminder> reminders;
    private final Outbox outbox;
    private final ZoneId zone;

    public OverdueLoanReminders(FleetStore store, LoanRepository loans, Outbox outbox, ZoneId zone) {
        this.loans = loans;
        this.reminders = new MonthlyCollections<>(store, "loan_reminders", LoanReminder.class, List.of());
        this.outbox = outbox;
        this.zone = zone;
    }

    /** Reminds of every loan overdue at {@code now} not yet reminded today; returns how many were reminded now. */
    public int remind(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        int reminded = 0;
        for (PoolLaptop laptop : loans.all()) {
            if (laptop.out() && laptop.loan().overdueAt(now)) {
                reminded += remind(laptop, today, now) ? 1 : 0;
            }
        }
        return reminded;
    }

    /** The newest reminder of {@code loan} in the last week, if it was reminded: for the borrower's page. */
    public Optional<LoanReminder> latest(Loan loan, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        for (int back = 0; back < LOOK_BACK_DAYS; back++) {
            LocalDate on = today.minusDays(back);
            LoanReminder found = month(on).find(eq("_id", LoanReminder.idOf(loan.id(), on))).first();
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    private boolean remind(PoolLaptop laptop, LocalDate today, Instant now) {
        Loan loan = laptop.loan();
        MongoCollection<LoanReminder> month = reminders.forWriting(monthOf(today));
        LoanReminder reminder = LoanReminder.of(loan, today, now);
        boolean fresh = DuplicateKeys.insertIfAbsent(month, reminder);
        if (!fresh) {
            reminder = month.find(eq("_id", reminder.id())).first();
            if (reminder == null || reminder.announced()) {
                return false;
            }
        }
        outbox.publish(event(laptop, reminder, now));
        month.updateOne(eq("_id", reminder.id()), Updates.set("announced", true));
        return fresh;
    }

    private static OutboxEvent event(PoolLaptop laptop, LoanReminder reminder, Instant now) {
        long daysOverdue = Math.max(1, Duration.between(reminder.dueAt(), now).toDays() + 1);
        String who = reminder.borrower() != null ? reminder.borrower() : "desk " + reminder.deskId();
        String summary = "Laptop " + label(laptop) + " lent to " + who + " is overdue since " + reminder.dueAt()
            + " (day " + daysOverdue + ")";
        Map<String, Object> body = new TreeMap<>();
        body.put("event", LOAN_OVERDUE);
        body.put("eventId", "loan-overdue:" + reminder.id());
        body.put("occurredAt", now);
        body.put("ouId", reminder.ouId());
        body.put("summary", summary);
        body.put("loanId", reminder.loanId());
        body.put("deviceId", reminder.deviceId());
        body.put("siteId", laptop.siteId());
        body.put("borrower", reminder.borrower());
        body.put("deskId", reminder.deskId());
        body.put("dueAt", reminder.dueAt());
        body.put("daysOverdue", daysOverdue);
        return new OutboxEvent("loan-overdue:" + reminder.id(), LOAN_OVERDUE, "loan:" + reminder.loanId(), daysOverdue, now,
            "[KioskFleet] " + summary, CanonicalJson.write(body));
    }

    private static String label(PoolLaptop laptop) {
        return laptop.label() != null && !laptop.label().isBlank() ? laptop.label() : laptop.deviceId();
    }

    private static Instant monthOf(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private MongoCollection<LoanReminder> month(LocalDate date) {
        return reminders.of(monthOf(date));
    }
}
