package io.kioskfleet.policies.catalogue;

import io.kioskfleet.protocol.policy.ClipboardMode;
import io.kioskfleet.protocol.policy.NetworkZone;
import io.kioskfleet.protocol.policy.SessionEnd;
import io.kioskfleet.protocol.policy.UsbStorageMode;
import io.kioskfleet.protocol.policy.WipeArea;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting a policy may contain, with its type, range and default; the single source that
 * parsing, validation, resolution, compilation and the settings reference all read.
 */
public final class Catalogue {

    private static final int DAY_MINUTES = 24 * 60;
    private static final int URL_LIST_MAX = 500;

    /** How long a guest session may last. */
    public static final SettingDefinition SESSION_MAX_LENGTH = setting(
        "session.maxLengthMinutes", new IntegerRange(5, DAY_MINUTES), 240);
    /** Idle time after which the session is logged out. */
    public static final SettingDefinition SESSION_IDLE_LOGOUT = setting(
        "session.idleLogoutMinutes", new IntegerRange(1, DAY_MINUTES), 30);
    /** How long before a logout the user is warned. */
    public static final SettingDefinition SESSION_WARNING = setting(
        "session.warningBeforeLogoutMinutes", new IntegerRange(0, 60), 5);
    /** Times of day at which every session is logged out. */
    public static final SettingDefinition SESSION_SCHEDULED_LOGOUTS = setting(
        "session.scheduledLogoutTimes", new TextSet(new Text(Syntax.TIME_OF_DAY, 5), 0, 24),
        List.of());
    /** What may end a session. */
    public static final SettingDefinition SESSION_END_TRIGGERS = setting(
        "session.endTriggers", new TextSet(new Text(Choice.of(SessionEnd.class), 16), 1, 4),
        List.of("timeout", "idle", "schedule", "command"));

    /** Whether the device wipes the session's data at logout. */
    public static final SettingDefinition WIPE_ON_LOGOUT = setting(
        "wipe.onLogout", new Flag(), true);
    /** The areas the wipe erases. */
    public static final SettingDefinition WIPE_SCOPE = setting(
        "wipe.scope", new TextSet(new Text(Choice.of(WipeArea.class), 32), 1, 5),
        List.of("sessionProfile", "downloads", "browserData", "caches", "temp"));
    /** Paths kept across wipes. */
    public static final SettingDefinition WIPE_PRESERVE = setting(
        "wipe.preserve", new TextSet(new Text(Syntax.PRESERVE_PATH, 512), 0, 100), List.of());
    /** Whether the device verifies the wipe and attests what remains. */
    public static final SettingDefinition WIPE_VERIFY = setting(
        "wipe.verifyAfterWipe", new Flag(), true);
    /** Whether the device reboots after the wipe. */
    public static final SettingDefinition WIPE_REBOOT = setting(
        "wipe.rebootAfterWipe", new Flag(), false);

    /** URL patterns the session may open; empty means no allow-list. */
    public static final SettingDefinition ACCESS_ALLOWED_URLS = setting(
        "access.allowedUrls", new TextSet(new Text(Syntax.URL_PATTERN, 2048), 0, URL_LIST_MAX),
        List.of());
    /** URL patterns the session may never open. */
    public static final SettingDefinition ACCESS_BLOCKED_URLS = setting(
        "access.blockedUrls", new TextSet(new Text(Syntax.URL_PATTERN, 2048), 0, URL_LIST_MAX),
        List.of());
    /** Which side of the split network the device may use. */
    public static final SettingDefinition ACCESS_NETWORK_ZONE = setting(
        "access.networkZone", new Text(Choice.of(NetworkZone.class), 16), "lgwan");
    /** Source networks the device may connect from; empty means any. */
    public static final SettingDefinition ACCESS_SOURCE_CIDRS = setting(
        "access.allowedSourceCidrs", new TextSet(new Text(Syntax.CIDR, 64), 0, 200), List.of());

    /** Whether the session may download files. */
    public static final SettingDefinition DATA_DOWNLOADS = setting(
        "data.downloadsAllowed", new Flag(), false);
    /** File types the session may never download or open. */
    public static final SettingDefinition DATA_BLOCKED_FILE_TYPES = setting(
        "data.blockedFileTypes", new TextSet(new Text(Syntax.FILE_TYPE, 128), 0, 200),
        List.of(".bat", ".cmd", ".exe", ".msi", ".ps1"));
    /** How far the clipboard reaches. */
    public static final SettingDefinition DATA_CLIPBOARD = setting(
        "data.clipboard", new Text(Choice.of(ClipboardMode.class), 16), "withinSession");
    /** Whether the session may print. */
    public static final SettingDefinition DATA_PRINTING = setting(
        "data.printingAllowed", new Flag(), true);
    /** What the session may do with USB storage. */
    public static final SettingDefinition DATA_USB_STORAGE = setting(
        "data.usbStorage", new Text(Choice.of(UsbStorageMode.class), 16), "blocked");
    /** Whether screenshots and screen recording are allowed. */
    public static final SettingDefinition DATA_SCREEN_CAPTURE = setting(
        "data.screenCaptureAllowed", new Flag(), false);

