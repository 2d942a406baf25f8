package io.kioskfleet.agent;

/**
 * What a {@link FleetSimulator} has done so far.
 *
 * @param devices      virtual devices simulated
 * @param enrolled     devices that hold an enrolled identity
 * @param checkIns     check-ins answered
 * @param sessions     sessions started
 * @param attestations wipe attestations the server accepted (the session VERIFIED)
 * @param errors       steps that failed (refused, unreachable or a local failure)
 */
public record SimulationSummary(int devices, long enrolled, long checkIns, long sessions, long attestations, long errors) {

    /** The summary as one line of text. */
    public String line() {
        return "simulate: " + enrolled + "/" + devices + " devices enrolled, " + checkIns + " check-ins, " + sessions
            + " sessions, " + attestations + " attestations accepted, " + errors + " errors";
    }
}
