package io.kioskfleet.agentapi.checkin;

import io.kioskfleet.core.checkin.CheckIns;
import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.protocol.checkin.CheckInAnswer;
import io.kioskfleet.protocol.checkin.CheckInRequest;
import io.kioskfleet.protocol.signing.DeviceHeaders;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /agent/v1/check-in} (signed): 200 with the answer (the compiled policy if the
 * device's is not current, and any commands waiting), or 304 with no body when the policy the
 * device holds is current and no command waits. Either way the headers carry
 * the policy's ETag, the server's time and when to check in next.
 */
@RestController
public class CheckInController {

    private final CheckIns checkIns;
    /**
     * Built once: thousands of check-ins a second each paid for the generic body path (converter
     * lookup, content negotiation, a reader and a data binder per request). The body arrives as
     * the bytes {@link io.kioskfleet.agentapi.auth.DeviceRequestFilter} read and hashed already,
     * and is read with the application's own (strict) JSON settings.
     */
    private final ObjectReader reports;

    public CheckInController(CheckIns checkIns, JsonMapper json) {
        this.checkIns = checkIns;
        this.reports = json.readerFor(CheckInRequest.class);
    }

    @PostMapping(path = "/agent/v1/check-in", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CheckInAnswer> checkIn(AuthenticatedDevice device, @RequestBody byte[] body,
                                                 HttpServletRequest request) {
        CheckInAnswer answer = checkIns.checkIn(device, report(body, request), request.getRemoteAddr());
        HttpHeaders headers = new HttpHeaders();
        if (answer.policyEtag() != null) {
            headers.setETag("\"" + answer.policyEtag() + "\"");
        }
        headers.set(DeviceHeaders.SERVER_TIME, answer.serverTime().toString());
        headers.set(DeviceHeaders.NEXT_CHECK_IN, Integer.toString(answer.nextCheckInSeconds()));
        if (answer.nothingNew()) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
        }
        return ResponseEntity.ok().headers(headers).body(answer);
    }

    /** The check-in report in {@code body}; unreadable JSON is refused as Spring MVC would refuse it (400, with the field). */
    private CheckInRequest report(byte[] body, HttpServletRequest request) {
        CheckInRequest report;
        try {
            report = reports.readValue(body);
        } catch (JacksonException unreadable) {
            throw new HttpMessageNotReadableException("JSON parse error: " + unreadable.getOriginalMessage(), unreadable,
                new ServletServerHttpRequest(request));
        }
        if (report == null) {
            throw new HttpMessageNotReadableException("Required request body is missing", new ServletServerHttpRequest(request));
        }
        return report;
    }
}
