package io.kioskfleet.bench;

import io.kioskfleet.core.access.Actor;
import io.kioskfleet.core.audit.AuditChain;
import io.kioskfleet.core.devices.DeviceQuery;
import io.kioskfleet.core.devices.DeviceRegistry;
import io.kioskfleet.core.devices.DeviceRepository;
import io.kioskfleet.core.ous.OrganisationUnit;
import io.kioskfleet.core.ous.OrganisationUnits;
import io.kioskfleet.core.ous.OuDraft;
import io.kioskfleet.core.ous.OuRepository;
import io.kioskfleet.core.store.FleetStore;
import io.kioskfleet.core.store.IndexBootstrap;
import io.kioskfleet.core.store.PageRequest;
import io.kioskfleet.core.store.StoreClock;
import io.kioskfleet.core.store.StoreSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * How large a fleet the embedded store serves: fills the file store with devices through the
 * real CSV import (with its audit events) in steps, and after each step times the reads the
 * console makes (device by id, first page of the list, a text search, a branch filter).
 *
 * <p>Run: {@code bench/run EmbeddedStoreCapacity [steps, e.g. 1000,5000,20000]}.
 */
public final class EmbeddedStoreCapacity {

    private static final int BRANCHES = 20;
    private static final int REPEATS = 15;

    public static void main(String[] args) throws Exception {
        int[] steps = Arrays.stream((args.length > 0 ? args[0] : "1000,5000,20000").split(","))
            .mapToInt(Integer::parseInt).toArray();
        Path dir = Files.createTempDirectory("kioskfleet-bench-");
        try (FleetStore store = FleetStore.open(new StoreSettings("", dir, "kioskfleet", Duration.ofSeconds(10)))) {
            Clock clock = StoreClock.system();
            AuditChain audit = new AuditChain(store, clock);
            OuRepository ouRepository = new OuRepository(store);
            DeviceRepository deviceRepository = new DeviceRepository(store);
            OrganisationUnits units = new OrganisationUnits(ouRepository, deviceRepository, audit, clock);
            DeviceRegistry devices = new DeviceRegistry(deviceRepository, units, audit, clock);
            new IndexBootstrap(store).createAll(List.of(audit, ouRepository, deviceRepository));

            OrganisationUnit hq = units.create(Actor.SYSTEM, new OuDraft("HQ", null, null, 0));
            List<String> branches = new ArrayList<>();
            for (int b = 0; b < BRANCHES; b++) {
                branches.add(units.create(Actor.SYSTEM, new OuDraft("Branch " + b, hq.id(), "Address " + b, 30 + b)).id());
            }
            System.out.printf("java %s, %d cores, store file in %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), dir);
            System.out.printf("%8s %12s %10s %10s %12s %12s %12s%n",
                "devices", "import/s", "get ms", "page ms", "search ms", "branch ms", "verify s");
            int registered = 0;
            String someId = null;
            for (int target : steps) {
                long start = System.nanoTime();
                while (registered < target) {
                    int batch = Math.min(5000, target - registered);
                    StringBuilder csv = new StringBuilder("serial,ou,model,tags\n");
                    for (int i = 0; i < batch; i++) {
                        int n = registered + i;
                        csv.append(String.format("BENCH-%07d,%s,Chromebook,shared%n", n, branches.get(n % BRANCHES)));
                    }
                    var result = devices.importCsv(Actor.SYSTEM,
                        new java.io.ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), false);
                    someId = result.rows().get(0).deviceId();
                    registered += batch;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                String id = someId;
                double get = medianMillis(() -> devices.get(Actor.SYSTEM, id));
                double page = medianMillis(() -> devices.search(Actor.SYSTEM, DeviceQuery.everything(), new PageRequest(0, 50)));
                double search = medianMillis(() -> devices.search(Actor.SYSTEM,
                    new DeviceQuery(null, true, null, "BENCH-00012"), new PageRequest(0, 50)));
                double branch = medianMillis(() -> devices.search(Actor.SYSTEM,
                    new DeviceQuery(branches.get(3), false, null, null), new PageRequest(0, 50)));
                long verifyStart = System.nanoTime();
                audit.verify(Actor.SYSTEM);
                double verify = (System.nanoTime() - verifyStart) / 1e9;
                System.out.printf("%8d %12.0f %10.2f %10.1f %12.1f %12.1f %12.1f%n", target,
                    stepSize(steps, target) / seconds, get, page, search, branch, verify);
            }
        }
    }

    private static int stepSize(int[] steps, int target) {
        int previous = 0;
        for (int step : steps) {
            if (step == target) {
                return target - previous;
            }
            previous = step;
        }
        return target;
    }

    private static double medianMillis(Supplier<?> read) {
        double[] times = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long start = System.nanoTime();
            read.get();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[REPEATS / 2];
    }
}
