package io.kioskfleet.core.demo;

import java.util.List;

/**
 * What a simulated demo fleet needs to join the demo organisation: the secret of a multi-use
 * enrollment token of the city hall (so it enrolls the laptops of every branch too) and the
 * serials of the pre-registered demo laptops.
 *
 * @param tokenSecret the enrollment token's secret, shown only at seeding
 * @param serials     the demo laptops' serials
 */
public record DemoFleet(String tokenSecret, List<String> serials) {

    public DemoFleet {
        serials = List.copyOf(serials);
    }

    @Override
    public String toString() {
        return "DemoFleet[" + serials.size() + " serials]";
    }
}
