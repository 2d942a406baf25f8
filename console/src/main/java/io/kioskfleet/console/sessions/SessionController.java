package io.kioskfleet.console.sessions;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.sessions.RefusedAttestation;
import io.kioskfleet.core.sessions.Session;
import io.kioskfleet.core.sessions.SessionEvidence;
import io.kioskfleet.core.sessions.SessionLedger;
import io.kioskfleet.core.sessions.SessionQuery;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import io.kioskfleet.protocol.sessions.SessionState;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/sessions}, {@code /api/v1/devices/{id}/sessions} and
 * {@code /api/v1/refused-attestations}: the sessions of the fleet with the proof of each wipe,
 * and the attestations that were refused, for auditors and admins.
 */
@RestController
@RequestMapping("/api/v1")
public class SessionController {

    private final SessionLedger ledger;

    public SessionController(SessionLedger ledger) {
        this.ledger = ledger;
    }

    /** Sessions newest first, filtered by device, unit (with sub-units), start period and state. */
    @GetMapping("/sessions")
    public Page<Session> list(Actor actor,
                              @RequestParam(name = "device", required = false) String deviceId,
                              @RequestParam(name = "ou", required = false) String ouId,
                              @RequestParam(required = false) Instant from,
                              @RequestParam(required = false) Instant to,
                              @RequestParam(required = false) SessionState state,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "50") int size) {
        return ledger.search(actor, new SessionQuery(deviceId, ouId, from, to, state), new PageRequest(page, size));
    }

    /** One session with its attestation, the signature verified again now. */
    @GetMapping("/sessions/{id}")
    public SessionEvidence get(Actor actor, @PathVariable String id) {
        return ledger.get(actor, id);
    }

    @GetMapping("/devices/{id}/sessions")
    public Page<Session> ofDevice(Actor actor, @PathVariable String id,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "50") int size) {
        return ledger.ofDevice(actor, id, new PageRequest(page, size));
    }

    /** Refused attestations newest first, with the reason of each. */
    @GetMapping("/refused-attestations")
    public Page<RefusedAttestation> refused(Actor actor,
                                            @RequestParam(name = "device", required = false) String deviceId,
                                            @RequestParam(required = false) Instant from,
                                            @RequestParam(required = false) Instant to,
                                            @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "50") int size) {
        return ledger.refused(actor, deviceId, from, to, new PageRequest(page, size));
    }
}
