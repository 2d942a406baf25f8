package io.kioskfleet.core.tickets;

/**
 * How a branch's tickets were resolved: remotely, or by travelling there.
 *
 * @param ouId             the branch
 * @param name             its name
 * @param travelMinutes    one way from headquarters
 * @param resolved         tickets resolved (or closed) in the period
 * @param resolvedRemotely of those, resolved without an on-site visit
 * @param visits           of those, with an on-site visit
 * @param remoteRate       resolvedRemotely / resolved (0 to 1; 0 when nothing was resolved)
 * @param travelMinutesSpent the travel the visits cost, there and back
 */
public record BranchResolution(String ouId, String name, int travelMinutes, int resolved, int resolvedRemotely,
                               int visits, double remoteRate, long travelMinutesSpent) {
}
