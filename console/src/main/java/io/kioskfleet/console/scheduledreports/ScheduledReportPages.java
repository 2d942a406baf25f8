package io.kioskfleet.console.scheduledreports;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.evidence.ScheduledReports;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's "Scheduled reports": the evidence reports schedules kept, newest first, with links to each file and its signature. */
@ConsolePage
public class ScheduledReportPages {

    private static final int SHOWN = 100;

    private final ScheduledReports reports;

    public ScheduledReportPages(ScheduledReports reports) {
        this.reports = reports;
    }

    @GetMapping("/scheduled-reports")
    public String list(Actor actor, Model model) {
        model.addAttribute("reports", reports.newestFirst(actor, SHOWN));
        return "scheduled-reports";
    }
}
