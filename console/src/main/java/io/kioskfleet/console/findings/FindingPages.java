package io.kioskfleet.console.findings;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.compliance.ComplianceExceptions;
import io.kioskfleet.core.findings.FindingKind;
import io.kioskfleet.core.findings.OpenFindings;
import io.kioskfleet.core.store.PageRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What the sweeps found: sessions whose wipe was never proven, silent devices, overdue commands. */
@ConsolePage
public class FindingPages {

    private static final PageRequest FIRST = new PageRequest(0, 100);

    private final ComplianceExceptions exceptions;
    private final OpenFindings findings;

    public FindingPages(ComplianceExceptions exceptions, OpenFindings findings) {
        this.exceptions = exceptions;
        this.findings = findings;
    }

    @GetMapping("/findings")
    public String findings(Actor actor, Model model) {
        model.addAttribute("exceptions", exceptions.newestFirst(actor, FIRST));
        model.addAttribute("silent", findings.list(actor, FindingKind.SILENT_DEVICE, FIRST));
        model.addAttribute("overdue", findings.list(actor, FindingKind.OVERDUE_COMMAND, FIRST));
        return "findings";
    }
}
