package io.kioskfleet.core.devices;

/**
 * What vouches for a device that enrolls (an enrollment token): checked before anything is
 * written, its use taken atomically inside the recorded write, and given back when that write
 * could not be made.
 */
public interface EnrollmentClaim {

    /** The id of what vouches ({@code ent_…}), stored on the device. */
    String tokenId();

    /** @throws EnrollmentRefusedException when it may not enroll {@code device} */
    void check(Device device);

    /** Takes one use, atomically. @throws EnrollmentRefusedException when none is left */
    void take();

    /** Gives back the use {@link #take()} took. */
    void giveBack();
}