    /** Whether unlocking the device needs a PIN. */
    public static final SettingDefinition DEVICE_PIN_REQUIRED = setting(
        "device.pinRequired", new Flag(), false);
    /** The shortest PIN accepted. */
    public static final SettingDefinition DEVICE_PIN_MIN_LENGTH = setting(
        "device.pinMinLength", new IntegerRange(4, 16), 6);
    /** The app started in kiosk mode; empty for a normal desktop. */
    public static final SettingDefinition DEVICE_KIOSK_APP = setting(
        "device.kioskApp", new Text(Syntax.APP_ID, 128), "");
    /** The notice shown at sign-in. */
    public static final SettingDefinition DEVICE_NOTICE = setting(
        "device.noticeText", new BilingualNotice(500), Map.of(
            "ja", "この端末は共用端末です。ログアウトすると、作成したデータはすべて消去されます。",
            "en", "This is a shared device. Everything you create is erased when you log out."));
    /** The device's time zone. */
    public static final SettingDefinition DEVICE_TIME_ZONE = setting(
        "device.timeZone", new Text(Syntax.TIME_ZONE, 64), "Asia/Tokyo");
    /** The device's display language and formats. */
    public static final SettingDefinition DEVICE_LOCALE = setting(
        "device.locale", new Text(Syntax.LANGUAGE_TAG, 35), "ja-JP");
    /** When the device may update and reboot. */
    public static final SettingDefinition DEVICE_MAINTENANCE_WINDOW = setting(
        "device.maintenanceWindow", new DailyWindow(), Map.of("start", "02:00", "end", "04:00"));
    /** The message a lost device shows. */
    public static final SettingDefinition DEVICE_LOST_MODE_MESSAGE = setting(
        "device.lostModeMessage", new BilingualNotice(500), Map.of(
            "ja", "この端末は紛失モードです。拾得された方は最寄りの市役所へお届けください。",
            "en", "This device is in lost mode. If found, please hand it to the nearest city "
                + "office."));

    private static final Map<String, SettingDefinition> BY_KEY = index(
        SESSION_MAX_LENGTH, SESSION_IDLE_LOGOUT, SESSION_WARNING, SESSION_SCHEDULED_LOGOUTS,
        SESSION_END_TRIGGERS,
        WIPE_ON_LOGOUT, WIPE_SCOPE, WIPE_PRESERVE, WIPE_VERIFY, WIPE_REBOOT,
        ACCESS_ALLOWED_URLS, ACCESS_BLOCKED_URLS, ACCESS_NETWORK_ZONE, ACCESS_SOURCE_CIDRS,
        DATA_DOWNLOADS, DATA_BLOCKED_FILE_TYPES, DATA_CLIPBOARD, DATA_PRINTING, DATA_USB_STORAGE,
        DATA_SCREEN_CAPTURE,
        DEVICE_PIN_REQUIRED, DEVICE_PIN_MIN_LENGTH, DEVICE_KIOSK_APP, DEVICE_NOTICE,
        DEVICE_TIME_ZONE, DEVICE_LOCALE, DEVICE_MAINTENANCE_WINDOW, DEVICE_LOST_MODE_MESSAGE);

    private Catalogue() {
    }

    private static SettingDefinition setting(String key, SettingType type, Object defaultValue) {
        return new SettingDefinition(key, type, defaultValue);
    }

    private static Map<String, SettingDefinition> index(SettingDefinition... settings) {
        Map<String, SettingDefinition> byKey = new LinkedHashMap<>();
        for (SettingDefinition setting : settings) {
            if (byKey.put(setting.key(), setting) != null) {
                throw new IllegalStateException("duplicate setting " + setting.key());
            }
        }
        return Collections.unmodifiableMap(byKey);
    }

    /** Every setting, grouped as the reference lists them. */
    public static List<SettingDefinition> all() {
        return List.copyOf(BY_KEY.values());
    }

    /** Every setting key. */
    public static Set<String> keys() {
        return BY_KEY.keySet();
    }

    /** The setting under {@code key}, if there is one. */
    public static Optional<SettingDefinition> find(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** The setting under {@code key}; throws for an unknown key, a programming error. */
    public static SettingDefinition get(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("no setting " + key));
    }

    /**
     * The canonical form of settings given as plain values by dotted key, in the order given;
     * throws for an unknown key or an invalid value, for callers that build settings in code.
     */
    public static Map<String, Object> canonicalSettings(Map<String, ?> settings) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        settings.forEach((key, value) -> canonical.put(key, get(key).canonicalValue(value)));
        return Collections.unmodifiableMap(canonical);
    }

    /** True when {@code prefix} is a group of settings, such as {@code session}. */
    public static boolean isGroup(String prefix) {
        return BY_KEY.keySet().stream().anyMatch(key -> key.startsWith(prefix + "."));
    }
}
