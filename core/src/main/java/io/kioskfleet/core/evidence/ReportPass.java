package io.kioskfleet.core.evidence;

import io.kioskfleet.core.audit.AuditEvent;
import io.kioskfleet.core.devices.DeviceStatus;
import io.kioskfleet.core.devices.DeviceSummary;
import io.kioskfleet.core.sessions.RecordSeals;
import io.kioskfleet.core.sessions.Session;
import io.kioskfleet.core.sessions.SessionRepository;
import io.kioskfleet.core.sessions.StoredAttestation;
import io.kioskfleet.core.sessions.WipeAttestations;
import io.kioskfleet.core.store.ReadAhead;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The counting pass of a report, in bounded memory: one streaming scan of the period's
 * attestations into an {@link AttestationIndex}, one of its sessions into counters per device,
 * branch and day, then the device and audit facts. Nothing per session is kept but the index.
 */
final class ReportPass {

    /** Attestations checked together: enough to keep both cores busy, few enough to stay small. */
    private static final int CHECK_BATCH = 2_048;
    /** Sealed attestations whose device signature is checked anyway, per million. */
    static final int SIGNATURE_SAMPLE = 1_000;

    private final CoveredFleet fleet;
    private final EvidenceQuery query;
    private final ZoneId zone;
    private final Duration lateAfter;
    private final Map<String, EvidenceTotals> perDevice = new HashMap<>();
    private final Map<String, EvidenceTotals> perBranch = new HashMap<>();
    private final Map<LocalDate, EvidenceTotals> perDay = new TreeMap<>();
    private final List<EvidenceGap> gaps = new ArrayList<>();
    private EvidenceTotals totals = EvidenceTotals.NONE;
    private long gapCount;
    private Consumer<EvidenceGap> otherGaps = gap -> { };

    ReportPass(CoveredFleet fleet, EvidenceQuery query, ZoneId zone, Duration lateAfter) {
        this.fleet = fleet;
        this.query = query;
        this.zone = zone;
        this.lateAfter = lateAfter;
    }

    /**
     * Counts every session of the period with what its attestation proves: one streaming scan of
     * the attestations into an index, one of the sessions. Every record's seal is checked; a
     * device's signature only where a seal does not hold, and on a random sample of
     * {@value #SIGNATURE_SAMPLE} in a million, in case the seal key itself was stolen.
     */
    ReportPass countSessions(SessionRepository sessions, WipeAttestations attestations) {
        RecordSeals seals = sessions.seals();
        AttestationIndex index = new AttestationIndex();
        List<StoredAttestation> batch = new ArrayList<>(CHECK_BATCH);
        // Both read ahead on threads of their own: the store, the decoding and these checks each keep a core busy.
        try (ReadAhead<StoredAttestation> proofs = sessions.readAheadAttestations(query.from(), query.to(), fleet.ouIds());
             ReadAhead<Session> period = sessions.readAheadSessions(query.from(), query.to(), fleet.ouIds())) {
            proofs.forEach(stored -> {
                batch.add(stored);
                if (batch.size() == CHECK_BATCH) {
                    checkInto(index, batch, seals, attestations);
                    batch.clear();
                }
            });
            checkInto(index, batch, seals, attestations);
            period.forEach(session -> count(session, AttestationCheck.sessionIntact(session, seals), index.find(session.id())));
        }
        return this;
    }

    /**
     * Checks a batch of attestations on every core (a seal costs about a microsecond, but a
     * record without a holding seal costs an Ed25519 check, about 100 µs) and indexes what each
     * proves, in the batch's order.
     */
    private static void checkInto(AttestationIndex index, List<StoredAttestation> batch, RecordSeals seals,
                                  WipeAttestations attestations) {
        SessionVerdict[] verdicts = new SessionVerdict[batch.size()];
        IntStream.range(0, batch.size()).parallel()
            .forEach(i -> verdicts[i] = AttestationCheck.sealed(batch.get(i), seals, attestations::signatureHolds,
                ThreadLocalRandom.current().nextInt(1_000_000) < SIGNATURE_SAMPLE));
        for (int i = 0; i < verdicts.length; i++) {
            StoredAttestation stored = batch.get(i);
            index.put(stored.sessionId(), stored.attestation().deviceId(), verdicts[i],
                stored.attestation().wipeStartedAt(), stored.attestation().wipeFinishedAt());
        }
    }

