package io.kioskfleet.core.overview;

/**
 * One unit's devices at a glance.
 *
 * @param ouId          the unit
 * @param name          its name
 * @param travelMinutes how far it is from headquarters
 * @param devices       devices in the fleet (not retired)
 * @param online        enrolled devices seen within the online window
 * @param silent        enrolled devices not seen within it (never, or too long ago)
 * @param locked        devices locked as lost
 * @param waiting       pre-registered devices not enrolled yet
 */
public record BranchStatus(String ouId, String name, int travelMinutes, int devices, int online, int silent, int locked,
                           int waiting) {

    /** How much needs attention here; problems sort first. */
    int trouble() {
        return locked * 1000 + silent;
    }

    BranchStatus plus(BranchStatus other) {
        return new BranchStatus(ouId, name, travelMinutes, devices + other.devices, online + other.online,
            silent + other.silent, locked + other.locked, waiting + other.waiting);
    }
}
