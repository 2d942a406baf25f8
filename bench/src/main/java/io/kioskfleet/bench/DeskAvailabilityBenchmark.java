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
import io.kioskfleet.core.desks.DeskDraft;
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
import java.util.ArrayList;
import java.util.Arrays;
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
 * a year of bookings (every workday, about half the desks booked for a morning or an
 * afternoon, with their claims), then the floor availability query for a date (cold: the
 * date's claims read once; warm: from memory) and booking throughput through the real
 * {@link DeskBookings} (one thread and four).
 *
 * <p>The year is written straight into the store in the documented stored form (bookings by
 * month with their revision, claims by date), because booking it through the service would take
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
            for (Floor floor : floors) {
                for (int d = 0; d < DESKS_PER_FLOOR; d++) {
                    deskIds.add(catalogue.createDesk(Actor.SYSTEM, new DeskDraft(site.id(), floor.id(), null,
                        floor.name() + "-" + d, Set.of(), null)).id());
                }
            }
            System.out.printf("desks: %d created through the service (with audit) in %.1f s%n", deskIds.size(),
                (System.nanoTime() - start) / 1e9);

            LocalDate today = LocalDate.now(zone);
            start = System.nanoTime();
            List<LocalDate> days = seedYear(store, site, catalogue, deskIds, today.plusDays(1), workdays, occupancy);
            System.out.printf("year: %d workdays seeded (occupancy %.0f %%) in %.1f s%n", days.size(), occupancy * 100,
                (System.nanoTime() - start) / 1e9);

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
            throughput(bookings, deskIds, bookingDay, 1, 500);
            throughput(bookings, deskIds, bookingDay.plusDays(1), 4, 1000);
            contention(bookings, deskIds.get(0), bookingDay.plusDays(2));
        }
    }

    /** Writes the bookings and claims of {@code workdays} workdays from {@code first}, in their stored form. */
    private static List<LocalDate> seedYear(FleetStore store, Site site, DeskCatalogue catalogue, List<String> deskIds,
                                            LocalDate first, int workdays, double occupancy) {
        Random random = new Random(42);
        List<Desk> desks = catalogue.desks(Actor.SYSTEM, site.id(), null);
        List<LocalDate> days = new ArrayList<>();
        Instant now = Instant.now();
        int user = 0;
        for (LocalDate date = first; days.size() < workdays; date = date.plusDays(1)) {
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
                boolean morning = random.nextBoolean();
                int from = morning ? 8 : 13;
                int to = morning ? 13 : 20;
                String person = "staff" + (user++ % 20_000);
                String id = "bkg_" + date.format(DateTimeFormatter.BASIC_ISO_DATE) + "-seed" + Integer.toString(user, 36);
                booked.add(new Document("_id", id).append("deskId", desk.id()).append("siteId", desk.siteId())
                    .append("floorId", desk.floorId()).append("ouId", desk.ouId()).append("user", person)
                    .append("date", date).append("kind", morning ? "MORNING" : "AFTERNOON").append("fromHour", from)
                    .append("toHour", to).append("state", "CONFIRMED").append("createdAt", now).append("createdBy", person)
                    .append("version", 2L).append("revision", id + "#2"));
                for (int hour = from; hour < to; hour++) {
                    String hh = hour < 10 ? "0" + hour : Integer.toString(hour);
                    String deskSlot = desk.id() + "@" + hh;
                    String personSlot = "~" + person + "@" + hh;
                    claims.add(new Document("_id", deskSlot + "/" + id).append("slot", deskSlot).append("deskId", desk.id())
                        .append("hour", hour).append("bookingId", id).append("user", person).append("claimedAt", now));
                    claims.add(new Document("_id", personSlot + "/" + id).append("slot", personSlot).append("deskId", null)
                        .append("hour", hour).append("bookingId", id).append("user", person).append("claimedAt", now));
                }
            }
            var dayClaims = store.collection("desk_claims_" + date.format(DAY), Document.class);
            // As the service does on a date's first booking: the unique slot index exists before the claims.
            dayClaims.createIndex(new Document("slot", 1), new com.mongodb.client.model.IndexOptions().unique(true).name("unique_slot"));
            dayClaims.insertMany(claims);
            store.collection("bookings_" + date.format(MONTH), Document.class).insertMany(booked);
        }
        return days;
    }

    private static void throughput(DeskBookings bookings, List<String> deskIds, LocalDate date, int threads, int count)
        throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    Actor staff = new Actor("booker" + i, Set.of(Role.STAFF), Set.of(), "local");
                    bookings.book(staff, new BookingRequest(deskIds.get(i), date, SlotKind.WHOLE_DAY, null, null, null));
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("booking throughput, %d thread(s): %d whole-day bookings in %.1f s = %.0f bookings/s%n",
            threads, count, seconds, count / seconds);
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
