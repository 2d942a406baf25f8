package io.kioskfleet.console.home;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's own sign-in page, in Japanese or English, with a button per configured OIDC provider. */
@Controller
public class SignInPage {

    private final List<OidcProvider> providers;

    public SignInPage(ObjectProvider<ClientRegistrationRepository> registrations) {
        List<OidcProvider> found = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object each : all) {
                if (each instanceof ClientRegistration registration) {
                    found.add(new OidcProvider(registration.getRegistrationId(), registration.getClientName()));
                }
            }
        }
        this.providers = List.copyOf(found);
    }

    @GetMapping("/login")
    public String signIn(Model model) {
        model.addAttribute("oidcProviders", providers);
        return "login";
    }

    /**
     * An identity provider people may sign in with.
     *
     * @param id   the registration id, in {@code /oauth2/authorization/<id>}
     * @param name the name shown on the button ({@code client-name}, else the id)
     */
    public record OidcProvider(String id, String name) {
    }
}
