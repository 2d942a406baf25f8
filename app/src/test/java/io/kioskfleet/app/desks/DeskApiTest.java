package io.kioskfleet.app.desks;

import static org.assertj.core.api.Assertions.assertThat;

import io.kioskfleet.app.ApiClient;
import io.kioskfleet.app.ApiClient.Answer;
import io.kioskfleet.app.RunningServiceTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Sites, desks, bookings and calendar files over real HTTP, as an admin and staff use them. */
class DeskApiTest extends RunningServiceTest {

    private static final String STAFF_PASSWORD = "desk-staff-password";
    private static final LocalDate TOMORROW = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(1);

    @LocalServerPort
    int serverPort;
    private String siteId;
    private String floorId;

    @BeforeEach
    void site() {
        Answer site = admin.post("/api/v1/sites", "{\"ouId\":\"" + newBranch(30) + "\",\"name\":\"" + unique("庁舎") + "\"}");
        assertThat(site.status()).as(site.body()).isEqualTo(201);
        siteId = site.text("id");
        Answer floor = admin.post("/api/v1/sites/" + siteId + "/floors", "{\"name\":\"3F\"}");
        assertThat(floor.status()).as(floor.body()).isEqualTo(201);
        floorId = floor.json().path("floors").get(0).path("id").asString();
    }

    private String desk(String attributes) {
        Answer desk = admin.post("/api/v1/desks", "{\"siteId\":\"" + siteId + "\",\"floorId\":\"" + floorId + "\",\"name\":\""
            + unique("3F-A") + "\",\"attributes\":" + attributes + "}");
        assertThat(desk.status()).as(desk.body()).isEqualTo(201);
        return desk.text("id");
    }

