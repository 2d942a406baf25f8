package io.kioskfleet.console.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Answers an API caller that is not signed in (401) or not allowed (403) with a problem+json
 * body, as every other API error, instead of a login page or an empty body.
 */
public final class ProblemJsonSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
        throws IOException {
        // A browser that saw this challenge would remember the password and send it with
        // requests other sites trigger; scripts need it, browsers use the sign-in page.
        if (!String.valueOf(request.getHeader("Accept")).contains("text/html")) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"KioskFleet\"");
        }
        write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in first: HTTP Basic or the console's sign-in page.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        if (e instanceof CsrfException) {
            write(response, HttpStatus.FORBIDDEN, "csrf",
                "This change needs the CSRF token of your signed-in session (header X-CSRF-TOKEN), or HTTP Basic from a script.");
        } else {
            write(response, HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this.");
        }
    }

    private static void write(HttpServletResponse response, HttpStatus status, String type, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"urn:kioskfleet:problem:" + type + "\",\"title\":\"" + status.getReasonPhrase()
            + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
