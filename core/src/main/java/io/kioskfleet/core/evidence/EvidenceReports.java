package io.kioskfleet.core.evidence;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.audit.ChainVerification;
import io.kioskfleet.core.checkin.PresenceRepository;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.devices.DeviceSummary;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.sessions.AttestationEvidence;
import io.kioskfleet.core.sessions.Session;
import io.kioskfleet.core.sessions.SessionRepository;
import io.kioskfleet.core.sessions.StoredAttestation;
import io.kioskfleet.core.sessions.WipeAttestations;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Makes the auditors' evidence report for a period and units: a summary (totals per branch and
 * per day, the gaps), a page of devices with their totals, one device with every session and its
 * attestation checked again, and a stream of every device with its sessions for exports. Only
 * fleet admins and auditors read evidence, and every reading is itself written to the audit chain
 * ({@code evidence.*} events), so who looked at what is as tamper-evident as what they saw.
 */
public final class EvidenceReports {

    /** How many gaps a summary lists; the exports list them all. */
    public static final int GAPS_SHOWN = 200;
    /** How many devices' sessions one detail scan gathers: bounds the memory of an export. */
    static final int DEVICES_PER_SCAN = 250;
    private static final Role[] READERS = {Role.FLEET_ADMIN, Role.AUDITOR};

    private final SessionRepository sessions;
    private final WipeAttestations attestations;
    private final DeviceRegistry devices;
    private final OrganisationUnits units;
    private final PresenceRepository presence;
    private final AuditChain audit;
    private final Clock clock;
    private final EvidenceSettings settings;

    public EvidenceReports(SessionRepository sessions, WipeAttestations attestations, DeviceRegistry devices,
                           OrganisationUnits units, PresenceRepository presence, AuditChain audit, Clock clock,
                           EvidenceSettings settings) {
        this.sessions = sessions;
        this.attestations = attestations;
        this.devices = devices;
        this.units = units;
        this.presence = presence;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    /** The report's totals and gaps; logged as {@code evidence.report}. */
    public EvidenceSummary summary(Actor actor, EvidenceQuery query) {
        CoveredFleet fleet = cover(actor, query);
        note(actor, "evidence.report", query, null);
        return summaryOf(actor, query, fleet);
    }

    /** The summary without logging it, for an export that logs itself. */
    EvidenceSummary summaryOf(Actor actor, EvidenceQuery query, CoveredFleet fleet) {
        return summaryOf(actor, query, fleet, gap -> { });
    }

    /**
     * The same, handing every gap that is not a session's to {@code otherGaps} as well (the
     * summary lists only the first {@value #GAPS_SHOWN} gaps; an export lists every one).
     */
    EvidenceSummary summaryOf(Actor actor, EvidenceQuery query, CoveredFleet fleet, Consumer<EvidenceGap> otherGaps) {
        ReportPass pass = new ReportPass(fleet, query, settings.zone(), settings.lateAfter()).handingOtherGapsTo(otherGaps)
            .countSessions(sessions, attestations).noteDevices(clock.instant(), settings.offlineAfter());
        audit.forEachBetween(actor, query.from(), query.to(), pass::noteAuditEvent);
        ChainVerification chain = audit.verify(actor);
        if (!chain.intact()) {
            pass.gap(EvidenceGap.of("AUDIT_CHAIN_BROKEN", null, null, "aud_" + chain.brokenAtSeq(), null, "AUDIT_CHAIN_BROKEN",
                chain.problem()));
        }
        return new EvidenceSummary(query, clock.instant(), fleet.devices().size(), pass.totals(), pass.branches(),
            pass.days(), pass.gaps(), pass.gapCount(), chain);
    }

    /** One page of the covered devices (of one branch, when {@code branchOuId} is given) with their totals. */
    public Page<DeviceEvidence> devices(Actor actor, EvidenceQuery query, String branchOuId, PageRequest page) {
        CoveredFleet fleet = cover(actor, query);
        note(actor, "evidence.devices", query, branchOuId);
        ReportPass pass = countedPass(query, fleet);
        List<DeviceSummary> chosen = fleet.devices().stream()
            .filter(device -> branchOuId == null || device.ouId().equals(branchOuId)).toList();
        List<DeviceEvidence> items = chosen.stream().skip(page.offset()).limit(page.size())
            .map(device -> deviceOf(fleet, device, pass.totalsOf(device.id()), List.of())).toList();
        return new Page<>(items, page.page(), page.size(), chosen.size());
    }

    /** One device with every session of the period and its attestation checked again; logged as {@code evidence.device}. */
    public DeviceEvidence device(Actor actor, EvidenceQuery query, String deviceId) {
        CoveredFleet fleet = cover(actor, query);
        DeviceSummary device = fleet.devices().stream().filter(one -> one.id().equals(deviceId)).findFirst()
            .orElseThrow(() -> new NotFoundException("device", deviceId));
        note(actor, "evidence.device", query, deviceId);
        List<DeviceEvidence> found = new ArrayList<>();
        detailsOf(fleet, query, List.of(device), found::add);
        return found.get(0);
    }

    /**
     * Hands every covered device with its sessions to {@code each}, in branch order, gathering
     * {@value #DEVICES_PER_SCAN} devices per scan of the period, so an export of any size is
     * made in bounded memory. Not logged: the export that calls it is.
     */
    void forEachDevice(CoveredFleet fleet, EvidenceQuery query, Consumer<DeviceEvidence> each) {
        List<DeviceSummary> all = fleet.devices();
        for (int start = 0; start < all.size(); start += DEVICES_PER_SCAN) {
            detailsOf(fleet, query, all.subList(start, Math.min(all.size(), start + DEVICES_PER_SCAN)), each);
        }
    }

    /** The fleet an actor's query covers; refuses anyone but fleet admins and auditors. */
    CoveredFleet cover(Actor actor, EvidenceQuery query) {
        actor.requireAny(READERS);
        Set<String> ouIds = null;
        if (!query.ouIds().isEmpty()) {
            ouIds = new HashSet<>();
            for (String ouId : query.ouIds()) {
                units.get(ouId);
                ouIds.addAll(units.subtreeOf(ouId));
            }
        }
        Set<String> wanted = ouIds;
        List<DeviceSummary> covered = devices.summaries(actor).stream()
            .filter(device -> wanted == null || wanted.contains(device.ouId())).toList();
        Map<String, String> names = units.all().stream()
            .collect(Collectors.toMap(OrganisationUnit::id, OrganisationUnit::name));
        return CoveredFleet.of(ouIds, covered, names, presence.lastSeenByDevice());
    }

    /** Writes an auditor's (or admin's) reading to the audit chain. */
    void note(Actor actor, String action, EvidenceQuery query, String subject) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", query.from());
        details.put("to", query.to());
        details.put("ouIds", query.ouIds());
        details.put("subject", subject);
        audit.note(actor, action, "evidence", subject == null ? query.from() + "/" + query.to() : subject, details);
    }

