package io.kioskfleet.bench;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.access.Role;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.desks.BookingLimits;
import io.kioskfleet.core.desks.BookingRepository;
import io.kioskfleet.core.desks.BookingRequest;
import io.kioskfleet.core.desks.Desk;
import io.kioskfleet.core.desks.DeskBookings;
import io.kioskfleet.core.desks.DeskCatalogue;
import io.kioskfleet.core.desks.DeskClaims;
import io.kioskfleet.core.desks.DeskRepository;
import io.kioskfleet.core.desks.Floor;
import io.kioskfleet.core.desks.Site;
import io.kioskfleet.core.desks.SiteDraft;
import io.kioskfleet.core.desks.SiteRepository;
import io.kioskfleet.core.desks.SlotKind;
import io.kioskfleet.core.devices.DeviceRepository;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.ous.OuRepository;
import io.kioskfleet.core.store.ConflictException;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.IdKind;
import io.kioskfleet.core.store.IndexBootstrap;
import io.kioskfleet.core.store.StoreClock;
import io.kioskfleet.core.store.StoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;

/**
 * Free-address desks at scale on the embedded H2 file store: 5,000 desks (20 floors of 250),
 * a year of bookings (every workday, about half the desks booked for a morning, an afternoon or
 * the whole day, with their claims), then the floor availability query for a date (cold: the
 * date's claims read once; warm: from memory) and booking throughput through the real
 * {@link DeskBookings} (whole-day bookings on one thread and four, hourly ones on four).
 *
 * <p>The year is written straight into the store in the documented stored form (bookings by
 * month with their revision, half-day block claims by date, each person's weeks), because booking it through the service would take
 * hours here; the throughput part then books through the service on top of it. A date's query
 * reads only that date's claims, so the number of days seeded changes the store's size, not
 * the query's cost.
 *
 * <p>Run: {@code bench/run DeskAvailabilityBenchmark [workdays, default 245] [occupancy, default 0.5]}.
 */
