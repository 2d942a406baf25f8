package io.kioskfleet.console.jobruns;

import io.kioskfleet.console.ConsolePage;
import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.jobruns.JobRunQuery;
import io.kioskfleet.core.jobruns.JobRuns;
import io.kioskfleet.core.store.PageRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's job runs: the newest runs with live progress bars (the page fetches its table
 * again every few seconds through htmx), and a run's page with its counts and a cancel button.
 */
@ConsolePage
public class JobRunPages {

    private static final int PAGE_SIZE = 50;

    private final JobRuns runs;

    public JobRunPages(JobRuns runs) {
        this.runs = runs;
    }

    @GetMapping("/job-runs")
    public String list(Actor actor, Model model, @RequestParam(defaultValue = "0") int page) {
        addRuns(actor, model, page);
        return "job-runs";
    }

    /** Just the table, which the list page fetches again every few seconds. */
    @GetMapping("/job-runs/live")
    public String live(Actor actor, Model model, @RequestParam(defaultValue = "0") int page) {
        addRuns(actor, model, page);
        return "job-runs :: runs";
    }

    @GetMapping("/job-runs/{id}")
    public String run(Actor actor, Model model, @PathVariable String id) {
        model.addAttribute("run", runs.get(actor, id));
        return "job-run";
    }

    /** Just the progress of one run, which its page fetches again every few seconds. */
    @GetMapping("/job-runs/{id}/progress")
    public String progress(Actor actor, Model model, @PathVariable String id) {
        model.addAttribute("run", runs.get(actor, id));
        return "job-run :: progress";
    }

    @PostMapping("/job-runs/{id}/cancel")
    public String cancel(Actor actor, @PathVariable String id) {
        runs.cancel(actor, id);
        return "redirect:/job-runs/" + id + "?cancelled";
    }

    private void addRuns(Actor actor, Model model, int page) {
        var found = runs.search(actor, JobRunQuery.all(), new PageRequest(page, PAGE_SIZE));
        model.addAttribute("runs", found);
        model.addAttribute("page", page);
        model.addAttribute("lastPage", Math.max(0, (int) ((found.total() - 1) / PAGE_SIZE)));
    }
}
