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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /agent/v1/check-in} (signed): 200 with the answer (the compiled policy if the
 * device's is not current, and any commands waiting), or 304 with no body when the policy the
 * device holds is current and no command waits. Either way the headers carry
 * the policy's ETag, the server's time and when to check in next.
 */
@RestController
public class CheckInController {

    private final CheckIns checkIns;

    public CheckInController(CheckIns checkIns) {
        this.checkIns = checkIns;
    }

    @PostMapping(path = "/agent/v1/check-in", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CheckInAnswer> checkIn(AuthenticatedDevice device, @RequestBody CheckInRequest body,
                                                 HttpServletRequest request) {
        CheckInAnswer answer = checkIns.checkIn(device, body, request.getRemoteAddr());
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
}
