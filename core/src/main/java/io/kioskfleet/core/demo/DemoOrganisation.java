package io.kioskfleet.core.demo;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.devices.DeviceDraft;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.enrollment.EnrollmentTokenDraft;
import io.kioskfleet.core.enrollment.EnrollmentTokens;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.policies.Policy;
import io.kioskfleet.core.policies.PolicyAttachments;
import io.kioskfleet.core.policies.PolicyLibrary;
import io.kioskfleet.policies.templates.PolicyTemplate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small, made-up city administration for a first look: a city hall and five branch offices
 * at various distances, with shared laptops pre-registered in each, and the ephemeral guest
 * policy published and attached at the city hall, and a multi-use enrollment token of the city
 * hall with which a simulated fleet enrolls those laptops. Seeds only an empty store.
 */
public final class DemoOrganisation {

    private record Branch(String name, String address, int travelMinutes, int laptops) {
    }

    private static final List<Branch> BRANCHES = List.of(
        new Branch("北部支所 (North Branch)", "みなと市北区青葉町1-2-3", 35, 8),
        new Branch("南部支所 (South Branch)", "みなと市南区浜町4-5-6", 25, 6),
        new Branch("東部出張所 (East Office)", "みなと市東区桜台7-8", 50, 4),
        new Branch("西部支所 (West Branch)", "みなと市西区松原2-10", 70, 6),
        new Branch("山間支所 (Mountain Branch)", "みなと市山里町大字奥谷100", 120, 4));

    /** Just under the longest lifetime a token may have (90 days), so the check of it never races the clock. */
    private static final Duration TOKEN_LIFETIME = Duration.ofDays(89);

    private final OrganisationUnits units;
    private final DeviceRegistry devices;
    private final PolicyLibrary policies;
    private final PolicyAttachments attachments;
    private final EnrollmentTokens tokens;

    public DemoOrganisation(OrganisationUnits units, DeviceRegistry devices, PolicyLibrary policies,
                            PolicyAttachments attachments, EnrollmentTokens tokens) {
        this.units = units;
        this.devices = devices;
        this.policies = policies;
        this.attachments = attachments;
        this.tokens = tokens;
    }

    /**
     * Seeds the demo organisation; returns what a simulated fleet needs to join it, or nothing
     * (and does nothing) when the store already has units.
     */
    public Optional<DemoFleet> seedIfEmpty() {
        if (!units.all().isEmpty()) {
            return Optional.empty();
        }
        OrganisationUnit cityHall = units.create(Actor.SYSTEM,
            new OuDraft("みなと市役所 本庁舎 (Minato City Hall)", null, "みなと市中央区本町1-1", 0));
        List<String> serials = new ArrayList<>(registerLaptops(cityHall.id(), "HQ", 12));
        int office = 1;
        for (Branch branch : BRANCHES) {
            OrganisationUnit unit = units.create(Actor.SYSTEM,
                new OuDraft(branch.name(), cityHall.id(), branch.address(), branch.travelMinutes()));
            serials.addAll(registerLaptops(unit.id(), "BR" + office++, branch.laptops()));
        }
        Policy guest = policies.create(Actor.SYSTEM, PolicyTemplate.EPHEMERAL_GUEST.id(), PolicyTemplate.EPHEMERAL_GUEST.text());
        policies.publish(Actor.SYSTEM, guest.id(), null);
        attachments.attach(Actor.SYSTEM, cityHall.id(), guest.id(), null);
        // Longest allowed lifetime: enrolled laptops stay enrolled after it expires; re-runs reuse their identities.
        String secret = tokens.create(Actor.SYSTEM, new EnrollmentTokenDraft(cityHall.id(),
            Instant.now().plus(TOKEN_LIFETIME), serials.size(), "demo fleet simulator (kioskfleet --demo)")).secret();
        return Optional.of(new DemoFleet(secret, serials));
    }

    private List<String> registerLaptops(String ouId, String office, int count) {
        List<String> serials = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String serial = String.format("KF-DEMO-%s-%03d", office, i);
            serials.add(serial);
            String model = i % 3 == 0 ? "ThinBook 14 G3" : "Chromebook Plus 14";
            devices.preRegister(Actor.SYSTEM, new DeviceDraft(serial, ouId, model, String.format("%s-PC%03d", office, i),
                List.of("shared", i % 4 == 0 ? "kiosk" : "free-address"), null));
        }
        return serials;
    }
}
