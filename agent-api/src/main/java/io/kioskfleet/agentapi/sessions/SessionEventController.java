package io.kioskfleet.agentapi.sessions;

import io.kioskfleet.core.deviceauth.AuthenticatedDevice;
import io.kioskfleet.core.sessions.SessionEvents;
import io.kioskfleet.core.sessions.WipeAttestations;
import io.kioskfleet.protocol.sessions.SessionEnd;
import io.kioskfleet.protocol.sessions.SessionReceipt;
import io.kioskfleet.protocol.sessions.SessionStart;
import io.kioskfleet.protocol.sessions.WipeAttestation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /agent/v1/sessions}, {@code …/{id}/end} and {@code …/{id}/attestation} (signed): a
 * device reports a session's start and end and attests the wipe after it; each is idempotent.
 */
@RestController
public class SessionEventController {

    private final SessionEvents events;
    private final WipeAttestations attestations;

    public SessionEventController(SessionEvents events, WipeAttestations attestations) {
        this.events = events;
        this.attestations = attestations;
    }

    @PostMapping("/agent/v1/sessions")
    public SessionReceipt start(AuthenticatedDevice device, @RequestBody SessionStart start) {
        return events.start(device, start);
    }

    @PostMapping("/agent/v1/sessions/{id}/end")
    public SessionReceipt end(AuthenticatedDevice device, @PathVariable String id, @RequestBody SessionEnd end) {
        return events.end(device, id, end);
    }

    @PostMapping("/agent/v1/sessions/{id}/attestation")
    public SessionReceipt attest(AuthenticatedDevice device, @PathVariable String id,
                                 @RequestBody WipeAttestation attestation, HttpServletRequest request) {
        return attestations.receive(device, id, attestation, request.getRemoteAddr());
    }
}