public final class DeskAvailabilityBenchmark {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final int FLOORS = 20;
    private static final int DESKS_PER_FLOOR = 250;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy_MM_dd");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy_MM");
    /**
     * Seeding stops after this long (4 minutes, or {@code -Dbench.seed-minutes=N}), so one run stays
     * within the machine's benchmark slot; the output says how far it got.
     */
    private static final Duration SEED_BUDGET = Duration.ofMinutes(Long.getLong("bench.seed-minutes", 4));
    private static final SlotKind[] NAMED = {SlotKind.MORNING, SlotKind.AFTERNOON, SlotKind.WHOLE_DAY};
    private static final int MORNING_HOURS = 0b11111 << 8;
    private static final int AFTERNOON_HOURS = 0b1111111 << 13;

    public static void main(String[] args) throws Exception {
        int workdays = args.length > 0 ? Integer.parseInt(args[0]) : 245;
        double occupancy = args.length > 1 ? Double.parseDouble(args[1]) : 0.5;
        Path dir = Files.createTempDirectory("kioskfleet-bench-desks-");
        try (FleetStore store = FleetStore.open(new StoreSettings("", dir, "kioskfleet", Duration.ofSeconds(10)))) {
            Clock clock = StoreClock.system();
            ZoneId zone = TOKYO;
            AuditChain audit = new AuditChain(store, clock);
            OuRepository ouRepository = new OuRepository(store);
            DeviceRepository deviceRepository = new DeviceRepository(store);
            OrganisationUnits units = new OrganisationUnits(ouRepository, deviceRepository, audit, clock);
            SiteRepository siteRepository = new SiteRepository(store);
            DeskRepository deskRepository = new DeskRepository(store, clock);
            new IndexBootstrap(store).createAll(List.of(audit, ouRepository, deviceRepository, siteRepository, deskRepository));
            DeskCatalogue catalogue = new DeskCatalogue(siteRepository, deskRepository, units, audit, clock);
            BookingRepository bookingRepository = new BookingRepository(store);
            DeskClaims claims = new DeskClaims(store, clock);
            DeskBookings bookings = new DeskBookings(catalogue, bookingRepository, claims, units, clock, zone);
            System.out.printf("java %s, %d cores, store file in %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), dir);

            String hq = units.create(Actor.SYSTEM, new OuDraft("本庁舎", null, null, 0)).id();
            Site site = catalogue.createSite(Actor.SYSTEM, new SiteDraft(hq, "本庁舎",
                new BookingLimits(366, 50, EnumSet.allOf(SlotKind.class), 30)));
            long start = System.nanoTime();
            for (int f = 0; f < FLOORS; f++) {
                site = catalogue.addFloor(Actor.SYSTEM, site.id(), (f + 1) + "F");
            }
            List<Floor> floors = site.floors();
            List<String> deskIds = new ArrayList<>();
            List<Desk> seededDesks = new ArrayList<>();
            for (Floor floor : floors) {
                for (int d = 0; d < DESKS_PER_FLOOR; d++) {
                    // Straight into "desks" in the stored form (as DeskCatalogue.createDesk writes it, without its audit
                    // entry): through the service 5,000 desks took 100 s of the run. The desk directory reads them on first use.
                    Desk desk = new Desk(IdKind.DESK.newId(), site.id(), site.ouId(), floor.id(), null, floor.name() + "-" + d,
                        Set.of(), true, 1);
                    seededDesks.add(desk);
                    deskIds.add(desk.id());
                }
            }
            store.collection("desks", Desk.class).insertMany(seededDesks);
            System.out.printf("desks: %d written in %.1f s%n", deskIds.size(), (System.nanoTime() - start) / 1e9);

            LocalDate today = LocalDate.now(zone);
            start = System.nanoTime();
            List<LocalDate> days = seedYear(store, site, catalogue, deskIds, today.plusDays(1), workdays, occupancy);
            System.out.printf("year: %d of %d workdays seeded (occupancy %.0f %%; seeding stops after %d min) in %.1f s%n",
                days.size(), workdays, occupancy * 100, SEED_BUDGET.toMinutes(), (System.nanoTime() - start) / 1e9);

            Actor staff = new Actor("bench-staff", Set.of(Role.STAFF), Set.of(), "local");
            LocalDate probe = days.get(days.size() / 2);
            long cold = System.nanoTime();
            bookings.floorPlan(staff, floors.get(0).id(), probe, SlotKind.MORNING, null, null);
            System.out.printf("floor availability, cold (reads the date's claims once): %.1f ms%n", (System.nanoTime() - cold) / 1e6);
            double[] warm = new double[400];
            for (int i = 0; i < warm.length; i++) {
                Floor floor = floors.get(i % FLOORS);
                long t = System.nanoTime();
                int free = (int) bookings.floorPlan(staff, floor.id(), probe, SlotKind.AFTERNOON, null, null).stream()
                    .filter(a -> a.free()).count();
                warm[i] = (System.nanoTime() - t) / 1e6;
                if (free > DESKS_PER_FLOOR) {
                    throw new IllegalStateException("more free desks than desks");
                }
            }
            Arrays.sort(warm);
            System.out.printf("floor availability (%d desks), warm: median %.2f ms, p99 %.2f ms, max %.2f ms (target < 50 ms)%n",
                DESKS_PER_FLOOR, warm[warm.length / 2], warm[(int) (warm.length * 0.99)], warm[warm.length - 1]);

            LocalDate bookingDay = days.get(days.size() - 1).plusDays(1);
            throughput(bookings, deskIds, bookingDay, SlotKind.WHOLE_DAY, 1, 500);
            throughput(bookings, deskIds, bookingDay.plusDays(1), SlotKind.WHOLE_DAY, 4, 1000);
            throughput(bookings, deskIds, bookingDay.plusDays(2), SlotKind.HOURLY, 4, 1000);
            contention(bookings, deskIds.get(0), bookingDay.plusDays(3));
        }
    }

    /**
     * Writes the bookings of {@code workdays} workdays from {@code first} in their stored form:
     * each booking in its month, its half-day block claims (desk and person) in its date, and
     * its place in the person's week.
     */
    private static List<LocalDate> seedYear(FleetStore store, Site site, DeskCatalogue catalogue, List<String> deskIds,
                                            LocalDate first, int workdays, double occupancy) {
        Random random = new Random(42);
        List<Desk> desks = catalogue.desks(Actor.SYSTEM, site.id(), null);
        List<LocalDate> days = new ArrayList<>();
        Instant now = Instant.now();
        Map<String, List<String>> weeks = new HashMap<>();
        int user = 0;
        long deadline = System.nanoTime() + SEED_BUDGET.toNanos();
        for (LocalDate date = first; days.size() < workdays && System.nanoTime() < deadline; date = date.plusDays(1)) {
            if (date.getDayOfWeek() == DayOfWeek.MONDAY && !weeks.isEmpty()) {
                writeWeeks(store, date.minusDays(1), weeks);
            }
            if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            days.add(date);
            List<Document> claims = new ArrayList<>();
            List<Document> booked = new ArrayList<>();
            for (Desk desk : desks) {
                if (random.nextDouble() >= occupancy) {
                    continue;
                }
                SlotKind kind = NAMED[random.nextInt(NAMED.length)];
                int from = kind == SlotKind.AFTERNOON ? 13 : 8;
                int to = kind == SlotKind.MORNING ? 13 : 20;
                String person = "staff" + (user++ % 20_000);
                String id = "bkg_" + date.format(DateTimeFormatter.BASIC_ISO_DATE) + "-seed" + Integer.toString(user, 36);
                booked.add(new Document("_id", id).append("deskId", desk.id()).append("siteId", desk.siteId())
                    .append("floorId", desk.floorId()).append("ouId", desk.ouId()).append("user", person)
                    .append("date", date).append("kind", kind.name()).append("fromHour", from)
                    .append("toHour", to).append("state", "CONFIRMED").append("createdAt", now).append("createdBy", person)
                    .append("version", 2L).append("revision", id + "#2"));
                for (String holder : List.of(desk.id(), "~" + person)) {
                    if (from < 13) {
                        claims.add(blockClaim(holder, "AM", MORNING_HOURS, id, person, now));
                    }
                    if (to > 13) {
                        claims.add(blockClaim(holder, "PM", AFTERNOON_HOURS, id, person, now));
                    }
                }
                weeks.computeIfAbsent(person + "@" + weekOf(date), week -> new ArrayList<>()).add(id);
            }
            var dayClaims = store.collection("desk_claims_" + date.format(DAY), Document.class);
            // As the service does on a date's first booking: the unique slot index exists before the claims.
            dayClaims.createIndex(new Document("slot", 1), new com.mongodb.client.model.IndexOptions().unique(true).name("unique_slot"));
            dayClaims.insertMany(claims);
            store.collection("bookings_" + date.format(MONTH), Document.class).insertMany(booked);
        }
        if (!weeks.isEmpty()) {
            writeWeeks(store, days.get(days.size() - 1), weeks);
        }
        return days;
    }

    /** A half-day block claim as the service stores it: {@code holder@AM/bookingId}. */
    private static Document blockClaim(String holder, String half, int hours, String bookingId, String person, Instant at) {
        String slot = holder + "@" + half;
        return new Document("_id", slot + "/" + bookingId).append("slot", slot)
            .append("deskId", holder.startsWith("~") ? null : holder).append("hours", hours).append("bookingId", bookingId)
            .append("user", person).append("claimedAt", at);
    }

    private static void writeWeeks(FleetStore store, LocalDate dayOfWeek, Map<String, List<String>> weeks) {
        List<Document> documents = new ArrayList<>();
        weeks.forEach((id, bookingIds) -> documents.add(new Document("_id", id).append("bookings", bookingIds)));
        store.collection("desk_weeks_" + dayOfWeek.get(IsoFields.WEEK_BASED_YEAR), Document.class).insertMany(documents);
        weeks.clear();
    }

    private static String weekOf(LocalDate date) {
        int week = date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return date.get(IsoFields.WEEK_BASED_YEAR) + "-W" + (week < 10 ? "0" + week : Integer.toString(week));
    }

    /** Books {@code count} desks of {@code date} for as many people (an hourly booking: 10:00–12:00). */
    private static void throughput(DeskBookings bookings, List<String> deskIds, LocalDate date, SlotKind kind, int threads,
                                   int count)
        throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    Actor staff = new Actor("booker" + i, Set.of(Role.STAFF), Set.of(), "local");
                    bookings.book(staff, new BookingRequest(deskIds.get(i), date, kind, 10, 12, null));
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("booking throughput, %d thread(s): %d %s bookings in %.1f s = %.0f bookings/s%n",
            threads, count, kind, seconds, count / seconds);
    }

    private static void contention(DeskBookings bookings, String deskId, LocalDate date) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            Actor staff = new Actor("rush" + i, Set.of(Role.STAFF), Set.of(), "local");
            outcomes.add(pool.submit(() -> {
                try {
                    bookings.book(staff, new BookingRequest(deskId, date, SlotKind.WHOLE_DAY, null, null, null));
                    return true;
                } catch (ConflictException taken) {
                    return false;
                }
            }));
        }
        int won = 0;
        for (Future<Boolean> outcome : outcomes) {
            won += outcome.get() ? 1 : 0;
        }
        pool.shutdown();
        System.out.printf("contention: 200 bookers, one desk and slot, 8 threads: %d booked, %d refused, in %.1f s%n",
            won, 200 - won, (System.nanoTime() - start) / 1e9);
    }
}
