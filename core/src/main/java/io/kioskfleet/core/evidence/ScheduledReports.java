package io.kioskfleet.core.evidence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.retention.ExpiringRecords;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.protocol.signing.EvidenceSignature;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The evidence reports {@code EVIDENCE_REPORT} schedules produce: at each fire the previous
 * period's report as signed CSV and PDF, kept with their signatures in the {@code scheduled_reports}
 * collection (one small document per run, the files inline as binary), listed and downloaded by
 * auditors and fleet admins. Files larger than {@link #LARGEST_FILE} are refused rather than
 * stored, so a document stays within MongoDB's 16 MB limit.
 */
public final class ScheduledReports implements ExpiringRecords {

    /** The collection's name. */
    public static final String COLLECTION = "scheduled_reports";
    /** The largest export kept inline; both files together must stay under MongoDB's 16 MB document limit. */
    static final int LARGEST_FILE = 7 * 1024 * 1024;
    /** The language the stored files are written in: the city's. */
    private static final Locale LANGUAGE = Locale.JAPANESE;

    private final EvidenceExports exports;
    private final EvidenceReports reports;
    private final MongoCollection<Document> stored;
    private final Clock clock;

    public ScheduledReports(EvidenceExports exports, EvidenceReports reports, FleetStore store, Clock clock) {
        this.exports = exports;
        this.reports = reports;
        this.stored = store.collection(COLLECTION, Document.class);
        this.clock = clock;
    }

    /**
     * Produces and keeps the report of run {@code runId}: the {@code period} that ended last before
     * {@code firedAt} in {@code zone}, on {@code ouIds}. A run produced again (taken over after a
     * crash) finds its report already kept and returns that one.
     */
    public ScheduledReport produce(String runId, String scheduleName, ReportPeriod period, ZoneId zone,
                                   List<String> ouIds, Instant firedAt) {
        Optional<ScheduledReport> earlier = find(runId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        EvidenceQuery query = period.previous(firedAt, zone, ouIds);
        EvidenceSummary summary = reports.summary(Actor.SYSTEM, query);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        EvidenceSignature csvSignature = exports.csv(Actor.SYSTEM, query, LANGUAGE, bounded(csv));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        EvidenceSignature pdfSignature = exports.pdf(Actor.SYSTEM, query, LANGUAGE, bounded(pdf));
        ScheduledReport report = new ScheduledReport(runId, scheduleName, period, query.from(), query.to(), query.ouIds(),
            summary.totals().expected(), summary.gapCount(), csv.size(), pdf.size(), clock.instant());
        String baseName = "evidence-" + LocalDate.ofInstant(query.from(), zone) + "-" + period.name().toLowerCase(Locale.ROOT);
        Document document = new Document("_id", runId)
            .append("scheduleName", scheduleName).append("period", period.name())
            .append("from", Date.from(query.from())).append("to", Date.from(query.to()))
            .append("ouIds", query.ouIds()).append("sessions", report.sessions()).append("gaps", report.gaps())
            .append("producedAt", Date.from(report.producedAt())).append("baseName", baseName)
            .append("csvBytes", report.csvBytes()).append("pdfBytes", report.pdfBytes())
            .append("csv", new Binary(csv.toByteArray())).append("csvSig", csvSignature.toText())
            .append("pdf", new Binary(pdf.toByteArray())).append("pdfSig", pdfSignature.toText());
        try {
            stored.insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return find(runId).orElseThrow(() -> e);
        }
        return report;
    }

    /** The reports kept, newest first, at most {@code limit}; for auditors and fleet admins. */
    public List<ScheduledReport> newestFirst(Actor actor, int limit) {
        mayRead(actor);
        List<ScheduledReport> found = new ArrayList<>();
        stored.find().projection(Projections.exclude("csv", "pdf")).sort(Sorts.descending("producedAt"))
            .limit(Math.max(1, Math.min(limit, 500)))
            .forEach(document -> found.add(reportOf(document)));
        return found;
    }

    /** One kept export ({@code csv} or {@code pdf}) of report {@code id} with its signature. */
    public ReportFile file(Actor actor, String id, String format) {
        mayRead(actor);
        if (!"csv".equals(format) && !"pdf".equals(format)) {
            throw new NotFoundException("scheduled report file", id + "." + format);
        }
        Document document = stored.find(new Document("_id", id)).first();
        if (document == null) {
            throw new NotFoundException("scheduled report", id);
        }
        return new ReportFile(document.getString("baseName") + "." + format,
            "csv".equals(format) ? "text/csv" : "application/pdf",
            document.get(format, Binary.class).getData(), document.getString(format + "Sig"));
    }

    @Override
    public String collectionName() {
        return COLLECTION;
    }

    /** The kept reports whose period ended before {@code keepFrom} (one small document per run: a scan is cheap). */
    @Override
    public List<String> expiredBefore(Instant keepFrom) {
        List<String> ids = new ArrayList<>();
        stored.find(Filters.lt("to", Date.from(keepFrom))).projection(Projections.include("_id"))
            .forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    @Override
    public void remove(String id) {
        stored.deleteOne(new Document("_id", id));
    }

    private Optional<ScheduledReport> find(String id) {
        return Optional.ofNullable(stored.find(new Document("_id", id)).first()).map(ScheduledReports::reportOf);
    }

    private static void mayRead(Actor actor) {
        actor.requireAny(Role.AUDITOR, Role.FLEET_ADMIN);
    }

    private static ScheduledReport reportOf(Document document) {
        return new ScheduledReport(document.getString("_id"), document.getString("scheduleName"),
            ReportPeriod.valueOf(document.getString("period")), document.getDate("from").toInstant(),
            document.getDate("to").toInstant(), document.getList("ouIds", String.class),
            document.get("sessions", Number.class).longValue(), document.get("gaps", Number.class).longValue(),
            document.getInteger("csvBytes"), document.getInteger("pdfBytes"), document.getDate("producedAt").toInstant());
    }

    /** {@code out}, refusing to grow past {@link #LARGEST_FILE}. */
    private static OutputStream bounded(ByteArrayOutputStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                if (out.size() + length > LARGEST_FILE) {
                    throw new IllegalStateException("the export is larger than " + LARGEST_FILE
                        + " bytes; report on fewer units or a shorter period");
                }
                out.write(bytes, offset, length);
            }
        };
    }
}
