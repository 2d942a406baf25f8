package io.kioskfleet.core.loans;

import static io.kioskfleet.core.CoreFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.core.desks.DeskFixture;
import io.kioskfleet.core.devices.DeviceDraft;
import io.kioskfleet.core.devices.DeviceStatus;
import io.kioskfleet.core.enrollment.EnrollmentTokenDraft;
import io.kioskfleet.core.notifications.Outbox;
import io.kioskfleet.core.notifications.WebhookDeliveries;
import io.kioskfleet.core.notifications.WebhookDelivery;
import io.kioskfleet.core.notifications.WebhookDraft;
import io.kioskfleet.core.notifications.WebhookEndpoints;
import io.kioskfleet.core.notifications.WebhookFormat;
import io.kioskfleet.core.store.IndexBootstrap;
import io.kioskfleet.protocol.enrollment.EnrollmentRequest;
import io.kioskfleet.protocol.signing.DeviceKeyPair;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IT and the borrower are reminded of a laptop kept past its due time, once a day, until it is back. */
class OverdueLoanRemindersTest {

    @TempDir
    Path dataDir;
    DeskFixture desks;
    LaptopLending lending;
    OverdueLoanReminders reminders;
    WebhookDeliveries deliveries;
    String itDesk;
    String laptop;

    @BeforeEach
    void lendingWithAWebhookForIt() {
        desks = new DeskFixture(dataDir);
        LoanRepository repository = new LoanRepository(desks.fleet.store());
        WebhookEndpoints endpoints = new WebhookEndpoints(desks.fleet.store(), desks.fleet.audit(), true, desks.clock);
        deliveries = new WebhookDeliveries(desks.fleet.store(), desks.fleet.audit(), desks.clock);
        new IndexBootstrap(desks.fleet.store()).createAll(List.of(repository, endpoints, deliveries));
        lending = new LaptopLending(repository, desks.catalogue, desks.fleet.devices(), desks.fleet.sessions().ledger(),
            desks.fleet.units(), desks.fleet.audit(), desks.clock, DeskFixture.TOKYO);
        reminders = new OverdueLoanReminders(desks.fleet.store(), repository,
            new Outbox(desks.fleet.store(), endpoints, deliveries, desks.clock), DeskFixture.TOKYO);
        itDesk = endpoints.create(ADMIN, new WebhookDraft("IT desk", "http://localhost:9/hook", WebhookFormat.GENERIC_JSON,
            "secret-secret-secret", List.of(OverdueLoanReminders.LOAN_OVERDUE), true)).id();
        laptop = enrolled("SN-POOL-9");
        lending.addToPool(ADMIN, desks.site.id(), laptop);
    }

    @AfterEach
    void close() {
        desks.close();
    }

    private String enrolled(String serial) {
        desks.fleet.devices().preRegister(ADMIN, new DeviceDraft(serial, desks.branchId, null, null, null, null));
        String secret = desks.fleet.protocol().tokens().create(ADMIN, new EnrollmentTokenDraft(desks.branchId, null, 1, null)).secret();
        return desks.fleet.protocol().enrollment().enroll(new EnrollmentRequest(secret, serial,
            DeviceKeyPair.generate().publicKeyText(), "1.0"), "10.0.0.1").deviceId();
    }

    private List<WebhookDelivery> toIt() {
        return deliveries.queued(ADMIN, itDesk);
    }

    @Test
    void anOverdueLaptopIsRemindedOnceADayUntilItIsBack() {
        Instant dueAt = desks.tuesday.atTime(9, 0).atZone(DeskFixture.TOKYO).toInstant();
        Loan loan = lending.checkout(ADMIN, new CheckoutRequest(laptop, "hanako", null, dueAt));

        desks.at(8, 59);
        assertThat(reminders.remind(desks.clock.instant())).isZero();
        assertThat(reminders.latest(loan, desks.clock.instant())).isEmpty();

        desks.at(9, 15);
        assertThat(reminders.remind(desks.clock.instant())).isEqualTo(1);
        desks.at(17, 0);
        assertThat(reminders.remind(desks.clock.instant())).as("once a day").isZero();
        assertThat(toIt()).hasSize(1);
        assertThat(toIt().get(0).eventType()).isEqualTo("loan.overdue");
        assertThat(toIt().get(0).body()).contains("\"borrower\":\"hanako\"", "\"daysOverdue\":1");
        assertThat(reminders.latest(loan, desks.clock.instant())).hasValueSatisfying(
            reminder -> assertThat(reminder.on()).isEqualTo(desks.tuesday));

        desks.clock.advance(Duration.ofDays(1));
        assertThat(reminders.remind(desks.clock.instant())).isEqualTo(1);
        assertThat(toIt()).hasSize(2);
        assertThat(reminders.latest(loan, desks.clock.instant()).orElseThrow().on()).isEqualTo(desks.tuesday.plusDays(1));

        lending.giveBack(ADMIN, laptop);
        desks.clock.advance(Duration.ofDays(1));
        assertThat(reminders.remind(desks.clock.instant())).isZero();
        assertThat(toIt()).hasSize(2);
    }

    @Test
    void aLaptopDueLaterIsNotReminded() {
        lending.checkout(ADMIN, new CheckoutRequest(laptop, "taro", null, null));
        desks.at(19, 59);

        assertThat(reminders.remind(desks.clock.instant())).isZero();
        assertThat(toIt()).isEmpty();
    }

    @Test
    void aReminderACrashLeftUnannouncedIsAnnouncedOnTheNextRun() {
        Instant dueAt = desks.tuesday.atTime(9, 0).atZone(DeskFixture.TOKYO).toInstant();
        Loan loan = lending.checkout(ADMIN, new CheckoutRequest(laptop, "hanako", null, dueAt));
        desks.at(10, 0);
        // The service stored today's reminder, then died before announcing it.
        desks.fleet.store().collection("loan_reminders_" + desks.tuesday.toString().substring(0, 7).replace('-', '_'),
            LoanReminder.class).insertOne(LoanReminder.of(loan, desks.tuesday, desks.clock.instant()));

        reminders.remind(desks.clock.instant());
        reminders.remind(desks.clock.instant());

        assertThat(toIt()).hasSize(1);
    }
}
