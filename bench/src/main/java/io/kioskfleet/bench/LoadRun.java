package io.kioskfleet.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Drives one kind of request from {@code threads} threads for a fixed time and keeps every
 * latency: either each thread sends its next request as soon as the last was answered (closed
 * loop, one connection each: the most the server does), or the threads together keep to a given
 * rate (paced: the latency the server gives at that load).
 *
 * @param http    a pooled client with at least {@code threads} connections
 * @param threads how many requests are in flight at once
 */
record LoadRun(CloseableHttpClient http, int threads) {

    /** What a run measured. */
    record Result(long requests, long errors, double seconds, long[] sortedMicros, String firstError) {

        double perSecond() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (sortedMicros.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sortedMicros.length - 1, Math.ceil(p / 100 * sortedMicros.length) - 1);
            return sortedMicros[Math.max(0, index)] / 1000.0;
        }
    }

    /** Something that reads an answer: true when it is what the request should get. */
    interface AnswerCheck {
        boolean accept(ClassicHttpResponse response);
    }

    /**
     * Sends requests made by {@code requests} (given a random number) for {@code seconds}.
     */
    Result run(IntFunction<ClassicHttpRequest> requests, AnswerCheck check, double seconds) throws InterruptedException {
        return run(requests, check, seconds, 0);
    }

    /**
     * Sends requests made by {@code requests} for {@code seconds} at {@code perSecond} requests a
     * second in all ({@code 0}: as fast as answered). Paced, each request has a planned start and
     * its latency counts from then, not from when it was sent: a request held up behind a slow one
     * shows its wait (no "coordinated omission"), as wrk2 measures.
     */
    Result run(IntFunction<ClassicHttpRequest> requests, AnswerCheck check, double seconds, double perSecond)
        throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        AtomicLong errors = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        String[] firstError = {null};
        long started = System.nanoTime();
        long gapNanos = perSecond <= 0 ? 0 : (long) (threads * 1e9 / perSecond);
        for (int t = 0; t < threads; t++) {
            long[][] mine = {new long[1 << 14]};
            int[] count = {0};
            long firstPlanned = started + (gapNanos == 0 ? 0 : t * gapNanos / threads);
            Thread worker = new Thread(() -> {
                long planned = firstPlanned;
                while (System.nanoTime() < end) {
                    if (gapNanos > 0) {
                        LockSupport.parkNanos(planned - System.nanoTime());
                    }
                    ClassicHttpRequest request = requests.apply(ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE));
                    long before = gapNanos > 0 ? planned : System.nanoTime();
                    planned += gapNanos;
                    boolean ok;
                    String problem = null;
                    try {
                        ok = http.execute(request, response -> {
                            boolean accepted = check.accept(response);
                            EntityUtils.consume(response.getEntity());
                            return accepted ? Boolean.TRUE : Boolean.FALSE;
                        });
                        if (!ok) {
                            problem = "unexpected answer to " + request.getRequestUri();
                        }
                    } catch (Exception e) {
                        ok = false;
                        problem = e.toString();
                    }
                    long micros = (System.nanoTime() - before) / 1000;
                    if (!ok) {
                        errors.incrementAndGet();
                        synchronized (firstError) {
                            if (firstError[0] == null) {
                                firstError[0] = problem;
                            }
                        }
                    }
                    if (count[0] == mine[0].length) {
                        mine[0] = Arrays.copyOf(mine[0], mine[0].length * 2);
                    }
                    mine[0][count[0]++] = micros;
                }
                synchronized (perThread) {
                    perThread.add(Arrays.copyOf(mine[0], count[0]));
                }
            }, "load-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double took = (System.nanoTime() - started) / 1e9;
        long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all.length, errors.get(), took, all, firstError[0]);
    }
}
