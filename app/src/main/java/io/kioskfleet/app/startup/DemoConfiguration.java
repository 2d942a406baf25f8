package io.kioskfleet.app.startup;

import io.kioskfleet.core.demo.DemoWorkplace;
import io.kioskfleet.core.desks.DeskCatalogue;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.schedules.Schedules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires what the demo seeds beside its organisation (schedules and a free-address floor). */
@Configuration
public class DemoConfiguration {

    @Bean
    DemoWorkplace demoWorkplace(OrganisationUnits units, Schedules schedules, DeskCatalogue desks) {
        return new DemoWorkplace(units, schedules, desks);
    }
}
