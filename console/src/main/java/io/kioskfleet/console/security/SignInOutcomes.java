package io.kioskfleet.console.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Tells the {@link SignInThrottle} about every failed and successful sign-in. */
public class SignInOutcomes {

    private final SignInThrottle throttle;

    SignInOutcomes(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        throttle.failed(event.getAuthentication().getName(), remoteAddress());
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        throttle.succeeded(event.getAuthentication().getName());
    }

    /** The address of the request being handled, for the throttle and the audit chain. */
    static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "unknown";
    }
}
