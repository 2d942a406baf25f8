package io.kioskfleet.core.findings;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.compliance.ComplianceExceptions;
import java.util.Optional;

/** What the dashboard shows of the sweeps' findings: how many of each need attention. */
public final class Attention {

    private final ComplianceExceptions exceptions;
    private final OpenFindings findings;

    public Attention(ComplianceExceptions exceptions, OpenFindings findings) {
        this.exceptions = exceptions;
        this.findings = findings;
    }

    /**
     * The counts.
     *
     * @param complianceExceptions sessions whose wipe was never proven
     * @param silentDevices        devices silent for longer than the sweep's threshold
     * @param overdueCommands      commands not acknowledged in time
     */
    public record Counts(long complianceExceptions, long silentDevices, long overdueCommands) {

        /** True when nothing needs attention. */
        public boolean none() {
            return complianceExceptions == 0 && silentDevices == 0 && overdueCommands == 0;
        }
    }

    /** The counts for those who may see them (fleet admins, helpdesk, auditors); empty for others. */
    public Optional<Counts> now(Actor actor) {
        if (!(actor.has(Role.FLEET_ADMIN) || actor.has(Role.HELPDESK) || actor.has(Role.AUDITOR))) {
            return Optional.empty();
        }
        return Optional.of(new Counts(exceptions.count(actor), findings.count(actor, FindingKind.SILENT_DEVICE),
            findings.count(actor, FindingKind.OVERDUE_COMMAND)));
    }
}
