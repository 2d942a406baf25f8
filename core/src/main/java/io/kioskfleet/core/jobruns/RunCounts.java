package io.kioskfleet.core.jobruns;

/**
 * How far a run got. For a wave: the devices it targets, the commands queued for them, and how
 * many of those reached each step (a command acknowledged was also delivered). For a sweep:
 * {@code targets} is what it looked at and {@code queued} what it found.
 *
 * @param targets      devices targeted (or records examined by a sweep)
 * @param queued       commands queued (or findings recorded by a sweep)
 * @param delivered    commands handed to their device
 * @param acknowledged commands the device confirmed
 * @param succeeded    commands carried out
 * @param failed       commands the device could not carry out
 * @param expired      commands that expired undelivered
 * @param cancelled    commands cancelled before delivery
 */
public record RunCounts(long targets, long queued, long delivered, long acknowledged, long succeeded, long failed,
                        long expired, long cancelled) {

    /** Nothing counted yet. */
    public static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0, 0, 0, 0);

    /** Per cent of the targets whose command is queued (0 to 100). */
    public int queuedPercent() {
        return percent(queued);
    }

    /** Per cent of the targets whose command was acknowledged. */
    public int acknowledgedPercent() {
        return percent(acknowledged);
    }

    /** Per cent of the targets whose command was carried out. */
    public int succeededPercent() {
        return percent(succeeded);
    }

    private int percent(long part) {
        return targets == 0 ? 0 : (int) Math.min(100, part * 100 / targets);
    }
}
