package io.kioskfleet.core.evidence;

import io.kioskfleet.core.sessions.AttestationEvidence;
import io.kioskfleet.protocol.sessions.ErasedArea;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a report as one CSV table (RFC 4180, UTF-8), row by row as the devices stream past: a
 * {@code report} row, one {@code total} row per branch, one {@code session} row per session with
 * its proof, one {@code gap} row per gap. The first column says which.
 */
final class EvidenceCsv {

    static final List<String> COLUMNS = List.of("record", "branch", "ou_id", "device_id", "session_id", "started_at",
        "ended_at", "end_reason", "verdict", "signature_valid", "wipe_started_at", "wipe_finished_at", "erased_files",
        "erased_bytes", "erased_areas", "preserved", "remaining_files", "expected", "verified", "failed", "missing",
        "detail");

    private final Writer out;
    private final GapSentences sentences;

    /** A CSV written to {@code out} whose sentences are {@code sentences}' (the reader's language). */
    EvidenceCsv(Writer out, GapSentences sentences) {
        this.out = out;
        this.sentences = sentences;
    }

    void header(EvidenceSummary summary) {
        row(COLUMNS);
        row(line("report", null, String.join(" ", summary.query().ouIds()), null, null, summary.query().from(),
            summary.query().to(), null, summary.chain().intact() ? "AUDIT_CHAIN_INTACT" : "AUDIT_CHAIN_BROKEN", null,
            null, null, null, null, null, null, null, summary.totals(), null));
        for (BranchEvidence branch : summary.branches()) {
            row(line("total", branch.name(), branch.ouId(), null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, branch.totals(), branch.devices() + " devices"));
        }
    }

    void device(DeviceEvidence device) {
        for (SessionLine line : device.sessions()) {
            AttestationEvidence proof = line.attestation();
            var session = line.session();
            row(line("session", device.branch(), session.ouId(), session.deviceId(), session.id(), session.startedAt(),
                session.endedAt(), session.endReason() == null ? null : session.endReason().name(), line.verdict().name(),
                proof == null ? null : String.valueOf(proof.signatureVerified()),
                proof == null ? null : proof.wipeStartedAt(), proof == null ? null : proof.wipeFinishedAt(),
                proof == null ? null : proof.erasedFiles(), proof == null ? null : proof.erasedBytes(),
                proof == null ? null : proof.erased().stream().map(EvidenceCsv::area).collect(Collectors.joining(" ")),
                proof == null ? null : String.join(" ", proof.preserved()),
                proof == null ? null : (long) proof.remaining().size(), null,
                line.verdict() == SessionVerdict.VERIFIED ? null : sentences.of(line.verdict().name())));
        }
    }

    /** One row per gap that is not a session's (the session's own row says its gap). */
    void gaps(List<EvidenceGap> gaps) {
        for (EvidenceGap gap : gaps) {
            if (!gap.ofSession()) {
                row(line("gap", null, gap.ouId(), gap.deviceId(), gap.subjectId(), gap.at(), null, null, gap.kind(), null,
                    null, null, null, null, null, null, null, null, sentences.of(gap)));
            }
        }
    }

    private static String area(ErasedArea area) {
        return area.area() + ":" + area.files() + "/" + area.bytes();
    }

    private static List<String> line(String record, String branch, String ouId, String deviceId, String sessionId,
                                     Instant startedAt, Instant endedAt, String endReason, String verdict,
                                     String signatureValid, Instant wipeStartedAt, Instant wipeFinishedAt,
                                     Long erasedFiles, Long erasedBytes, String erasedAreas, String preserved,
                                     Long remainingFiles, EvidenceTotals totals, String detail) {
        List<Object> values = new ArrayList<>(Arrays.asList(record, branch, ouId, deviceId, sessionId, startedAt, endedAt,
            endReason, verdict, signatureValid, wipeStartedAt, wipeFinishedAt, erasedFiles, erasedBytes, erasedAreas,
            preserved, remainingFiles));
        values.addAll(totals == null ? Arrays.asList(null, null, null, null)
            : List.of(totals.expected(), totals.verified(), totals.failed(), totals.missing()));
        values.add(detail);
        return values.stream().map(value -> value == null ? "" : value.toString()).toList();
    }

    private void row(List<String> fields) {
        try {
            out.write(fields.stream().map(EvidenceCsv::quoted).collect(Collectors.joining(",")));
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quotes a field that needs it, and defuses spreadsheet formulas ({@code =}, {@code +}, {@code -}, {@code @}). */
    private static String quoted(String field) {
        String safe = !field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
