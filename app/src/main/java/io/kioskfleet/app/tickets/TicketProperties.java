package io.kioskfleet.app.tickets;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of fault tickets ({@code kioskfleet.tickets.*}).
 *
 * @param officeOpens  when the office opens (SLA time counts from then)
 * @param officeCloses when it closes
 * @param holidays     days off besides weekends (public holidays, 12/29–1/3), ISO dates
 */
@ConfigurationProperties("kioskfleet.tickets")
public record TicketProperties(@DefaultValue("08:30") LocalTime officeOpens, @DefaultValue("17:15") LocalTime officeCloses,
                               @DefaultValue List<LocalDate> holidays) {
}
