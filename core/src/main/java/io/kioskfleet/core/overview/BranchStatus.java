package io.kioskfleet.core.overview;

import io.kioskfleet.core.sessions.UnitSessions;

/**
 * One unit's devices, sessions and tickets at a glance.
 *
 * @param ouId          the unit
 * @param name          its name
 * @param travelMinutes how far it is from headquarters
 * @param devices       devices in the fleet (not retired)
 * @param online        enrolled devices seen within the online window
 * @param silent        enrolled devices not seen within it (never, or too long ago)
 * @param locked        devices locked as lost
 * @param waiting       pre-registered devices not enrolled yet
 * @param sessions      its sessions running now and those of today
 * @param openTickets   tickets not closed
 */
public record BranchStatus(String ouId, String name, int travelMinutes, int devices, int online, int silent, int locked,
                           int waiting, UnitSessions sessions, int openTickets) {

    /** A unit with nothing counted yet. */
    static BranchStatus empty(String ouId, String name, int travelMinutes) {
        return new BranchStatus(ouId, name, travelMinutes, 0, 0, 0, 0, 0, UnitSessions.NONE, 0);
    }

    /**
     * How much needs attention here; problems sort first. A failed wipe (a guest's files left on a
     * shared laptop) weighs as much as a lost laptop.
     */
    int trouble() {
        return (locked + sessions.failed()) * 1000 + silent;
    }

    BranchStatus plus(BranchStatus other) {
        UnitSessions mine = sessions;
        UnitSessions theirs = other.sessions;
        return new BranchStatus(ouId, name, travelMinutes, devices + other.devices, online + other.online,
            silent + other.silent, locked + other.locked, waiting + other.waiting,
            new UnitSessions(mine.active() + theirs.active(), mine.started() + theirs.started(),
                mine.ended() + theirs.ended(), mine.verified() + theirs.verified(), mine.failed() + theirs.failed()),
            openTickets + other.openTickets);
    }

    BranchStatus with(UnitSessions today, int open) {
        return new BranchStatus(ouId, name, travelMinutes, devices, online, silent, locked, waiting, today, open);
    }
}
