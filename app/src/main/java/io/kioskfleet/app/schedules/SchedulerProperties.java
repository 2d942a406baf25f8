package io.kioskfleet.app.schedules;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the scheduler ({@code kioskfleet.scheduler.*}); the README's configuration table
 * lists them.
 *
 * @param enabled     false: this instance never fires schedules (it still serves the API)
 * @param instanceId  this instance's name in the lease; blank: host name, process id and a random part
 * @param leaseTtl    how long the lease holds unless renewed; failover takes at most this plus {@code renewEvery}
 * @param renewEvery  how often the holder renews and the others try to take over
 * @param pollEvery   how often the holder looks for schedules changed on other instances
 * @param onTimeGrace how late a fire may be and still count as on time
 * @param lookBack    how far back a new holder looks for missed fires
 */
@ConfigurationProperties("kioskfleet.scheduler")
public record SchedulerProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("") String instanceId,
    @DefaultValue("20s") Duration leaseTtl,
    @DefaultValue("5s") Duration renewEvery,
    @DefaultValue("5s") Duration pollEvery,
    @DefaultValue("60s") Duration onTimeGrace,
    @DefaultValue("7d") Duration lookBack) {
}
