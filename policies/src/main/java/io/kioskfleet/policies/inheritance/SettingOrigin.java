package io.kioskfleet.policies.inheritance;

import java.util.Objects;

/** Where an effective value came from: the catalogue default, an OU, or a device exception. */
public record SettingOrigin(Kind kind, String ouId) {

    /** The origin of values no OU sets. */
    public static final SettingOrigin DEFAULT = new SettingOrigin(Kind.DEFAULT, null);
    /** The origin of values from a device's exception. */
    public static final SettingOrigin DEVICE_EXCEPTION =
        new SettingOrigin(Kind.DEVICE_EXCEPTION, null);

    /** The kinds of origin. */
    public enum Kind { DEFAULT, OU, DEVICE_EXCEPTION }

    public SettingOrigin {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.OU) != (ouId != null)) {
            throw new IllegalArgumentException("exactly the OU origin names an OU");
        }
    }

    /** The origin of a value set by the policy of {@code ouId}. */
    public static SettingOrigin ou(String ouId) {
        return new SettingOrigin(Kind.OU, ouId);
    }

    /** How the origin is shown: the OU id, {@code default} or {@code device exception}. */
    public String label() {
        return switch (kind) {
            case DEFAULT -> "default";
            case OU -> ouId;
            case DEVICE_EXCEPTION -> "device exception";
        };
    }
}
