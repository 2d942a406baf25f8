package io.kioskfleet.app;

import io.kioskfleet.app.startup.StartupProblem;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Starts KioskFleet: the device API, the console and the jobs, on the configured store. */
@SpringBootApplication(scanBasePackages = "io.kioskfleet")
@EnableConfigurationProperties(KioskFleetProperties.class)
public class KioskFleetApplication {

    public static void main(String[] args) {
        try {
            SpringApplication.run(KioskFleetApplication.class, args);
        } catch (Throwable failure) {
            // Spring Boot has logged the details; the operator gets one line with the fix.
            System.err.println("kioskfleet: " + StartupProblem.explain(failure));
            System.exit(1);
        }
    }
}
