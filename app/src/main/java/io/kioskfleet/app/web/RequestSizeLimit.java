package io.kioskfleet.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads it, a request body that says it is larger than any API call
 * needs (the largest upload, a CSV file, is 5 MB), so a huge body cannot fill the heap.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimit extends OncePerRequestFilter {

    /** The largest body any endpoint accepts, with room for multipart framing. */
    static final long MAX_BODY_BYTES = 6L * 1024 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            response.setStatus(413);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"urn:kioskfleet:problem:too-large\",\"title\":\"Content Too Large\","
                + "\"status\":413,\"detail\":\"The request body is larger than " + MAX_BODY_BYTES / (1024 * 1024)
                + " MB.\",\"limitBytes\":" + MAX_BODY_BYTES + "}");
            return;
        }
        chain.doFilter(request, response);
    }
}
