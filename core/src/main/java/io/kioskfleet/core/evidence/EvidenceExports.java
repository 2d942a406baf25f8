package io.kioskfleet.core.evidence;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.audit.AuditEvent;
import io.kioskfleet.protocol.canonical.CanonicalJson;
import io.kioskfleet.protocol.signing.EvidenceSignature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Writes evidence for the file, streamed: the report as CSV or PDF, and the audit chain as JSON lines
 * (one event per line, every field the hash covers plus the id and hash). Each export is hashed
 * as it is written and signed by the server's key; the signature is returned to be kept or sent
 * beside it. Every export is noted in the audit chain first.
 */
public final class EvidenceExports {

    /** How many recent signatures are kept for the {@code .sig} downloads that follow an export. */
    private static final int RECENT = 256;

    private final EvidenceReports reports;
    private final AuditChain audit;
    private final EvidenceSigningKey key;
    /**
     * The signature of each user's latest export per kind and query. An export notes itself in the
     * audit chain, so making it again for its {@code .sig} would give other bytes (and another
     * note); the {@code .sig} download returns what was signed for the bytes the user has.
     */
    private final Map<String, EvidenceSignature> recent = Collections.synchronizedMap(
        new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, EvidenceSignature> eldest) {
                return size() > RECENT;
            }
        });

    public EvidenceExports(EvidenceReports reports, AuditChain audit, EvidenceSigningKey key) {
        this.reports = reports;
        this.audit = audit;
        this.key = key;
    }

    /**
     * Writes the report as CSV to {@code out}, its sentences in {@code locale}'s language, with
     * every gap, and returns its detached signature; logged as {@code evidence.export}.
     */
    public EvidenceSignature csv(Actor actor, EvidenceQuery query, Locale locale, OutputStream out) {
        CoveredFleet fleet = reports.cover(actor, query);
        reports.note(actor, "evidence.export", query, "csv");
        return remembered(actor, kindIn("csv", locale), query, signed(out, bytes -> text(bytes, writer -> {
            List<EvidenceGap> otherGaps = new ArrayList<>(); // devices, policy changes, the chain: bounded by the fleet, not the sessions
            EvidenceSummary summary = reports.summaryOf(actor, query, fleet, otherGaps::add);
            EvidenceCsv csv = new EvidenceCsv(writer, GapSentences.in(locale));
            csv.header(summary);
            reports.forEachDevice(fleet, query, csv::device);
            csv.gaps(otherGaps);
        })));
    }

    /**
     * Writes the report's summary as PDF (totals, per branch, charts per branch and day, gaps in
     * {@code locale}'s language) to {@code out} and returns its detached signature; logged as
     * {@code evidence.export}.
     */
    public EvidenceSignature pdf(Actor actor, EvidenceQuery query, Locale locale, OutputStream out) {
        CoveredFleet fleet = reports.cover(actor, query);
        reports.note(actor, "evidence.export", query, "pdf");
        return remembered(actor, kindIn("pdf", locale), query, signed(out, bytes -> {
            try {
                EvidencePdf.write(reports.summaryOf(actor, query, fleet), fleet::nameOf, GapSentences.in(locale), bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /** Writes the whole audit chain as JSON lines, oldest first, and returns its signature; logged as {@code audit.export}. */
    public EvidenceSignature auditChain(Actor actor, OutputStream out) {
        audit.note(actor, "audit.export", "audit", "chain", Map.of());
        return remembered(actor, "audit-chain", null, signed(out, bytes -> text(bytes, writer -> audit.forEachInOrder(actor, event -> {
            try {
                writer.write(CanonicalJson.write(fieldsOf(event)));
                writer.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }))));
    }

    /**
     * The signature of {@code actor}'s latest export of this kind ({@code csv}, {@code pdf},
     * {@code audit-chain}) and query made by this instance, if any: what a {@code .sig} download
     * right after the export answers with.
     */
    public Optional<EvidenceSignature> lastSignature(Actor actor, String kind, EvidenceQuery query) {
        return Optional.ofNullable(recent.get(recentKey(actor, kind, query)));
    }

    /** The same for an export in {@code locale}'s language: each language gives other bytes. */
    public Optional<EvidenceSignature> lastSignature(Actor actor, String kind, EvidenceQuery query, Locale locale) {
        return lastSignature(actor, kindIn(kind, locale), query);
    }

    private static String kindIn(String kind, Locale locale) {
        return kind + "." + (locale == null ? "" : locale.getLanguage());
    }

    private EvidenceSignature remembered(Actor actor, String kind, EvidenceQuery query, EvidenceSignature signature) {
        recent.put(recentKey(actor, kind, query), signature);
        return signature;
    }

    private static String recentKey(Actor actor, String kind, EvidenceQuery query) {
        return actor.username() + "|" + kind + "|" + query;
    }

    /** The server's public key as PEM and its fingerprint, for anyone who verifies exports. */
    public EvidenceSigningKey key() {
        return key;
    }

    static Map<String, Object> fieldsOf(AuditEvent event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", event.id());
        fields.put("seq", event.seq());
        fields.put("at", event.at());
        fields.put("actor", event.actor());
        fields.put("sourceAddress", event.sourceAddress());
        fields.put("action", event.action());
        fields.put("targetType", event.targetType());
        fields.put("targetId", event.targetId());
        fields.put("changeKey", event.changeKey());
        fields.put("before", event.before());
        fields.put("after", event.after());
        fields.put("prevHash", event.prevHash());
        fields.put("hash", event.hash());
        return fields;
    }

    /** Hands {@code out} to {@code write} as a UTF-8 writer and flushes it. */
    private static void text(OutputStream out, Consumer<Writer> write) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        write.accept(writer);
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code write} on {@code out}, hashing every byte, and signs the hash. */
    private EvidenceSignature signed(OutputStream out, Consumer<OutputStream> write) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        DigestOutputStream hashing = new DigestOutputStream(out, sha256);
        write.accept(hashing);
        try {
            hashing.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key.sign(HexFormat.of().formatHex(sha256.digest()));
    }
}
