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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import nl.ouderportaal.demo.DemoSchool;
import nl.ouderportaal.demo.DemoSchoolGenerator;
import nl.ouderportaal.demo.DemoSize;
import nl.ouderportaal.demo.DemoWeb;
import nl.ouderportaal.spi.GuardianId;
import nl.ouderportaal.spi.SchoolYear;

/**
 * B6: the JSON API over loopback HTTP. 32 sessions (each its own client and connection pool) ask for
 * {@code GET /api/dashboard} in a closed loop. Two floors of the same server, measured the same way in the
 * same run: the harness's own endpoint {@value #HOST_FLOOR_PATH}, which makes the B1 floor's host calls and
 * writes their answers as JSON (what a dashboard over HTTP cannot do without), and a trivial endpoint
 * ({@code GET /api/csrf}: the same filters, headers and JSON writing, no work at all). A plain timed
 * harness: warm-up, then a fixed measuring window per endpoint.
 */
final class HttpLoadHarness {

    static final int SESSIONS = 32;
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("b6.warmup", 10));
    private static final Duration WINDOW = Duration.ofSeconds(Integer.getInteger("b6.window", 20));

    /** The harness's own endpoint: the B1 floor's host calls, written as JSON (never a route of the product). */
    static final String HOST_FLOOR_PATH = "/benchmark/dashboard-floor";

    /**
     * One endpoint's figures over the measuring window.
     *
     * @param cpuMillisPerRequest the whole JVM's CPU time (server and clients) over the window, per answer:
     *                            unlike the rate, it hardly moves when other work shares the machine
     */
    record Endpoint(String path, double requestsPerSecond, double p50Millis, double p99Millis, int errors,
                    double cpuMillisPerRequest) {
    }

    record Result(Endpoint dashboard, Endpoint hostFloor, Endpoint trivial, int sessions) {
    }

    private HttpLoadHarness() {
    }

    static Result run() throws Exception {
        DemoSchool demo = BenchmarkWorlds.openCopy(DemoSize.LARGE, "http");
        GuardianId guardian = GuardianId.of(DemoSchoolGenerator.BENCHMARK_GUARDIAN);
        SchoolYear year = SchoolYear.containing(BenchmarkWorlds.today());
        try (DemoWeb web = DemoWeb.start(demo, "127.0.0.1", 0, config -> config.routes.get(HOST_FLOOR_PATH, ctx -> {
            Map<String, Object> body = new LinkedHashMap<>();
            DashboardFloor.read(demo.sis(), guardian, year, body::put);
            ctx.json(body);
        }))) {
            String base = "http://127.0.0.1:" + web.port();
            List<HttpClient> clients = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                clients.add(loggedIn(base));
            }
            Endpoint trivial = load(clients, base, "/api/csrf");
            Endpoint hostFloor = load(clients, base, HOST_FLOOR_PATH);
            Endpoint dashboard = load(clients, base, "/api/dashboard");
            return new Result(dashboard, hostFloor, trivial, SESSIONS);
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
        long cpuAtStart = 0;
        boolean measuring = false;
        while (done.getCount() > 0) {
            if (!measuring && System.nanoTime() >= measureFrom) {
                cpuAtStart = processCpuNanos();
                measuring = true;
            }
            done.await(measuring ? 1_000 : 5, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        double cpuNanos = processCpuNanos() - cpuAtStart;
        long count = latencies.stream().mapToLong(l -> l[0]).sum();
        long[] all = new long[(int) count];
        int at = 0;
        for (long[] own : latencies) {
            System.arraycopy(own, 1, all, at, (int) own[0]);
            at += (int) own[0];
        }
        Arrays.sort(all);
        double seconds = WINDOW.toNanos() / 1e9;
        return new Endpoint(path, count / seconds, percentile(all, 0.50), percentile(all, 0.99), errors.get(),
                count == 0 ? Double.NaN : cpuNanos / 1e6 / count);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }
}