    private ReportPass countedPass(EvidenceQuery query, CoveredFleet fleet) {
        return new ReportPass(fleet, query, settings.zone(), settings.lateAfter()).countSessions(sessions, attestations);
    }

    private void detailsOf(CoveredFleet fleet, EvidenceQuery query, List<DeviceSummary> group,
                           Consumer<DeviceEvidence> each) {
        Set<String> ids = group.stream().map(DeviceSummary::id).collect(Collectors.toSet());
        Map<String, List<Session>> byDevice = new HashMap<>();
        sessions.forEachSessionOf(ids, query.from(), query.to(), fleet.ouIds(),
            (recordedFor, session) -> byDevice.computeIfAbsent(recordedFor, id -> new ArrayList<>()).add(session));
        Set<String> sessionIds = byDevice.values().stream().flatMap(List::stream).map(Session::id).collect(Collectors.toSet());
        Map<String, StoredAttestation> proofs = new HashMap<>();
        sessions.forEachAttestationOf(sessionIds, stored -> proofs.put(stored.sessionId(), stored));
        for (DeviceSummary device : group) {
            List<Session> ofDevice = byDevice.getOrDefault(device.id(), List.of());
            List<SessionLine> lines = ofDevice.stream().sorted(Comparator.comparing(Session::startedAt))
                .map(session -> lineOf(session, proofs.get(session.id()))).toList();
            EvidenceTotals totals = EvidenceTotals.NONE;
            for (SessionLine line : lines) {
                totals = totals.plus(line.verdict());
            }
            each.accept(deviceOf(fleet, device, totals, lines));
        }
    }

    /** A session's line with its records checked in full: both seals and the device's signature. */
    private SessionLine lineOf(Session session, StoredAttestation stored) {
        boolean intact = AttestationCheck.sessionIntact(session, sessions.seals());
        if (stored == null) {
            return new SessionLine(session, AttestationCheck.ofSession(session, intact, null, null, null, null,
                settings.lateAfter()), null);
        }
        boolean signatureHolds = attestations.signatureHolds(stored);
        SessionVerdict proof = AttestationCheck.sealed(stored, sessions.seals(), checked -> signatureHolds, true);
        SessionVerdict verdict = AttestationCheck.ofSession(session, intact, proof, stored.attestation().deviceId(),
            stored.attestation().wipeStartedAt(), stored.attestation().wipeFinishedAt(), settings.lateAfter());
        return new SessionLine(session, verdict, AttestationEvidence.of(stored, signatureHolds));
    }

    private static DeviceEvidence deviceOf(CoveredFleet fleet, DeviceSummary device, EvidenceTotals totals,
                                           List<SessionLine> lines) {
        return new DeviceEvidence(device.id(), device.ouId(), fleet.nameOf(device.ouId()), device.status(),
            fleet.lastSeen().get(device.id()), totals, lines);
    }
}
