package io.kioskfleet.protocol.policy;

import io.kioskfleet.protocol.canonical.CanonicalJson;
import io.kioskfleet.protocol.canonical.Sha256;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The effective policy of one device as the device receives it: everything it must enforce on
 * its own, even offline, plus the ETag that names exactly this content.
 *
 * <p>Collections that mean sets are held sorted and without duplicates, so equal meaning gives
 * equal records and an equal ETag. Build one with {@link #of}, which computes the ETag; a device
 * can check a received payload with {@link #hasConsistentEtag()}.
 */
public record DevicePolicy(Session session, Wipe wipe, Access access, Data data, Device device,
                           String etag) {

    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public DevicePolicy {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(wipe, "wipe");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(device, "device");
        if (etag == null || !HEX_SHA256.matcher(etag).matches()) {
            throw new IllegalArgumentException("etag must be a lower-case hex SHA-256: " + etag);
        }
    }

    /** A payload whose ETag is the SHA-256 of the canonical JSON of its content. */
    public static DevicePolicy of(Session session, Wipe wipe, Access access, Data data,
                                  Device device) {
        return new DevicePolicy(session, wipe, access, data, device,
            etagOf(session, wipe, access, data, device));
    }

    /** True when {@link #etag()} names this content, as a device checks before enforcing it. */
    public boolean hasConsistentEtag() {
        return etag.equals(etagOf(session, wipe, access, data, device));
    }

    /** The canonical JSON of the content, without the ETag: the bytes the ETag is taken over. */
    public String canonicalContent() {
        return canonicalContent(session, wipe, access, data, device);
    }

    private static String etagOf(Session session, Wipe wipe, Access access, Data data,
                                 Device device) {
        return Sha256.hex(canonicalContent(session, wipe, access, data, device));
    }

    private static String canonicalContent(Session session, Wipe wipe, Access access, Data data,
                                           Device device) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("session", session.canonicalTree());
        tree.put("wipe", wipe.canonicalTree());
        tree.put("access", access.canonicalTree());
        tree.put("data", data.canonicalTree());
        tree.put("device", device.canonicalTree());
        return CanonicalJson.write(tree);
    }

    static String timeOfDay(LocalTime time) {
        return time.format(HH_MM);
    }

    private static <T extends Comparable<? super T>> List<T> sortedSet(Collection<T> items) {
        Objects.requireNonNull(items, "a set-valued field may be empty but not null");
        return items.stream().distinct().sorted().toList();
    }

    private static void requireMinutes(String name, int minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + minutes);
        }
    }

    /** When and why the guest session ends. */
    public record Session(int maxLengthMinutes, int idleLogoutMinutes,
                          int warningBeforeLogoutMinutes, List<LocalTime> scheduledLogoutTimes,
                          List<SessionEnd> endTriggers) {

        public Session {
            requireMinutes("maxLengthMinutes", maxLengthMinutes);
            requireMinutes("idleLogoutMinutes", idleLogoutMinutes);
            requireMinutes("warningBeforeLogoutMinutes", warningBeforeLogoutMinutes);
            scheduledLogoutTimes = sortedSet(scheduledLogoutTimes);
            endTriggers = sortedSet(endTriggers);
        }

        Map<String, Object> canonicalTree() {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("maxLengthMinutes", maxLengthMinutes);
            tree.put("idleLogoutMinutes", idleLogoutMinutes);
            tree.put("warningBeforeLogoutMinutes", warningBeforeLogoutMinutes);
            tree.put("scheduledLogoutTimes",
                scheduledLogoutTimes.stream().map(DevicePolicy::timeOfDay).toList());
            tree.put("endTriggers", endTriggers);
            return tree;
        }
    }

    /** What the device erases after a session and what it keeps. */
    public record Wipe(boolean onLogout, List<WipeArea> scope, List<String> preserve,
                       boolean verifyAfterWipe, boolean rebootAfterWipe) {

        public Wipe {
            scope = sortedSet(scope);
            preserve = sortedSet(preserve);
        }

        Map<String, Object> canonicalTree() {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("onLogout", onLogout);
            tree.put("scope", scope);
            tree.put("preserve", preserve);
            tree.put("verifyAfterWipe", verifyAfterWipe);
            tree.put("rebootAfterWipe", rebootAfterWipe);
            return tree;
        }
    }

    /** Where the guest session may go on the network and from where the device may connect. */
    public record Access(List<String> allowedUrls, List<String> blockedUrls,
                         NetworkZone networkZone, List<String> allowedSourceCidrs) {

        public Access {
            allowedUrls = sortedSet(allowedUrls);
            blockedUrls = sortedSet(blockedUrls);
            Objects.requireNonNull(networkZone, "networkZone");
            allowedSourceCidrs = sortedSet(allowedSourceCidrs);
        }

        Map<String, Object> canonicalTree() {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("allowedUrls", allowedUrls);
            tree.put("blockedUrls", blockedUrls);
            tree.put("networkZone", networkZone);
            tree.put("allowedSourceCidrs", allowedSourceCidrs);
            return tree;
        }
    }

    /** Which ways data may leave the guest session. */
    public record Data(boolean downloadsAllowed, List<String> blockedFileTypes,
                       ClipboardMode clipboard, boolean printingAllowed,
                       UsbStorageMode usbStorage, boolean screenCaptureAllowed) {

        public Data {
            blockedFileTypes = sortedSet(blockedFileTypes);
            Objects.requireNonNull(clipboard, "clipboard");
            Objects.requireNonNull(usbStorage, "usbStorage");
        }

        Map<String, Object> canonicalTree() {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("downloadsAllowed", downloadsAllowed);
            tree.put("blockedFileTypes", blockedFileTypes);
            tree.put("clipboard", clipboard);
            tree.put("printingAllowed", printingAllowed);
            tree.put("usbStorage", usbStorage);
            tree.put("screenCaptureAllowed", screenCaptureAllowed);
            return tree;
        }
    }

    /** How the device itself behaves: unlock, kiosk app, texts, clock and maintenance. */
    public record Device(boolean pinRequired, int pinMinLength, String kioskApp,
                         LocalizedText notice, ZoneId timeZone, String locale,
                         MaintenanceWindow maintenanceWindow, LocalizedText lostModeMessage) {

        public Device {
            if (pinMinLength < 0) {
                throw new IllegalArgumentException("pinMinLength must not be negative");
            }
            Objects.requireNonNull(kioskApp, "kioskApp (empty when there is none)");
            Objects.requireNonNull(notice, "notice");
            Objects.requireNonNull(timeZone, "timeZone");
            Objects.requireNonNull(locale, "locale");
            Objects.requireNonNull(maintenanceWindow, "maintenanceWindow");
            Objects.requireNonNull(lostModeMessage, "lostModeMessage");
        }

        Map<String, Object> canonicalTree() {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("pinRequired", pinRequired);
            tree.put("pinMinLength", pinMinLength);
            tree.put("kioskApp", kioskApp);
            tree.put("notice", notice.canonicalTree());
            tree.put("timeZone", timeZone.getId());
            tree.put("locale", locale);
            tree.put("maintenanceWindow", maintenanceWindow.canonicalTree());
            tree.put("lostModeMessage", lostModeMessage.canonicalTree());
            return tree;
        }
    }
}
