package io.kioskfleet.core.loans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * One day's reminder of one overdue loan: keyed by loan and local date, so a loan is reminded at
 * most once a day however often the sweep runs.
 *
 * @param id         {@code loanId@2026-11-23}
 * @param loanId     the loan
 * @param deviceId   the laptop
 * @param ouId       the site's unit
 * @param borrower   who has it (null for a desk loan)
 * @param deskId     the desk it was lent to, or null
 * @param dueAt      when it was due
 * @param on         the local date it was reminded on
 * @param remindedAt when
 * @param announced  true once the {@code loan.overdue} event went to the outbox
 */
public record LoanReminder(@BsonId String id, String loanId, String deviceId, String ouId, String borrower, String deskId,
                           Instant dueAt, LocalDate on, Instant remindedAt, boolean announced) {

    public LoanReminder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(loanId, "loanId");
    }

    static String idOf(String loanId, LocalDate on) {
        return loanId + "@" + on;
    }

    static LoanReminder of(Loan loan, LocalDate on, Instant at) {
        return new LoanReminder(idOf(loan.id(), on), loan.id(), loan.deviceId(), loan.ouId(), loan.borrower(), loan.deskId(),
            loan.dueAt(), on, at, false);
    }
}
