package io.kioskfleet.core.demo;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.desks.DeskAttribute;
import io.kioskfleet.core.desks.DeskCatalogue;
import io.kioskfleet.core.desks.DeskDraft;
import io.kioskfleet.core.desks.Floor;
import io.kioskfleet.core.desks.Site;
import io.kioskfleet.core.desks.SiteDraft;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.ous.OuKind;
import io.kioskfleet.core.schedules.HolidayRule;
import io.kioskfleet.core.schedules.MisfireRule;
import io.kioskfleet.core.schedules.ScheduleDraft;
import io.kioskfleet.core.schedules.ScheduleKind;
import io.kioskfleet.core.schedules.ScheduleTarget;
import io.kioskfleet.core.schedules.Schedules;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the demo city does every day, seeded beside {@link DemoOrganisation}: the fixed-time
 * logout and wipe of every laptop with the sweeps that check it, and a free-address floor at the
 * city hall, so the schedules, job runs, findings and desk pages have something to show.
 */
public final class DemoWorkplace {

    private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
        DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    private static final int DESKS = 12;

    private final OrganisationUnits units;
    private final Schedules schedules;
    private final DeskCatalogue desks;

    public DemoWorkplace(OrganisationUnits units, Schedules schedules, DeskCatalogue desks) {
        this.units = units;
        this.schedules = schedules;
        this.desks = desks;
    }

    /** Seeds the schedules and a free-address floor at headquarters (call after the demo organisation). */
    public void seed() {
        OrganisationUnit cityHall = units.all().stream().filter(unit -> unit.kind() == OuKind.HEADQUARTERS)
            .findFirst().orElseThrow(() -> new IllegalStateException("the demo organisation has no headquarters"));
        seedSchedules();
        seedFreeAddressFloor(cityHall);
    }

    private void seedSchedules() {
        schedules.create(Actor.SYSTEM, new ScheduleDraft("昼と夕方の一斉ログアウト・消去 (Noon and evening logout and wipe)",
            ScheduleKind.LOGOUT_AND_WIPE, null, List.of("12:00", "17:30"), WEEKDAYS, null, HolidayRule.SKIP,
            ScheduleTarget.wholeFleet(), 5, null, null, MisfireRule.RUN_ONCE_LATE, 30, true));
        sweep("消去証明の点検 (Wipe proof check)", ScheduleKind.COMPLIANCE_SWEEP, "0 0/15 * * * ?", 30);
        sweep("応答のない端末 (Silent devices)", ScheduleKind.STALE_DEVICE_SWEEP, "0 0 * * * ?", 24 * 60);
        sweep("未応答コマンドの督促 (Overdue commands)", ScheduleKind.COMMAND_ESCALATION, "0 5/15 * * * ?", 60);
        sweep("予約の不在解放 (Desk no-show release)", ScheduleKind.NO_SHOW_RELEASE, "0 0/15 * * * ?", null);
    }

    private void sweep(String name, ScheduleKind kind, String cron, Integer thresholdMinutes) {
        schedules.create(Actor.SYSTEM, new ScheduleDraft(name, kind, cron, null, null, null, HolidayRule.RUN,
            null, null, null, thresholdMinutes, MisfireRule.SKIP, null, true));
    }

    private void seedFreeAddressFloor(OrganisationUnit cityHall) {
        Site site = desks.createSite(Actor.SYSTEM, new SiteDraft(cityHall.id(), "本庁舎 (City Hall)", null));
        site = desks.addFloor(Actor.SYSTEM, site.id(), "3F フリーアドレス (3F free-address)");
        Floor floor = site.floors().get(0);
        for (int i = 1; i <= DESKS; i++) {
            Set<DeskAttribute> attributes = EnumSet.of(DeskAttribute.EXTERNAL_MONITOR);
            if (i <= 3) {
                attributes.add(DeskAttribute.WINDOW);
            }
            if (i == DESKS) {
                attributes.add(DeskAttribute.ACCESSIBLE);
            }
            desks.createDesk(Actor.SYSTEM, new DeskDraft(site.id(), floor.id(), null, String.format("3F-%02d", i),
                attributes, true));
        }
    }
}
