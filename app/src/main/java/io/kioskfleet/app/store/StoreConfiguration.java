package io.kioskfleet.app.store;

import io.kioskfleet.app.KioskFleetProperties;
import io.kioskfleet.core.changes.ChangeNotices;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.StoreSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Opens the store (the MongoDB of {@code MONGODB_URI} when set, else the embedded one in the data
 * directory) and the change notices between the instances that share it.
 */
@Configuration
public class StoreConfiguration {

    @Bean(destroyMethod = "close")
    FleetStore fleetStore(KioskFleetProperties properties) {
        return FleetStore.open(new StoreSettings(properties.mongodbUri(), properties.dataDir(), properties.database(),
            properties.storeTimeout()));
    }

    @Bean(destroyMethod = "close")
    ChangeNotices changeNotices(FleetStore store, KioskFleetProperties properties) {
        return new ChangeNotices(store, properties.changeNoticePoll());
    }

    @Bean
    StoreHealth storeHealthIndicator(FleetStore store) {
        return new StoreHealth(store);
    }
}
