package nl.ouderportaal.benchmarks;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import nl.ouderportaal.demo.DemoSchool;
import nl.ouderportaal.demo.DemoSchoolGenerator;
import nl.ouderportaal.demo.DemoSize;
import nl.ouderportaal.demo.DemoWeb;

/**
 * B6: the JSON API over loopback HTTP. 32 sessions (each its own client and connection pool) ask for
 * {@code GET /api/dashboard} in a closed loop; the floor is a trivial endpoint of the same server
 * ({@code GET /api/csrf}: the same filters, headers and JSON writing, no portal work), measured the same way
 * in the same run. A plain timed harness: warm-up, then a fixed measuring window per endpoint.
 */
final class HttpLoadHarness {

    static final int SESSIONS = 32;
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("b6.warmup", 10));
    private static final Duration WINDOW = Duration.ofSeconds(Integer.getInteger("b6.window", 20));

    record Endpoint(String path, double requestsPerSecond, double p50Millis, double p99Millis, int errors) {
    }

    record Result(Endpoint dashboard, Endpoint trivial, int sessions) {
    }

    private HttpLoadHarness() {
    }

    static Result run() throws Exception {
        try (DemoWeb web = DemoWeb.start(BenchmarkWorlds.openCopy(DemoSize.LARGE, "http"), "127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + web.port();
            List<HttpClient> clients = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                clients.add(loggedIn(base));
            }
            Endpoint trivial = load(clients, base, "/api/csrf");
            Endpoint dashboard = load(clients, base, "/api/dashboard");
            return new Result(dashboard, trivial, SESSIONS);
        }
    }

    private static HttpClient loggedIn(String base) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        client.send(HttpRequest.newBuilder(URI.create(base + "/api/csrf")).build(), HttpResponse.BodyHandlers.discarding());
        String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        HttpResponse<Void> login = client.send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + DemoSchoolGenerator.BENCHMARK_EMAIL
                        + "\",\"password\":\"" + BenchmarkWorlds.BENCHMARK_PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("The benchmark guardian cannot log in over HTTP: " + login.statusCode());
        }
        return client;
    }

    /** Every session asks in a closed loop; only answers inside the measuring window count. */
    private static Endpoint load(List<HttpClient> clients, String base, String path) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).build();
        long start = System.nanoTime();
        long measureFrom = start + WARM_UP.toNanos();
        long end = measureFrom + WINDOW.toNanos();
        List<long[]> latencies = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients.size());
        for (HttpClient client : clients) {
            long[] own = new long[200_000];
            latencies.add(own);
            int slot = latencies.size() - 1;
            Thread worker = new Thread(() -> {
                int n = 0;
                try {
                    while (true) {
                        long sent = System.nanoTime();
                        if (sent >= end) {
                            break;
                        }
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long answered = System.nanoTime();
                        if (sent >= measureFrom && answered <= end && n < own.length - 1) {
                            own[++n] = answered - sent;
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    errors.incrementAndGet();
                } finally {
                    own[0] = n;
                    done.countDown();
                }
            }, "b6-" + path + "-" + slot);
            worker.start();
        }
        done.await();
        long count = latencies.stream().mapToLong(l -> l[0]).sum();
        long[] all = new long[(int) count];
        int at = 0;
        for (long[] own : latencies) {
            System.arraycopy(own, 1, all, at, (int) own[0]);
            at += (int) own[0];
        }
        Arrays.sort(all);
        double seconds = WINDOW.toNanos() / 1e9;
        return new Endpoint(path, count / seconds, percentile(all, 0.50), percentile(all, 0.99), errors.get());
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }
}
