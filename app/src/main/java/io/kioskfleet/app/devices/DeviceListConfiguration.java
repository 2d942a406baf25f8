package io.kioskfleet.app.devices;

import io.kioskfleet.core.checkin.DevicesByLastSeen;
import io.kioskfleet.core.checkin.PresenceRepository;
import io.kioskfleet.core.devices.DeviceRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the device list's filter by last check-in, with the same online window as the dashboard. */
@Configuration
public class DeviceListConfiguration {

    @Bean
    DevicesByLastSeen devicesByLastSeen(DeviceRegistry devices, PresenceRepository presence, Clock clock,
                                        @Value("${kioskfleet.online-window:15m}") Duration onlineWindow) {
        return new DevicesByLastSeen(devices, presence, clock, onlineWindow);
    }
}
