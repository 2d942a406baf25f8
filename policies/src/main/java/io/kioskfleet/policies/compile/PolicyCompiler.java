package io.kioskfleet.policies.compile;

import static io.kioskfleet.policies.catalogue.Catalogue.*;

import io.kioskfleet.policies.catalogue.Choice;
import io.kioskfleet.policies.catalogue.SettingDefinition;
import io.kioskfleet.policies.inheritance.EffectivePolicy;
import io.kioskfleet.protocol.policy.ClipboardMode;
import io.kioskfleet.protocol.policy.DevicePolicy;
import io.kioskfleet.protocol.policy.LocalizedText;
import io.kioskfleet.protocol.policy.MaintenanceWindow;
import io.kioskfleet.protocol.policy.NetworkZone;
import io.kioskfleet.protocol.policy.SessionEnd;
import io.kioskfleet.protocol.policy.UsbStorageMode;
import io.kioskfleet.protocol.policy.WipeArea;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Turns an effective policy into the {@link DevicePolicy} a device enforces. The output depends
 * only on the effective values, so equal policies compile to equal payloads and ETags.
 */
public final class PolicyCompiler {

    private PolicyCompiler() {
    }

    /** The device payload of {@code effective}. */
    public static DevicePolicy compile(EffectivePolicy effective) {
        return DevicePolicy.of(session(effective), wipe(effective), access(effective),
            data(effective), device(effective));
    }

    private static DevicePolicy.Session session(EffectivePolicy p) {
        return new DevicePolicy.Session(whole(p, SESSION_MAX_LENGTH),
            whole(p, SESSION_IDLE_LOGOUT), whole(p, SESSION_WARNING),
            p.texts(SESSION_SCHEDULED_LOGOUTS).stream().map(LocalTime::parse).toList(),
            constants(p, SESSION_END_TRIGGERS, SessionEnd.class));
    }

    private static DevicePolicy.Wipe wipe(EffectivePolicy p) {
        return new DevicePolicy.Wipe(p.flag(WIPE_ON_LOGOUT),
            constants(p, WIPE_SCOPE, WipeArea.class), p.texts(WIPE_PRESERVE),
            p.flag(WIPE_VERIFY), p.flag(WIPE_REBOOT));
    }

    private static DevicePolicy.Access access(EffectivePolicy p) {
        return new DevicePolicy.Access(p.texts(ACCESS_ALLOWED_URLS), p.texts(ACCESS_BLOCKED_URLS),
            Choice.constant(NetworkZone.class, p.text(ACCESS_NETWORK_ZONE)),
            p.texts(ACCESS_SOURCE_CIDRS));
    }

    private static DevicePolicy.Data data(EffectivePolicy p) {
        return new DevicePolicy.Data(p.flag(DATA_DOWNLOADS), p.texts(DATA_BLOCKED_FILE_TYPES),
            Choice.constant(ClipboardMode.class, p.text(DATA_CLIPBOARD)),
            p.flag(DATA_PRINTING),
            Choice.constant(UsbStorageMode.class, p.text(DATA_USB_STORAGE)),
            p.flag(DATA_SCREEN_CAPTURE));
    }

    private static DevicePolicy.Device device(EffectivePolicy p) {
        Map<String, String> window = p.fields(DEVICE_MAINTENANCE_WINDOW);
        return new DevicePolicy.Device(p.flag(DEVICE_PIN_REQUIRED),
            whole(p, DEVICE_PIN_MIN_LENGTH), p.text(DEVICE_KIOSK_APP),
            localized(p, DEVICE_NOTICE), ZoneId.of(p.text(DEVICE_TIME_ZONE)),
            p.text(DEVICE_LOCALE),
            new MaintenanceWindow(LocalTime.parse(window.get("start")),
                LocalTime.parse(window.get("end"))),
            localized(p, DEVICE_LOST_MODE_MESSAGE));
    }

    // The catalogue's ranges keep every integer setting far inside int.
    private static int whole(EffectivePolicy p, SettingDefinition setting) {
        return Math.toIntExact(p.integer(setting));
    }

    private static <E extends Enum<E>> List<E> constants(EffectivePolicy p,
                                                         SettingDefinition setting,
                                                         Class<E> type) {
        return p.texts(setting).stream().map(word -> Choice.constant(type, word)).toList();
    }

    private static LocalizedText localized(EffectivePolicy p, SettingDefinition setting) {
        Map<String, String> text = p.fields(setting);
        return new LocalizedText(text.get("ja"), text.get("en"));
    }
}