    private void count(Session session, boolean intact, AttestationIndex.Proof proof) {
        SessionVerdict verdict = proof == null
            ? AttestationCheck.ofSession(session, intact, null, null, null, null, lateAfter)
            : AttestationCheck.ofSession(session, intact, proof.verdict(),
                proof.deviceHash() == session.deviceId().hashCode() ? session.deviceId() : "another device",
                proof.wipeStartedAt(), proof.wipeFinishedAt(), lateAfter);
        totals = totals.plus(verdict);
        perDevice.merge(session.deviceId(), EvidenceTotals.NONE.plus(verdict), (old, one) -> old.plus(verdict));
        perBranch.merge(session.ouId(), EvidenceTotals.NONE.plus(verdict), (old, one) -> old.plus(verdict));
        perDay.merge(LocalDate.ofInstant(session.startedAt(), zone), EvidenceTotals.NONE.plus(verdict),
            (old, one) -> old.plus(verdict));
        if (verdict != SessionVerdict.VERIFIED && verdict != SessionVerdict.RUNNING) {
            gap(EvidenceGap.of(verdict.name(), session.ouId(), session.deviceId(), session.id(),
                session.endedAt() == null ? session.startedAt() : session.endedAt(), verdict.name()));
        }
    }

    /** Devices that were lost (locked) or did not check in for {@code offlineAfter} before the period's end. */
    ReportPass noteDevices(Instant now, Duration offlineAfter) {
        Instant end = query.to().isBefore(now) ? query.to() : now;
        for (DeviceSummary device : fleet.devices()) {
            if (device.status() == DeviceStatus.LOCKED) {
                gap(EvidenceGap.of("DEVICE_LOST", device.ouId(), device.id(), null, null, "DEVICE_LOST.now"));
            }
            Instant seen = fleet.lastSeen().get(device.id());
            if (device.status() != DeviceStatus.RETIRED && (seen == null || seen.isBefore(end.minus(offlineAfter)))) {
                gap(EvidenceGap.of("DEVICE_OFFLINE", device.ouId(), device.id(), null, seen,
                    seen == null ? "DEVICE_OFFLINE.never" : "DEVICE_OFFLINE.since"));
            }
        }
        return this;
    }

    /** Notes a device locked as lost, or a policy change that may touch wipe settings, from an audit event of the period. */
    void noteAuditEvent(AuditEvent event) {
        if (event.action().equals("device.lock") && fleet.covers(event.targetId())) {
            gap(EvidenceGap.of("DEVICE_LOST", null, event.targetId(), event.id(), event.at(), "DEVICE_LOST.locked",
                event.actor()));
        } else if (touchesWipeSettings(event)) {
            gap(EvidenceGap.of("POLICY_CHANGE", null, null, event.id(), event.at(), "POLICY_CHANGE", event.action(),
                event.targetType(), event.targetId(), event.actor()));
        }
    }

    /** A published, rolled back, attached or detached policy, or a device exception, whose state names wipe settings. */
    static boolean touchesWipeSettings(AuditEvent event) {
        boolean policyChange = event.action().startsWith("policy.") || event.action().startsWith("device.policy-exception");
        return policyChange && !event.action().equals("policy.draft") && !event.action().equals("policy.create")
            && (mentionsWipe(event.before()) || mentionsWipe(event.after()));
    }

    private static boolean mentionsWipe(String snapshot) {
        return snapshot != null && snapshot.contains("wipe");
    }

    /** Hands every gap that is not a session's (devices, policy changes, the chain) to {@code each} as well: an export lists them all. */
    ReportPass handingOtherGapsTo(Consumer<EvidenceGap> each) {
        this.otherGaps = each;
        return this;
    }

    void gap(EvidenceGap gap) {
        if (!gap.ofSession()) {
            otherGaps.accept(gap); // a session's own row in an export says its gap
        }
        gapCount++;
        if (gaps.size() < EvidenceReports.GAPS_SHOWN) {
            gaps.add(gap);
        }
    }

    EvidenceTotals totalsOf(String deviceId) {
        return perDevice.getOrDefault(deviceId, EvidenceTotals.NONE);
    }

    List<BranchEvidence> branches() {
        Map<String, Integer> devicesPerBranch = new HashMap<>();
        fleet.devices().forEach(device -> devicesPerBranch.merge(device.ouId(), 1, Integer::sum));
        Map<String, EvidenceTotals> all = new HashMap<>(perBranch);
        devicesPerBranch.keySet().forEach(ouId -> all.putIfAbsent(ouId, EvidenceTotals.NONE));
        return all.entrySet().stream()
            .map(entry -> new BranchEvidence(entry.getKey(), fleet.nameOf(entry.getKey()),
                devicesPerBranch.getOrDefault(entry.getKey(), 0), entry.getValue()))
            .sorted(Comparator.comparing(BranchEvidence::name))
            .toList();
    }

    List<DayEvidence> days() {
        return perDay.entrySet().stream().map(entry -> new DayEvidence(entry.getKey(), entry.getValue())).toList();
    }

    EvidenceTotals totals() {
        return totals;
    }

    List<EvidenceGap> gaps() {
        return List.copyOf(gaps);
    }

    long gapCount() {
        return gapCount;
    }
}
