package io.kioskfleet.console.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt (the sign-in form, or HTTP Basic) while {@link SignInThrottle}
 * says its user name or address has failed too often: 429, before any password is checked.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;

    SignInThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        String username = attemptedUsername(request);
        if (username != null && throttle.blocked(username, request.getRemoteAddr())) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(SignInThrottle.WINDOW.toSeconds()));
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"urn:kioskfleet:problem:sign-in-throttled\",\"title\":\"Too Many Requests\","
                + "\"status\":429,\"detail\":\"Too many failed sign-ins for this user or from this address; try again in "
                + SignInThrottle.WINDOW.toMinutes() + " minutes.\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The user name a request tries to sign in as, or null when it is not a sign-in. */
    private static String attemptedUsername(HttpServletRequest request) {
        if ("POST".equals(request.getMethod()) && request.getServletPath().equals("/login")) {
            return String.valueOf(request.getParameter("username"));
        }
        String header = request.getHeader("Authorization");
        if (header != null && header.startsWith("Basic ")) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException notBase64) {
                return "";
            }
        }
        return null;
    }
}
