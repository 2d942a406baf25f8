package io.kioskfleet.console.desks;

import io.kioskfleet.core.desks.OccupancyRow;
import java.util.List;

/** The occupancy report as CSV (RFC 4180, CRLF, quoted names) for a spreadsheet. */
final class OccupancyCsv {

    private OccupancyCsv() {
    }

    static String of(List<OccupancyRow> rows) {
        StringBuilder out = new StringBuilder("floor,weekday,desks,days,bookedHours,openHours,utilisationPercent,checkedIn,noShows\r\n");
        for (OccupancyRow row : rows) {
            out.append('"').append(row.floorName().replace("\"", "\"\"")).append('"').append(',')
                .append(row.weekday()).append(',').append(row.desks()).append(',').append(row.days()).append(',')
                .append(row.bookedHours()).append(',').append(row.openHours()).append(',').append(row.utilisationPercent())
                .append(',').append(row.checkedIn()).append(',').append(row.noShows()).append("\r\n");
        }
        return out.toString();
    }
}
