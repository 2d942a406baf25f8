package io.kioskfleet.agentapi.checkin;

import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.protocol.checkin.CheckInAnswer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /agent/v1/check-in} (signed): 200 with the answer (the compiled policy if the
 * device's is not current, and any commands waiting), or 304 with no body when the policy the
 * device holds is current and no command waits. Either way the headers carry the policy's ETag,
 * the server's time and when to check in next. Devices' JSON check-ins are answered by
 * {@link CheckInEndpoint} before they reach Spring MVC; this mapping describes the call (OpenAPI)
 * and answers what that filter leaves (another method or media type).
 */
@RestController
public class CheckInController {

    private final CheckInExchange exchange;

    public CheckInController(CheckInExchange exchange) {
        this.exchange = exchange;
    }

    @PostMapping(path = CheckInEndpoint.PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CheckInAnswer> checkIn(AuthenticatedDevice device, @RequestBody byte[] body,
                                                 HttpServletRequest request) {
        CheckInAnswer answer = exchange.answer(device, body, request);
        HttpHeaders headers = new HttpHeaders();
        CheckInExchange.headersOf(answer, headers::set);
        if (answer.nothingNew()) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
        }
        return ResponseEntity.ok().headers(headers).body(answer);
    }
}
