package io.kioskfleet.app.store;

import io.kioskfleet.core.store.FleetStore;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** The {@code store} part of {@code /actuator/health}: does the store answer, and which store is it. */
public class StoreHealth extends AbstractHealthIndicator {

    private final FleetStore store;

    StoreHealth(FleetStore store) {
        super("the store does not answer");
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        store.ping();
        builder.up()
            .withDetail("mode", store.isEmbedded() ? "embedded" : "mongodb")
            .withDetail("store", store.description());
    }
}
