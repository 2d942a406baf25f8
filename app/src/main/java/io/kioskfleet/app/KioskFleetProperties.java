package io.kioskfleet.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's own settings ({@code kioskfleet.*}), each with a default that works out of the
 * box. The README's configuration table lists them.
 *
 * @param dataDir        where the embedded store keeps its file ({@code KIOSKFLEET_DATA_DIR})
 * @param mongodbUri     a MongoDB to use instead of the embedded store ({@code MONGODB_URI})
 * @param database       the database name when the URI names none
 * @param storeTimeout   how long start-up waits for MongoDB before giving up
 * @param adminPassword  the first admin's password on first start ({@code KIOSKFLEET_ADMIN_PASSWORD});
 *                       blank: a random one is printed once
 * @param timeZone       the zone of schedules and of times in the UI
 * @param demo           seed the demo organisation into an empty store (also {@code --demo})
 * @param changeNoticePoll how often this instance reads the change notices of the others, so what it
 *                       keeps in memory (device keys and statuses, policies, pending-command flags)
 *                       follows changes made elsewhere within this time
 */
@ConfigurationProperties("kioskfleet")
public record KioskFleetProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("") String mongodbUri,
    @DefaultValue("kioskfleet") String database,
    @DefaultValue("10s") Duration storeTimeout,
    @DefaultValue("") String adminPassword,
    @DefaultValue("Asia/Tokyo") ZoneId timeZone,
    @DefaultValue("false") boolean demo,
    @DefaultValue("2s") Duration changeNoticePoll) {
}
