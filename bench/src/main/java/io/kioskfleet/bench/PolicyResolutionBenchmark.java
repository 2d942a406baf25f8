package io.kioskfleet.bench;

import io.kioskfleet.policies.compile.FleetPolicies;
import io.kioskfleet.policies.document.PolicyDocument;
import io.kioskfleet.policies.document.PolicyMetadata;
import io.kioskfleet.policies.inheritance.DeviceException;
import io.kioskfleet.policies.inheritance.OuChain;
import io.kioskfleet.policies.inheritance.OuLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves and compiles the effective policy of every device of a fleet: 1,000 OUs of depth 4
 * with 100 devices each (100,000 devices), one device in a hundred with its own exception.
 * The target is under 2 s on a 2-core machine.
 *
 * <p>Run: {@code bench/run PolicyResolutionBenchmark [rounds]}; each round starts from an
 * empty memo, as after a policy change.
 */
public final class PolicyResolutionBenchmark {

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Instant now = Instant.parse("2026-11-23T00:00:00Z");
        List<OuChain> leaves = fleetOfDepthFour();
        DeviceException exception = new DeviceException("dev_x", Map.of("data.printingAllowed", false), now.plusSeconds(3600));
        System.out.printf("java %s, %d cores; %d leaf OUs x 100 devices%n", Runtime.version(),
            Runtime.getRuntime().availableProcessors(), leaves.size());
        double[] seconds = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            FleetPolicies fleet = new FleetPolicies();
            int devices = 0;
            for (OuChain leaf : leaves) {
                for (int d = 0; d < 100; d++, devices++) {
                    fleet.payload(leaf, d == 0 ? Optional.of(exception) : Optional.empty(), now);
                }
            }
            seconds[round] = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: %d devices resolved and compiled in %.3f s%n", round + 1, devices, seconds[round]);
        }
        Arrays.sort(seconds);
        System.out.printf("median %.3f s, best %.3f s (target: under 2 s)%n", seconds[rounds / 2], seconds[0]);
    }

    private static List<OuChain> fleetOfDepthFour() {
        List<OuChain> leaves = new ArrayList<>();
        PolicyDocument root = policy("root", Map.of(), "wipe.onLogout");
        for (int city = 0; city < 10; city++) {
            PolicyDocument cityPolicy = policy("city" + city, Map.of("session.maxLengthMinutes", 60 + city));
            for (int branch = 0; branch < 10; branch++) {
                for (int floor = 0; floor < 10; floor++) {
                    leaves.add(OuChain.of(
                        OuLevel.attached("root", root),
                        OuLevel.attached("c" + city, cityPolicy),
                        OuLevel.bare("c" + city + "b" + branch),
                        OuLevel.attached("c" + city + "b" + branch + "f" + floor,
                            policy("floor", Map.of("session.idleLogoutMinutes", 10 + floor)))));
                }
            }
        }
        return leaves;
    }

    private static PolicyDocument policy(String name, Map<String, Object> settings, String... locks) {
        return new PolicyDocument(new PolicyMetadata(name, ""), settings, List.of(locks));
    }
}
