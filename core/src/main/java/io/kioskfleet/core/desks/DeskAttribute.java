package io.kioskfleet.core.desks;

/** What a desk offers, so staff can find one that suits them. */
public enum DeskAttribute {
    EXTERNAL_MONITOR,
    DOCKING_STATION,
    WINDOW,
    ACCESSIBLE,
    QUIET,
    STANDING,
    PHONE_BOOTH_NEAR
}
