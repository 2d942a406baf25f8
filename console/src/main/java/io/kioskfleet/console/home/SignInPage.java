package io.kioskfleet.console.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's own sign-in page, in Japanese or English. */
@Controller
public class SignInPage {

    @GetMapping("/login")
    public String signIn() {
        return "login";
    }
}
