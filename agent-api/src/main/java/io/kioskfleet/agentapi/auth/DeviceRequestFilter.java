package io.kioskfleet.agentapi.auth;

import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.core.deviceauth.DeviceAuthentication;
import io.kioskfleet.core.deviceauth.DeviceAuthenticationException;
import io.kioskfleet.core.deviceauth.DeviceLockedException;
import io.kioskfleet.core.input.TooLargeException;
import io.kioskfleet.protocol.canonical.Sha256;
import io.kioskfleet.protocol.signing.DeviceHeaders;
import io.kioskfleet.protocol.signing.SignedRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The door of the device API: reads the body (at most {@link #MAX_BODY_BYTES}, else 413), and
 * for every call but enrollment and the server's time checks the request's signature, timestamp and nonce and the
 * device's rate before anything else runs; a locked (lost) device is refused everything but its
 * check-in and its command acknowledgements and results. The authenticated device is handed on
 * as a request attribute. Refusals are answered as problem+json by the application's error mapping.
 */
public final class DeviceRequestFilter extends OncePerRequestFilter {

    /** The largest body a device sends; a check-in is about one kilobyte. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    static final String DEVICE_ATTRIBUTE = AuthenticatedDevice.class.getName();
    /** Enrollment is vouched for by its token; the server's clock is no secret. */
    private static final Set<String> UNSIGNED_PATHS = Set.of("/agent/v1/enroll", "/agent/v1/time");
    /**
     * What a locked (lost) device may still call: its check-in, the acknowledgement and result of a
     * command, and the end of a session and the attestation of its wipe (a WIPE reaches lost devices).
     */
    private static final Pattern LOST_MODE_PATHS = Pattern.compile(
        "/agent/v1/check-in|/agent/v1/commands/[^/]+/(ack|result)|/agent/v1/sessions/[^/]+/(end|attestation)");

    private final DeviceAuthentication authentication;
    private final DeviceRateLimit rateLimit;
    private final HandlerExceptionResolver problems;

    /**
     * @param problems the application's exception resolver, which writes problem+json
     */
    public DeviceRequestFilter(DeviceAuthentication authentication, DeviceRateLimit rateLimit,
                               HandlerExceptionResolver problems) {
        this.authentication = authentication;
        this.rateLimit = rateLimit;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
        CachedBodyRequest admitted;
        try {
            admitted = admit(request);
        } catch (TooLargeException | DeviceAuthenticationException | DeviceLockedException
                 | RateLimitExceededException refused) {
            if (problems.resolveException(request, response, null, refused) == null) {
                throw refused;
            }
            return;
        }
        chain.doFilter(admitted, response);
    }

    private CachedBodyRequest admit(HttpServletRequest request) throws IOException {
        byte[] body = readBody(request);
        CachedBodyRequest cached = new CachedBodyRequest(request, body);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!UNSIGNED_PATHS.contains(path)) {
            AuthenticatedDevice device = authentication.authenticate(request.getHeader(DeviceHeaders.DEVICE),
                signedPart(request, body), request.getHeader(DeviceHeaders.SIGNATURE));
            rateLimit.take(device.deviceId());
            if (!LOST_MODE_PATHS.matcher(path).matches()) {
                device.requireNotLocked();
            }
            cached.setAttribute(DEVICE_ATTRIBUTE, device);
        }
        return cached;
    }

    /**
     * The device this filter let in for {@code request} (for endpoints answered outside Spring
     * MVC), or null when the request was not signed (enrollment, the server's time).
     */
    public static AuthenticatedDevice deviceOf(ServletRequest request) {
        return request.getAttribute(DEVICE_ATTRIBUTE) instanceof AuthenticatedDevice device ? device : null;
    }

    /** The body this filter read and checked, served from memory (empty when none was sent). */
    public static byte[] bodyOf(ServletRequest request) throws IOException {
        ServletRequest unwrapped = request;
        while (!(unwrapped instanceof CachedBodyRequest) && unwrapped instanceof ServletRequestWrapper wrapper) {
            unwrapped = wrapper.getRequest();
        }
        if (unwrapped instanceof CachedBodyRequest cached) {
            return cached.body();
        }
        try (InputStream in = request.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static SignedRequest signedPart(HttpServletRequest request, byte[] body) {
        String timestamp = request.getHeader(DeviceHeaders.TIMESTAMP);
        String nonce = request.getHeader(DeviceHeaders.NONCE);
        if (timestamp == null || nonce == null) {
            throw new DeviceAuthenticationException("missing-signature",
                "a device request needs the headers " + DeviceHeaders.DEVICE + ", " + DeviceHeaders.TIMESTAMP + ", "
                    + DeviceHeaders.NONCE + " and " + DeviceHeaders.SIGNATURE);
        }
        String query = request.getQueryString();
        String path = request.getRequestURI() + (query == null ? "" : "?" + query);
        return new SignedRequest(request.getMethod(), path, timestamp, nonce, Sha256.hex(body));
    }

    /**
     * Reads the body. A declared length is read into an array of exactly that size (a check-in
     * is one small array, not the stream's 8 KB read buffers and a copy, at thousands a second);
     * a body without one (chunked) is read up to one byte over the limit.
     */
    private static byte[] readBody(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            throw new TooLargeException("the request body", MAX_BODY_BYTES);
        }
        try (InputStream in = request.getInputStream()) {
            if (declared >= 0) {
                byte[] body = new byte[(int) declared];
                int read = in.readNBytes(body, 0, body.length);
                // Cut short (the connection closed): what came is checked as it is, and fails its signature.
                return read == body.length ? body : Arrays.copyOf(body, read);
            }
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new TooLargeException("the request body", MAX_BODY_BYTES);
            }
            return body;
        }
    }
}
