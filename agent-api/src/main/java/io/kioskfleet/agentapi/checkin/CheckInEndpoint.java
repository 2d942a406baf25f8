package io.kioskfleet.agentapi.checkin;

import io.kioskfleet.agentapi.auth.DeviceRequestFilter;
import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.protocol.checkin.CheckInAnswer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * {@code POST /agent/v1/check-in} with a JSON body, answered right after the device's signature
 * was checked ({@link DeviceRequestFilter}), without Spring MVC's dispatch: the whole fleet calls it
 * every minute or so, and measured on two cores the dispatch (handler lookup, argument and return
 * value handling, message converters) cost more CPU than the check-in itself (bench/RESULTS.md,
 * session 5). Same answers as {@link CheckInController}, which still takes every other request
 * to this path (another method or media type: 405, 415); refusals go through the application's
 * exception resolver, so they are the same problem+json.
 */
public final class CheckInEndpoint extends OncePerRequestFilter {

    public static final String PATH = "/agent/v1/check-in";

    private final CheckInExchange exchange;
    private final HandlerExceptionResolver problems;

    /** @param problems the application's exception resolver, which writes problem+json */
    public CheckInEndpoint(CheckInExchange exchange, HandlerExceptionResolver problems) {
        this.exchange = exchange;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !isJson(request.getContentType())
            || DeviceRequestFilter.deviceOf(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        AuthenticatedDevice device = DeviceRequestFilter.deviceOf(request);
        CheckInAnswer answer;
        byte[] body;
        try {
            answer = exchange.answer(device, DeviceRequestFilter.bodyOf(request), request);
            body = answer.nothingNew() ? null : exchange.bodyOf(answer);
        } catch (RuntimeException refused) {
            if (problems.resolveException(request, response, null, refused) == null) {
                throw refused;
            }
            return;
        }
        CheckInExchange.headersOf(answer, response::setHeader);
        if (body == null) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_JSON.includes(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }
}
