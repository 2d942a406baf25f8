package io.kioskfleet.app.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of job runs ({@code kioskfleet.jobs.*}), each with a working default; the README's
 * configuration table lists them.
 *
 * @param threads       how many runs may do their work at once on this instance
 * @param silence       how long a run under way may show no sign of life (a chunk done) before it
 *                      counts as interrupted and is taken over
 * @param checkEvery    how often to look for interrupted runs
 * @param commandExpiry how long a wave's command waits for its device after its spread time
 */
@ConfigurationProperties("kioskfleet.jobs")
public record JobsProperties(
    @DefaultValue("2") int threads,
    @DefaultValue("2m") Duration silence,
    @DefaultValue("30s") Duration checkEvery,
    @DefaultValue("12h") Duration commandExpiry) {
}
