package io.kioskfleet.console.scheduledreports;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.evidence.ReportFile;
import io.kioskfleet.core.evidence.ScheduledReport;
import io.kioskfleet.core.evidence.ScheduledReports;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/scheduled-reports}: the evidence reports EVIDENCE_REPORT schedules kept, newest
 * first, and each one's CSV and PDF with their detached signatures ({@code .sig}).
 */
@RestController
@RequestMapping("/api/v1/scheduled-reports")
public class ScheduledReportController {

    private final ScheduledReports reports;

    public ScheduledReportController(ScheduledReports reports) {
        this.reports = reports;
    }

    /** The kept reports, newest first (at most {@code limit}, up to 500). */
    @GetMapping
    public List<ScheduledReport> list(Actor actor, @RequestParam(defaultValue = "100") int limit) {
        return reports.newestFirst(actor, limit);
    }

    /** One kept export, {@code format} {@code csv} or {@code pdf}, exactly the bytes that were signed. */
    @GetMapping("/{id}/report.{format}")
    public ResponseEntity<byte[]> file(Actor actor, @PathVariable String id, @PathVariable String format) {
        ReportFile file = reports.file(actor, id, format);
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
            .contentType(MediaType.parseMediaType(file.mediaType()))
            .body(file.content());
    }

    /** The detached signature of one kept export, for {@code verify-evidence}. */
    @GetMapping("/{id}/report.{format}.sig")
    public ResponseEntity<byte[]> signature(Actor actor, @PathVariable String id, @PathVariable String format) {
        ReportFile file = reports.file(actor, id, format);
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName() + ".sig").build().toString())
            .contentType(MediaType.TEXT_PLAIN)
            .body(file.signature().getBytes(StandardCharsets.UTF_8));
    }
}
