package io.kioskfleet.core.sessions;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.ous.OuScope;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import io.kioskfleet.protocol.sessions.SessionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The auditors' reading of sessions: lists by device, unit, period and state, one session with
 * its attestation (its signature verified again on reading), and the refused attestations.
 * Branch admins see only their units' devices.
 */
public final class SessionLedger {

    private static final Role[] READERS = {Role.FLEET_ADMIN, Role.BRANCH_ADMIN, Role.HELPDESK, Role.AUDITOR};

    private final SessionRepository sessions;
    private final WipeAttestations attestations;
    private final DeviceRegistry devices;
    private final OrganisationUnits units;

    public SessionLedger(SessionRepository sessions, WipeAttestations attestations, DeviceRegistry devices,
                         OrganisationUnits units) {
        this.sessions = sessions;
        this.attestations = attestations;
        this.devices = devices;
        this.units = units;
    }

    /** One page of the sessions the actor may see, newest first; scans the months of the period. */
    public Page<Session> search(Actor actor, SessionQuery query, PageRequest page) {
        actor.requireAny(READERS);
        return sessions.search(query, ouFilter(actor, query.ouId()), page);
    }

    /** One page of a device's sessions, newest first, for someone who may see the device. */
    public Page<Session> ofDevice(Actor actor, String deviceId, PageRequest page) {
        devices.get(actor, deviceId);
        return search(actor, SessionQuery.ofDevice(deviceId), page);
    }

    /** One session with its attestation, if the actor may see its device. */
    public SessionEvidence get(Actor actor, String id) {
        actor.requireAny(READERS);
        Session session = sessions.find(id).filter(found -> units.scopeOf(actor).contains(found.ouId()))
            .orElseThrow(() -> new NotFoundException("session", id));
        AttestationEvidence attestation = sessions.findAttestation(id)
            .map(stored -> AttestationEvidence.of(stored, attestations.signatureHolds(stored))).orElse(null);
        return new SessionEvidence(session, attestation);
    }

    /**
     * The accepted attestations of {@code shown}, sessions the actor was given by this ledger:
     * one {@code _id} read for each session whose wipe was decided (verified or failed); the
     * others have none and are left out.
     */
    public List<StoredAttestation> attestationsOf(Actor actor, List<Session> shown) {
        actor.requireAny(READERS);
        OuScope scope = units.scopeOf(actor);
        List<StoredAttestation> found = new ArrayList<>();
        for (Session session : shown) {
            if ((session.state() == SessionState.VERIFIED || session.state() == SessionState.WIPE_FAILED)
                && scope.contains(session.ouId())) {
                sessions.findAttestation(session.id()).ifPresent(found::add);
            }
        }
        return found;
    }

    /** One page of the refused attestations the actor may see, newest first. */
    public Page<RefusedAttestation> refused(Actor actor, String deviceId, Instant from, Instant to, PageRequest page) {
        actor.requireAny(READERS);
        return sessions.searchRefused(deviceId, from, to, ouFilter(actor, null), page);
    }

    /** The units to filter by: null for any, else the actor's scope narrowed to {@code ouId}'s subtree. */
    private Set<String> ouFilter(Actor actor, String ouId) {
        OuScope scope = units.scopeOf(actor);
        if (ouId == null) {
            return scope.everything() ? null : scope.ouIds();
        }
        Set<String> wanted = new HashSet<>(units.subtreeOf(ouId));
        if (!scope.everything()) {
            wanted.retainAll(scope.ouIds());
        }
        return wanted;
    }
}
