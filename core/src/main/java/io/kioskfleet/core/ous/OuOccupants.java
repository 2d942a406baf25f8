package io.kioskfleet.core.ous;

/** Tells whether anything (a device, a desk…) still belongs to a unit, so it is not removed under them. */
@FunctionalInterface
public interface OuOccupants {

    /** True when something still belongs to {@code ouId}. */
    boolean anyIn(String ouId);
}
