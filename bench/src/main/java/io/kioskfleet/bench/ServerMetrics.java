package io.kioskfleet.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server's own Prometheus page says about the requests it served, per endpoint (method
 * and URI template): how many, how many refused (4xx) and failed (5xx), and p50/p99 from the
 * whole run's latency histogram ({@code percentiles-histogram} switched on for
 * {@code http.server.requests}), so the figures cover every request, not a recent window.
 */
final class ServerMetrics {

    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)}\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One endpoint's figures. */
    record Endpoint(String name, long requests, long refused, long failed, double p50Millis, double p99Millis) {
    }

    private final Map<String, Long> requests = new TreeMap<>();
    private final Map<String, Long> refused = new TreeMap<>();
    private final Map<String, Long> failed = new TreeMap<>();
    /** Per endpoint, per bucket bound in seconds, the requests at or under it (summed over statuses). */
    private final Map<String, TreeMap<Double, Double>> buckets = new TreeMap<>();
    private double heapUsedBytes;

    private ServerMetrics() {
    }

    /** Reads a Prometheus text page. */
    static ServerMetrics parse(String page) {
        ServerMetrics metrics = new ServerMetrics();
        page.lines().forEach(metrics::read);
        return metrics;
    }

    private void read(String line) {
        Matcher sample = SAMPLE.matcher(line);
        if (!sample.matches()) {
            return;
        }
        String name = sample.group(1);
        Map<String, String> labels = new TreeMap<>();
        Matcher label = LABEL.matcher(sample.group(2));
        while (label.find()) {
            labels.put(label.group(1), label.group(2));
        }
        double value = Double.parseDouble(sample.group(3));
        if (name.equals("jvm_memory_used_bytes") && "heap".equals(labels.get("area"))) {
            heapUsedBytes += value;
            return;
        }
        if (!name.startsWith("http_server_requests_seconds")) {
            return;
        }
        String endpoint = labels.get("method") + " " + labels.get("uri");
        String status = labels.getOrDefault("status", "");
        if (name.equals("http_server_requests_seconds_count")) {
            requests.merge(endpoint, (long) value, Long::sum);
            if (status.startsWith("4")) {
                refused.merge(endpoint, (long) value, Long::sum);
            } else if (status.startsWith("5")) {
                failed.merge(endpoint, (long) value, Long::sum);
            }
        } else if (name.equals("http_server_requests_seconds_bucket")) {
            String bound = labels.get("le");
            double seconds = "+Inf".equals(bound) ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
            buckets.computeIfAbsent(endpoint, key -> new TreeMap<>()).merge(seconds, value, Double::sum);
        }
    }

    /** The heap in use right now (not only live objects), in bytes. */
    double heapUsedBytes() {
        return heapUsedBytes;
    }

    /** Every endpoint that served a request, busiest first. */
    List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        requests.forEach((endpoint, count) -> all.add(new Endpoint(endpoint, count, refused.getOrDefault(endpoint, 0L),
            failed.getOrDefault(endpoint, 0L), percentileMillis(endpoint, 0.50), percentileMillis(endpoint, 0.99))));
        all.sort((a, b) -> Long.compare(b.requests(), a.requests()));
        return all;
    }

    /** The upper bound of the bucket holding the {@code fraction} quantile: "at most this long". */
    private double percentileMillis(String endpoint, double fraction) {
        TreeMap<Double, Double> histogram = buckets.get(endpoint);
        if (histogram == null || histogram.isEmpty()) {
            return Double.NaN;
        }
        double total = histogram.lastEntry().getValue();
        for (Map.Entry<Double, Double> bucket : histogram.entrySet()) {
            if (bucket.getValue() >= fraction * total) {
                return bucket.getKey() * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
