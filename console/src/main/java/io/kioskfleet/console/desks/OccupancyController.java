package io.kioskfleet.console.desks;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.desks.DeskOccupancy;
import io.kioskfleet.core.desks.OccupancyRow;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/occupancy}: a site's utilisation per floor and weekday over a period, as JSON or CSV. */
@RestController
@RequestMapping("/api/v1")
public class OccupancyController {

    static final String CSV = "text/csv;charset=UTF-8";

    private final DeskOccupancy occupancy;

    public OccupancyController(DeskOccupancy occupancy) {
        this.occupancy = occupancy;
    }

    /**
     * One row of the report, with the share already worked out.
     *
     * @param row                the counts
     * @param utilisationPercent booked share of the open desk-hours
     */
    public record Row(OccupancyRow row, int utilisationPercent) {
    }

    @GetMapping("/occupancy")
    public List<Row> report(Actor actor, @RequestParam String site, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        return occupancy.report(actor, site, from, to).stream().map(row -> new Row(row, row.utilisationPercent())).toList();
    }

    @GetMapping(value = "/occupancy.csv", produces = CSV)
    public ResponseEntity<String> csv(Actor actor, @RequestParam String site, @RequestParam LocalDate from,
                                      @RequestParam LocalDate to) {
        return ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"occupancy-" + from + "-" + to + ".csv\"")
            .header(HttpHeaders.CONTENT_TYPE, CSV)
            .body(OccupancyCsv.of(occupancy.report(actor, site, from, to)));
    }
}
