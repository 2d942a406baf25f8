package io.kioskfleet.console;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The headline of the OpenAPI description at {@code /v3/api-docs}: what the API is and how to sign in. */
@Configuration
public class ApiDescription {

    @Bean
    OpenAPI kioskFleetApi() {
        return new OpenAPI()
            .info(new Info().title("KioskFleet admin API").version("v1")
                .description("Organisation units, devices and the audit chain of a KioskFleet fleet. "
                    + "Errors are RFC 9457 problem+json; see docs/api.md."))
            .components(new Components().addSecuritySchemes("basic",
                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
            .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
