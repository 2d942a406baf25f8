package io.kioskfleet.console.schedules;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.input.InvalidInputException;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.evidence.ReportPeriod;
import io.kioskfleet.core.schedules.Schedule;
import io.kioskfleet.core.schedules.ScheduleKind;
import io.kioskfleet.core.schedules.Schedules;
import io.kioskfleet.core.schedules.MisfireRule;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's schedules: the list with each one's next fire, a form to create one, and a page
 * per schedule with its next ten fire times, run now, pause or resume, editing, and its recent
 * fire decisions; beside them the office closures.
 */
@ConsolePage
public class SchedulePages {

    private static final int NEXT_FIRES = 10;
    private static final int RECENT_FIRES = 20;

    private final Schedules schedules;
    private final OrganisationUnits units;

    public SchedulePages(Schedules schedules, OrganisationUnits units) {
        this.schedules = schedules;
        this.units = units;
    }

    @GetMapping("/schedules")
    public String list(Actor actor, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ScheduleForm.blank(schedules.defaultZone().getId()));
        }
        model.addAttribute("schedules", schedules.list(actor));
        model.addAttribute("closures", schedules.calendar().closures());
        model.addAttribute("holidays", schedules.calendar().holidays().of(LocalDate.now(schedules.defaultZone()).getYear()));
        return withChoices(actor, model, "schedules");
    }

    @PostMapping("/schedules")
    public String create(Actor actor, Model model, @ModelAttribute("form") ScheduleForm form) {
        try {
            Schedule created = schedules.create(actor, form.draft(List.of(), List.of(), true));
            return "redirect:/schedules/" + created.id();
        } catch (InvalidInputException refused) {
            model.addAttribute("errors", refused.errors());
            return list(actor, model);
        }
    }

    @GetMapping("/schedules/{id}")
    public String show(Actor actor, Model model, @PathVariable String id) {
        Schedule schedule = schedules.get(actor, id);
        model.addAttribute("schedule", schedule);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ScheduleForm.of(schedule));
        }
        model.addAttribute("nextFires", schedules.nextFires(actor, id, NEXT_FIRES));
        model.addAttribute("fires", schedules.recentFires(actor, id, RECENT_FIRES));
        model.addAttribute("canChange", actor.has(Role.FLEET_ADMIN) || actor.has(Role.BRANCH_ADMIN));
        return withChoices(actor, model, "schedule");
    }

    @PostMapping("/schedules/{id}")
    public String change(Actor actor, Model model, @PathVariable String id, @ModelAttribute("form") ScheduleForm form) {
        Schedule current = schedules.get(actor, id);
        try {
            schedules.change(actor, id, form.draft(current.target().deviceIds(), current.target().tags(),
                current.enabled()), form.version());
            return "redirect:/schedules/" + id;
        } catch (InvalidInputException refused) {
            model.addAttribute("errors", refused.errors());
            return show(actor, model, id);
        }
    }

    @PostMapping("/schedules/{id}/run-now")
    public String runNow(Actor actor, @PathVariable String id) {
        schedules.runNow(actor, id);
        return "redirect:/schedules/" + id;
    }

    @PostMapping("/schedules/{id}/pause")
    public String pause(Actor actor, @PathVariable String id, @RequestParam(required = false) Long version) {
        schedules.setEnabled(actor, id, false, version);
        return "redirect:/schedules/" + id;
    }

    @PostMapping("/schedules/{id}/resume")
    public String resume(Actor actor, @PathVariable String id, @RequestParam(required = false) Long version) {
        schedules.setEnabled(actor, id, true, version);
        return "redirect:/schedules/" + id;
    }

    @PostMapping("/schedules/closures")
    public String closures(Actor actor, Model model, @RequestParam String yearlyClosures,
                           @RequestParam String closedDates, @RequestParam(required = false) Long version) {
        try {
            schedules.calendar().change(actor, words(yearlyClosures), words(closedDates), version);
            return "redirect:/schedules";
        } catch (InvalidInputException refused) {
            model.addAttribute("closureErrors", refused.errors());
            return list(actor, model);
        }
    }

    private String withChoices(Actor actor, Model model, String view) {
        List<OrganisationUnit> visible = units.all().stream().filter(unit -> units.scopeOf(actor).contains(unit.id()))
            .toList();
        model.addAttribute("units", visible);
        model.addAttribute("unitNames", units.all().stream()
            .collect(Collectors.toMap(OrganisationUnit::id, OrganisationUnit::name)));
        model.addAttribute("kinds", ScheduleKind.values());
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("misfireRules", MisfireRule.values());
        model.addAttribute("reportPeriods", ReportPeriod.values());
        model.addAttribute("fleetAdmin", actor.has(Role.FLEET_ADMIN));
        return view;
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.strip().split("[\\s,、]+")).toList();
    }
}
