package io.kioskfleet.console.evidence;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.evidence.DeviceEvidence;
import io.kioskfleet.core.evidence.EvidenceQuery;
import io.kioskfleet.core.evidence.EvidenceReports;
import io.kioskfleet.core.evidence.GapSentences;
import io.kioskfleet.core.evidence.SessionLine;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.store.NotFoundException;
import io.kioskfleet.core.store.PageRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditors' evidence pages: a period and units to choose, the report per branch with its gaps
 * and signed downloads, then a branch's devices, a device's sessions and one session's attestation.
 * Every page is a reading of evidence, so the core logs each one in the audit chain.
 */
@ConsolePage
public class EvidencePages {

    private static final int PAGE_SIZE = 50;

    private final EvidenceReports reports;
    private final OrganisationUnits units;
    private final ZoneId zone;

    public EvidencePages(EvidenceReports reports, OrganisationUnits units,
                         @Value("${kioskfleet.time-zone:Asia/Tokyo}") ZoneId zone) {
        this.reports = reports;
        this.units = units;
        this.zone = zone;
    }

    @GetMapping("/evidence")
    public String report(Actor actor, Model model,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @RequestParam(name = "ou", required = false) List<String> ouIds, Locale locale) {
        ReportPeriod period = ReportPeriod.orThisMonth(from, to, ouIds, LocalDate.now(zone), zone);
        model.addAttribute("period", period);
        model.addAttribute("sentences", GapSentences.in(locale));
        model.addAttribute("units", units.all().stream().sorted(Comparator.comparing(OrganisationUnit::name)).toList());
        try {
            model.addAttribute("summary", reports.summary(actor, period.query()));
        } catch (InvalidInputException | NotFoundException wrong) {
            model.addAttribute("badPeriod", true);
        }
        return "evidence";
    }

    @GetMapping("/evidence/branches/{ouId}")
    public String branch(Actor actor, Model model, @PathVariable String ouId,
                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @RequestParam(defaultValue = "0") int page) {
        ReportPeriod period = new ReportPeriod(from, to, List.of(ouId), zone);
        var devices = reports.devices(actor, period.query(), ouId, new PageRequest(page, PAGE_SIZE));
        model.addAttribute("period", period);
        model.addAttribute("branch", units.get(ouId));
        model.addAttribute("devices", devices);
        model.addAttribute("lastPage", Math.max(0, (int) ((devices.total() - 1) / PAGE_SIZE)));
        return "evidence-branch";
    }

    @GetMapping("/evidence/devices/{deviceId}")
    public String device(Actor actor, Model model, @PathVariable String deviceId,
                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ReportPeriod period = new ReportPeriod(from, to, List.of(), zone);
        model.addAttribute("period", period);
        model.addAttribute("device", reports.device(actor, period.query(), deviceId));
        return "evidence-device";
    }

    /** One session with its attestation read again: what was erased, what was kept and why, and whether the signature holds. */
    @GetMapping("/evidence/devices/{deviceId}/sessions/{sessionId}")
    public String session(Actor actor, Model model, @PathVariable String deviceId, @PathVariable String sessionId,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ReportPeriod period = new ReportPeriod(from, to, List.of(), zone);
        DeviceEvidence device = reports.device(actor, period.query(), deviceId);
        SessionLine line = device.sessions().stream().filter(one -> one.session().id().equals(sessionId)).findFirst()
            .orElseThrow(() -> new NotFoundException("session", sessionId));
        model.addAttribute("period", period);
        model.addAttribute("device", device);
        model.addAttribute("line", line);
        return "evidence-session";
    }

    /**
     * The days an auditor picked (both included, in the console's time zone) and the units.
     *
     * @param from  the first day
     * @param to    the last day
     * @param ouIds the units, each with its sub-units (none: the whole fleet)
     * @param zone  the console's time zone
     */
    public record ReportPeriod(LocalDate from, LocalDate to, List<String> ouIds, ZoneId zone) {

        public ReportPeriod {
            ouIds = ouIds == null ? List.of() : ouIds.stream().filter(id -> !id.isBlank()).toList();
        }

        /** The period asked for, or this month up to today when no day was given. */
        static ReportPeriod orThisMonth(LocalDate from, LocalDate to, List<String> ouIds, LocalDate today, ZoneId zone) {
            return new ReportPeriod(from == null ? today.withDayOfMonth(1) : from, to == null ? today : to, ouIds, zone);
        }

        /** The report's query: from the first day's start to the day after the last. */
        EvidenceQuery query() {
            return new EvidenceQuery(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(),
                ouIds);
        }

        /** The same period as API parameters, for the download links. */
        public String apiParameters() {
            EvidenceQuery query = query();
            StringBuilder parameters = new StringBuilder("from=" + query.from() + "&to=" + query.to());
            ouIds.forEach(id -> parameters.append("&ou=").append(id));
            return parameters.toString();
        }
    }
}
