package io.kioskfleet.console.evidence;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.evidence.DeviceEvidence;
import io.kioskfleet.core.evidence.EvidenceExports;
import io.kioskfleet.core.evidence.EvidenceQuery;
import io.kioskfleet.core.evidence.EvidenceReports;
import io.kioskfleet.core.evidence.EvidenceSummary;
import io.kioskfleet.core.store.Page;
import io.kioskfleet.core.store.PageRequest;
import io.kioskfleet.protocol.signing.EvidenceSignature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /api/v1/evidence} and {@code /api/v1/audit/export}: the auditors' report (summary, devices,
 * one device's sessions), its CSV and PDF exports and the audit chain as JSON lines, each with a detached
 * signature ({@code .sig}) by the server's key, whose PEM is at {@code /api/v1/evidence/public-key}.
 */
@RestController
@RequestMapping("/api/v1")
public class EvidenceController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final MediaType JSON_LINES = MediaType.parseMediaType("application/jsonl;charset=UTF-8");

    private final EvidenceReports reports;
    private final EvidenceExports exports;

    public EvidenceController(EvidenceReports reports, EvidenceExports exports) {
        this.reports = reports;
        this.exports = exports;
    }

    @GetMapping("/evidence")
    public EvidenceSummary summary(Actor actor, @RequestParam(required = false) Instant from,
                                   @RequestParam(required = false) Instant to,
                                   @RequestParam(name = "ou", required = false) List<String> ouIds) {
        return reports.summary(actor, new EvidenceQuery(from, to, ouIds));
    }

    /** The covered devices with their totals, paged; {@code branch} narrows to one unit's own devices. */
    @GetMapping("/evidence/devices")
    public Page<DeviceEvidence> devices(Actor actor, @RequestParam(required = false) Instant from,
                                        @RequestParam(required = false) Instant to,
                                        @RequestParam(name = "ou", required = false) List<String> ouIds,
                                        @RequestParam(required = false) String branch,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "50") int size) {
        return reports.devices(actor, new EvidenceQuery(from, to, ouIds), branch, new PageRequest(page, size));
    }

    @GetMapping("/evidence/devices/{id}")
    public DeviceEvidence device(Actor actor, @PathVariable String id, @RequestParam(required = false) Instant from,
                                 @RequestParam(required = false) Instant to) {
        return reports.device(actor, new EvidenceQuery(from, to, List.of()), id);
    }

    @GetMapping(value = "/evidence/public-key", produces = "application/x-pem-file")
    public ResponseEntity<String> publicKey() {
        return ResponseEntity.ok().header("X-KF-Key-Fingerprint", exports.key().fingerprint())
            .body(exports.key().publicKeyPem());
    }

    /** The report as CSV; the signature also travels in headers, and {@code export.csv.sig} gives it as a file. */
    @GetMapping("/evidence/export.csv")
    public ResponseEntity<StreamingResponseBody> csv(Actor actor, @RequestParam(required = false) Instant from,
                                                     @RequestParam(required = false) Instant to,
                                                     @RequestParam(name = "ou", required = false) List<String> ouIds,
                                                     Locale locale) {
        EvidenceQuery query = new EvidenceQuery(from, to, ouIds);
        return signedDownload(out -> exports.csv(actor, query, locale, out), "evidence.csv", CSV);
    }

    @GetMapping(value = "/evidence/export.csv.sig", produces = MediaType.TEXT_PLAIN_VALUE)
    public String csvSignature(Actor actor, @RequestParam(required = false) Instant from,
                               @RequestParam(required = false) Instant to,
                               @RequestParam(name = "ou", required = false) List<String> ouIds, Locale locale) {
        EvidenceQuery query = new EvidenceQuery(from, to, ouIds);
        return exports.lastSignature(actor, "csv", query, locale)
            .orElseGet(() -> exports.csv(actor, query, locale, OutputStream.nullOutputStream())).toText();
    }

    /** The report's summary as PDF (Japanese, with charts); signed like the CSV, {@code export.pdf.sig} gives the file. */
    @GetMapping("/evidence/export.pdf")
    public ResponseEntity<StreamingResponseBody> pdf(Actor actor, @RequestParam(required = false) Instant from,
                                                     @RequestParam(required = false) Instant to,
                                                     @RequestParam(name = "ou", required = false) List<String> ouIds,
                                                     Locale locale) {
        EvidenceQuery query = new EvidenceQuery(from, to, ouIds);
        return signedDownload(out -> exports.pdf(actor, query, locale, out), "evidence.pdf", MediaType.APPLICATION_PDF);
    }

    @GetMapping(value = "/evidence/export.pdf.sig", produces = MediaType.TEXT_PLAIN_VALUE)
    public String pdfSignature(Actor actor, @RequestParam(required = false) Instant from,
                               @RequestParam(required = false) Instant to,
                               @RequestParam(name = "ou", required = false) List<String> ouIds, Locale locale) {
        EvidenceQuery query = new EvidenceQuery(from, to, ouIds);
        return exports.lastSignature(actor, "pdf", query, locale)
            .orElseGet(() -> exports.pdf(actor, query, locale, OutputStream.nullOutputStream())).toText();
    }

    /** The whole audit chain, one event per line, oldest first, for {@code verify-evidence --audit-chain}. */
    @GetMapping("/audit/export")
    public ResponseEntity<StreamingResponseBody> auditChain(Actor actor) {
        return signedDownload(out -> exports.auditChain(actor, out), "audit-chain.jsonl", JSON_LINES);
    }

    @GetMapping(value = "/audit/export.sig", produces = MediaType.TEXT_PLAIN_VALUE)
    public String auditChainSignature(Actor actor) {
        return exports.lastSignature(actor, "audit-chain", null)
            .orElseGet(() -> exports.auditChain(actor, OutputStream.nullOutputStream())).toText();
    }

    /**
     * Writes the export to a temporary file first (bounded memory, and the signature is known
     * before the first byte goes out), then streams the file with the signature in headers.
     */
    private static ResponseEntity<StreamingResponseBody> signedDownload(Function<OutputStream, EvidenceSignature> write,
                                                                       String fileName, MediaType type) {
        try {
            Path file = Files.createTempFile("kioskfleet-export", ".tmp");
            EvidenceSignature signature;
            try (OutputStream out = Files.newOutputStream(file)) {
                signature = write.apply(out);
            } catch (RuntimeException | IOException failed) {
                Files.deleteIfExists(file);
                throw failed;
            }
            StreamingResponseBody body = out -> {
                try {
                    Files.copy(file, out);
                } finally {
                    Files.deleteIfExists(file);
                }
            };
            return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .header("X-KF-Content-SHA256", signature.contentSha256())
                .header("X-KF-Signature", signature.signature())
                .header("X-KF-Key-Fingerprint", signature.keyFingerprint())
                .body(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