    private ApiClient staffClient() {
        String name = unique("staff").toLowerCase();
        Answer created = admin.post("/api/v1/users", "{\"username\":\"" + name + "\",\"password\":\"" + STAFF_PASSWORD
            + "\",\"roles\":[\"STAFF\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return ApiClient.signedIn(serverPort, name, STAFF_PASSWORD);
    }

    private static String booking(String deskId, LocalDate date, String kind, String extra) {
        return "{\"deskId\":\"" + deskId + "\",\"date\":\"" + date + "\",\"kind\":\"" + kind + "\"" + extra + "}";
    }

    @Test
    void twoHundredConcurrentRequestsForOneDeskAndSlotGetExactlyOneBooking() throws Exception {
        String desk = desk("[]");
        // A token, not a password: 200 password checks at once would measure the password hash, not the booking.
        Answer token = admin.post("/api/v1/api-tokens", "{\"name\":\"" + unique("rush") + "\",\"expiresAt\":\""
            + java.time.Instant.now().plusSeconds(3600) + "\"}");
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        ApiClient script = ApiClient.withToken(serverPort, token.text("secret"));
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String body = booking(desk, TOMORROW, "WHOLE_DAY", ",\"user\":\"" + unique("rush").toLowerCase() + "\"");
            requests.add(() -> script.post("/api/v1/bookings", body).status());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : pool.invokeAll(requests)) {
            statuses.add(status.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(199);
        JsonNode plan = admin.get("/api/v1/desks/availability?floor=" + floorId + "&date=" + TOMORROW + "&kind=MORNING").json();
        assertThat(plan.get(0).path("free").asBoolean()).isFalse();
    }

    @Test
    void staffFindAFreeDeskBookItSeeItInTheirCalendarAndCancelIt() {
        String window = desk("[\"WINDOW\",\"EXTERNAL_MONITOR\"]");
        ApiClient hanako = staffClient();

        JsonNode plan = hanako.get("/api/v1/desks/availability?floor=" + floorId + "&date=" + TOMORROW + "&kind=AFTERNOON").json();
        assertThat(plan.get(0).path("desk").path("attributes").toString()).contains("WINDOW");
        assertThat(plan.get(0).path("free").asBoolean()).isTrue();

        Answer booked = hanako.post("/api/v1/bookings", booking(window, TOMORROW, "AFTERNOON", ""));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String id = booked.text("id");
        assertThat(booked.text("state")).isEqualTo("CONFIRMED");
        assertThat(hanako.get("/api/v1/bookings/mine").json().get(0).path("id").asString()).isEqualTo(id);

        Answer calendar = hanako.getAnything("/api/v1/bookings/" + id + ".ics");
        assertThat(calendar.status()).isEqualTo(200);
        assertThat(calendar.contentType()).startsWith("text/calendar");
        assertThat(calendar.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("UID:" + id + "@kioskfleet")
            .contains("DTSTART:" + TOMORROW.toString().replace("-", "") + "T040000Z").contains("END:VCALENDAR\r\n");
        assertThat(hanako.getAnything("/api/v1/bookings/mine.ics").body()).contains("BEGIN:VEVENT");

        Answer someoneElse = staffClient().post("/api/v1/bookings/" + id + "/cancel", "");
        assertThat(someoneElse.status()).isEqualTo(404);
        Answer cancelled = hanako.post("/api/v1/bookings/" + id + "/cancel", "");
        assertThat(cancelled.text("state")).isEqualTo("CANCELLED");
        assertThat(hanako.get("/api/v1/bookings/mine").json().size()).isZero();
    }

    @Test
    void badBookingsAreRefusedWithTheirFieldsAndReasonsInTheCallersLanguage() {
        String desk = desk("[]");
        ApiClient hanako = staffClient();

        Answer past = hanako.post("/api/v1/bookings", booking(desk, TOMORROW.minusDays(3), "MORNING", ""));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.contentType()).startsWith("application/problem+json");
        assertThat(past.json().path("errors").get(0).path("path").asString()).isEqualTo("date");
        assertThat(past.json().path("rules").get(0).path("reason").asString()).isEqualTo("slot-in-past");

        Answer far = hanako.postLocalized("/api/v1/bookings", booking(desk, TOMORROW.plusDays(60), "MORNING", ""), "ja");
        assertThat(far.json().path("rules").get(0).path("reason").asString()).isEqualTo("beyond-horizon");
        assertThat(far.json().path("rules").get(0).path("message").asString()).contains("日先");

        Answer forOther = hanako.post("/api/v1/bookings", booking(desk, TOMORROW, "MORNING", ",\"user\":\"taro\""));
        assertThat(forOther.status()).isEqualTo(403);
        Answer hourly = hanako.post("/api/v1/bookings", booking(desk, TOMORROW, "HOURLY", ",\"fromHour\":19,\"toHour\":22"));
        assertThat(hourly.status()).isEqualTo(400);
        assertThat(hanako.get("/api/v1/bookings/mine").json().size()).isZero();
        Answer wrongKind = hanako.post("/api/v1/bookings", booking(desk, TOMORROW, "EVENING", ""));
        assertThat(wrongKind.status()).isEqualTo(400);
    }

    @Test
    void aDeskHasAPrintableQrCodeInPngAndSvg() {
        String desk = desk("[]");
        Answer png = admin.getAnything("/api/v1/desks/" + desk + "/qr.png");
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.contentType()).isEqualTo("image/png");
        Answer svg = admin.getAnything("/api/v1/desks/" + desk + "/qr.svg");
        assertThat(svg.contentType()).startsWith("image/svg+xml");
        assertThat(svg.body()).startsWith("<svg").contains("<path");
    }

    @Test
    void occupancyIsReportedPerFloorAndWeekdayAndAsCsv() {
        String desk = desk("[]");
        assertThat(admin.post("/api/v1/bookings", booking(desk, TOMORROW, "WHOLE_DAY", ",\"user\":\"occ-user\"")).status()).isEqualTo(201);

        JsonNode rows = admin.get("/api/v1/occupancy?site=" + siteId + "&from=" + TOMORROW + "&to=" + TOMORROW).json();
        assertThat(rows.get(0).path("row").path("bookedHours").asLong()).isEqualTo(12);
        assertThat(rows.get(0).path("utilisationPercent").asInt()).isEqualTo(100);
        Answer csv = admin.getAnything("/api/v1/occupancy.csv?site=" + siteId + "&from=" + TOMORROW + "&to=" + TOMORROW);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("floor,weekday,").contains("\"3F\"," + TOMORROW.getDayOfWeek() + ",1,1,12,12,100,0,0");
        assertThat(staffClient().get("/api/v1/occupancy?site=" + siteId + "&from=" + TOMORROW + "&to=" + TOMORROW).status())
            .isEqualTo(403);
    }

    @Test
    void adminsRenameAndRemoveFloorsAndDesksButNothingThatIsStillNeeded() {
        String booked = desk("[]");
        String spare = desk("[]");
        Answer booking = admin.post("/api/v1/bookings", booking(booked, TOMORROW, "MORNING", ",\"user\":\"hanako\""));
        assertThat(booking.status()).as(booking.body()).isEqualTo(201);

        Answer refused = admin.delete("/api/v1/desks/" + booked);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("urn:kioskfleet:problem:desk-has-bookings");
        assertThat(refused.text("detail")).contains("1 bookings from " + TOMORROW);
        assertThat(admin.delete("/api/v1/desks/" + spare).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/desks/" + spare).status()).isEqualTo(404);

        Answer renamed = admin.put("/api/v1/sites/" + siteId + "/floors/" + floorId, "{\"name\":\"3階\"}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().path("floors").get(0).path("name").asString()).isEqualTo("3階");
        Answer floorInUse = admin.delete("/api/v1/sites/" + siteId + "/floors/" + floorId);
        assertThat(floorInUse.status()).isEqualTo(409);
        assertThat(floorInUse.text("type")).isEqualTo("urn:kioskfleet:problem:floor-has-desks");
        assertThat(admin.delete("/api/v1/sites/" + siteId).status()).isEqualTo(409);
    }

    @Test
    void theConsolePagesForSitesLabelsLendingAndOccupancyOpen() {
        String desk = desk("[\"QUIET\"]");
        admin.post("/api/v1/bookings", booking(desk, TOMORROW, "MORNING", ",\"user\":\"" + unique("pages").toLowerCase() + "\""));
        assertThat(page("/sites")).contains("id=\"site-form\"");
        assertThat(page("/sites/" + siteId)).contains("id=\"desk-form\"").contains("/api/v1/desks/" + desk + "/qr.png");
        assertThat(page("/sites/" + siteId + "/labels")).contains("/api/v1/desks/" + desk + "/qr.svg");
        assertThat(page("/loans")).contains("id=\"pool-form\"");
        assertThat(page("/occupancy?site=" + siteId + "&from=" + TOMORROW + "&to=" + TOMORROW))
            .contains("id=\"occupancy-csv\"").contains("<svg class=\"bar\"");
        assertThat(page("/desks/" + desk + "/check-in")).contains("id=\"check-in-here\"");
        assertThat(page("/desks/mine")).contains("id=\"my-loans\"");
    }

    private String page(String path) {
        Answer answer = admin.getAnything(path);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/html");
        return answer.body();
    }
}
