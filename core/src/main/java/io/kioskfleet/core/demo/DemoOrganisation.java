package io.kioskfleet.core.demo;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.devices.DeviceDraft;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.policies.Policy;
import io.kioskfleet.core.policies.PolicyAttachments;
import io.kioskfleet.core.policies.PolicyLibrary;
import io.kioskfleet.policies.templates.PolicyTemplate;
import java.util.List;

/**
 * A small, made-up city administration for a first look: a city hall and five branch offices
 * at various distances, with shared laptops pre-registered in each, and the ephemeral guest
 * policy published and attached at the city hall. Seeds only an empty store.
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

    private final OrganisationUnits units;
    private final DeviceRegistry devices;
    private final PolicyLibrary policies;
    private final PolicyAttachments attachments;

    public DemoOrganisation(OrganisationUnits units, DeviceRegistry devices, PolicyLibrary policies,
                            PolicyAttachments attachments) {
        this.units = units;
        this.devices = devices;
        this.policies = policies;
        this.attachments = attachments;
    }

    /** Seeds the demo organisation; returns false (and does nothing) when the store already has units. */
    public boolean seedIfEmpty() {
        if (!units.all().isEmpty()) {
            return false;
        }
        OrganisationUnit cityHall = units.create(Actor.SYSTEM,
            new OuDraft("みなと市役所 本庁舎 (Minato City Hall)", null, "みなと市中央区本町1-1", 0));
        registerLaptops(cityHall.id(), "HQ", 12);
        int office = 1;
        for (Branch branch : BRANCHES) {
            OrganisationUnit unit = units.create(Actor.SYSTEM,
                new OuDraft(branch.name(), cityHall.id(), branch.address(), branch.travelMinutes()));
            registerLaptops(unit.id(), "BR" + office++, branch.laptops());
        }
        Policy guest = policies.create(Actor.SYSTEM, PolicyTemplate.EPHEMERAL_GUEST.id(), PolicyTemplate.EPHEMERAL_GUEST.text());
        policies.publish(Actor.SYSTEM, guest.id(), null);
        attachments.attach(Actor.SYSTEM, cityHall.id(), guest.id(), null);
        return true;
    }

    private void registerLaptops(String ouId, String office, int count) {
        for (int i = 1; i <= count; i++) {
            String serial = String.format("KF-DEMO-%s-%03d", office, i);
            String model = i % 3 == 0 ? "ThinBook 14 G3" : "Chromebook Plus 14";
            devices.preRegister(Actor.SYSTEM, new DeviceDraft(serial, ouId, model, String.format("%s-PC%03d", office, i),
                List.of("shared", i % 4 == 0 ? "kiosk" : "free-address"), null));
        }
    }
}
