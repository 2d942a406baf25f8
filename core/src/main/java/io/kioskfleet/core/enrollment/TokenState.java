package io.kioskfleet.core.enrollment;

/** Whether an enrollment token can enroll a device now. */
public enum TokenState {
    /** It can. */
    ACTIVE,
    /** Every use is taken. */
    USED_UP,
    /** Past its expiry. */
    EXPIRED,
    /** An admin revoked it. */
    REVOKED
}
