package io.kioskfleet.app.devices;

import io.kioskfleet.core.changes.ChangeNotices;
import io.kioskfleet.core.checkin.DevicesByLastSeen;
import io.kioskfleet.core.checkin.PresenceRepository;
import io.kioskfleet.core.checkin.PresenceWriter;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.directory.DeviceDirectory;
import io.kioskfleet.core.store.FleetStore;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the device list: the in-memory directory it is served from, and its filter by last check-in from the store until the directory is loaded. */
@Configuration
public class DeviceListConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DeviceListConfiguration.class);

    @Bean
    DevicesByLastSeen devicesByLastSeen(DeviceRegistry devices, PresenceRepository presence, Clock clock,
                                        @Value("${kioskfleet.online-window:15m}") Duration onlineWindow) {
        return new DevicesByLastSeen(devices, presence, clock, onlineWindow);
    }

    @Bean(destroyMethod = "close")
    DeviceDirectory deviceDirectory(DeviceRegistry devices, PresenceRepository presence, PresenceWriter writer,
                                    ChangeNotices notices, DevicesByLastSeen fromStore, Clock clock,
                                    @Value("${kioskfleet.online-window:15m}") Duration onlineWindow,
                                    @Value("${kioskfleet.device-list.last-seen-refresh:1m}") Duration lastSeenRefresh,
                                    FleetStore store) {
        // The embedded store serves this process only: there are no other instances whose check-ins to read.
        Duration otherInstances = store.isEmbedded() ? Duration.ZERO : lastSeenRefresh;
        return new DeviceDirectory(devices, presence, writer, notices, fromStore, clock, onlineWindow, otherInstances);
    }

    /** Fills the device directory in the background once the service is up; until then the list reads the store. */
    @Bean
    ApplicationRunner deviceDirectoryAtStart(DeviceDirectory directory) {
        return args -> {
            Thread loader = new Thread(() -> {
                long start = System.nanoTime();
                int loaded = directory.loadAll();
                log.info("Device list: {} devices in memory after {} ms", loaded, (System.nanoTime() - start) / 1_000_000);
            }, "load-device-directory");
            loader.setDaemon(true);
            loader.start();
        };
    }
}
