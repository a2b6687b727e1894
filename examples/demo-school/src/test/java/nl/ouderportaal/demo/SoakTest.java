package nl.ouderportaal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import nl.ouderportaal.core.admin.OverviewFilter;
import nl.ouderportaal.core.admin.OverviewRow;
import nl.ouderportaal.spi.SchoolId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak run of the reliability suite: two minutes of mixed guardian and administrator traffic over
 * loopback HTTP at a fixed rate with a bounded number of requests in flight, against the demo school.
 * Passes with zero errors and a heap after GC that stays flat; the figures go to
 * {@code target/soak-report.md}. Length and rate can be set with {@code -Dsoak.seconds} and
 * {@code -Dsoak.rate}.
 */
@DisplayName("Soak: two minutes of mixed traffic")
class SoakTest {

    private static final int SECONDS = Integer.getInteger("soak.seconds", 120);
    private static final int RATE = Integer.getInteger("soak.rate", 25);
    private static final int IN_FLIGHT = 16;
    private static final int GUARDIANS = 12;
    private static final String PASSWORD = "soak wachtwoord voor de test";

    @TempDir
    Path work;

    /** One simulated visitor: a cookie jar and the CSRF token. */
    private static final class Visitor {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
        final String base;

        Visitor(String base) {
            this.base = base;
        }

        String csrf() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElseGet(() -> {
                        send("GET", "/api/csrf", null);
                        return csrf();
                    });
        }

        int send(String method, String path, String json) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
                if (json == null) {
                    request.method(method, HttpRequest.BodyPublishers.noBody());
                } else {
                    request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
                }
                if (!method.equals("GET")) {
                    request.header("X-XSRF-TOKEN", csrf());
                }
                return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -2;
            }
        }
    }

    private record Step(String name, Function<Visitor, Integer> call, int expected) {
    }

    @Test
    void mixedTrafficAtAFixedRateGivesNoErrorsAndAFlatHeap() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String base = "http://localhost:" + port;
        try (DemoWeb demo = DemoWeb.start(DemoSchool.open(work.resolve("data"), Clock.systemUTC(), URI.create(base + "/")),
                "127.0.0.1", port)) {
            SchoolId school = SchoolId.of(DemoSchoolGenerator.MAIN_SCHOOL);
            List<OverviewRow> invitees = demo.school().portal().accountOverview().list(DemoSchool.ADMIN, school, OverviewFilter.ALL)
                    .stream().filter(r -> r.email() != null && !r.email().isBlank()
                            && r.status() == nl.ouderportaal.core.account.AccountStatus.NONE)
                    .limit(GUARDIANS).toList();
            List<Visitor> guardians = new ArrayList<>();
            for (OverviewRow row : invitees) {
                demo.school().portal().invitations().inviteOne(DemoSchool.ADMIN, school, row.guardian());
                demo.school().portal().mailDispatcher().orElseThrow().drainOnce();
                String link = demo.mails().stream().filter(m -> m.to().contains(row.email())).findFirst().orElseThrow()
                        .links().stream().filter(l -> l.contains("token=")).findFirst().orElseThrow();
                demo.school().portal().authentication().acceptInvitation(link.replaceFirst(".*token=", ""), PASSWORD);
                Visitor visitor = new Visitor(base);
                assertThat(visitor.send("POST", "/api/session",
                        "{\"email\":\"" + row.email() + "\",\"password\":\"" + PASSWORD + "\"}")).isEqualTo(200);
                guardians.add(visitor);
            }
            Visitor admin = new Visitor(base);
            assertThat(admin.send("POST", "/api/admin/session", "{\"username\":\"" + DemoSchool.ADMIN_LOGIN
                    + "\",\"password\":\"" + DemoSchool.ADMIN_PASSWORD + "\"}")).isEqualTo(200);

            List<Step> guardianSteps = List.of(
                    new Step("dashboard", v -> v.send("GET", "/api/dashboard", null), 200),
                    new Step("children", v -> v.send("GET", "/api/children", null), 200),
                    new Step("me", v -> v.send("GET", "/api/me", null), 200),
                    new Step("school", v -> v.send("GET", "/api/school", null), 200),
                    new Step("dashboard page", v -> v.send("GET", "/dashboard", null), 200));
            List<Step> adminSteps = List.of(
                    new Step("admin guardians", v -> v.send("GET", "/api/admin/guardians", null), 200),
                    new Step("admin modules", v -> v.send("GET", "/api/admin/modules", null), 200),
                    new Step("admin settings", v -> v.send("GET", "/api/admin/settings", null), 200),
                    new Step("admin audit", v -> v.send("GET", "/api/admin/audit", null), 200));

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            List<Long> heapAfterGc = Collections.synchronizedList(new ArrayList<>());
            ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger sent = new AtomicInteger();
            AtomicLong tick = new AtomicLong();
            Semaphore inFlight = new Semaphore(IN_FLIGHT);
            ExecutorService workers = Executors.newFixedThreadPool(IN_FLIGHT);
            ScheduledExecutorService clock = Executors.newScheduledThreadPool(1);
            AtomicInteger dropped = new AtomicInteger();
            clock.scheduleAtFixedRate(() -> {
                long n = tick.getAndIncrement();
                if (!inFlight.tryAcquire()) {
                    dropped.incrementAndGet();
                    return;
                }
                boolean adminTurn = n % 5 == 4;
                Visitor visitor = adminTurn ? admin : guardians.get((int) (n % guardians.size()));
                List<Step> steps = adminTurn ? adminSteps : guardianSteps;
                Step step = steps.get((int) ((n / 5) % steps.size()));
                workers.execute(() -> {
                    long start = System.nanoTime();
                    try {
                        int status = step.call().apply(visitor);
                        latencies.add(System.nanoTime() - start);
                        sent.incrementAndGet();
                        if (status != step.expected()) {
                            errors.add(step.name() + " answered " + status);
                        }
                    } finally {
                        inFlight.release();
                    }
                });
            }, 0, 1_000_000 / RATE, TimeUnit.MICROSECONDS);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(10_000, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
                System.gc();
                heapAfterGc.add(memory.getHeapMemoryUsage().getUsed());
            }
            clock.shutdown();
            clock.awaitTermination(5, TimeUnit.SECONDS);
            workers.shutdown();
            assertThat(workers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            long p50 = sorted.get(sorted.size() / 2) / 1_000_000;
            long p99 = sorted.get((int) (sorted.size() * 0.99)) / 1_000_000;
            long firstHeap = heapAfterGc.get(Math.min(1, heapAfterGc.size() - 1));
            long lastHeap = heapAfterGc.get(heapAfterGc.size() - 1);
            String report = """
                    # Soak run

                    %d s at %d requests/s (at most %d in flight), %d guardian sessions and one administrator, loopback HTTP.

                    | figure | value |
                    |---|---|
                    | requests answered | %d |
                    | errors | %d |
                    | ticks skipped because %d requests were in flight | %d |
                    | latency p50 / p99 | %d ms / %d ms |
                    | heap after GC, first sample / last sample | %.1f MB / %.1f MB |
                    | heap after GC, every sample (MB) | %s |
                    """.formatted(SECONDS, RATE, IN_FLIGHT, guardians.size(), sent.get(), errors.size(), IN_FLIGHT,
                    dropped.get(), p50, p99, firstHeap / 1e6, lastHeap / 1e6,
                    String.join(", ", heapAfterGc.stream().map(h -> "%.1f".formatted(h / 1e6)).toList()));
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "soak-report.md"), report);
            System.out.println(report);

            assertThat(errors).as("errors during the soak").isEmpty();
            assertThat(sent.get()).as("requests answered").isGreaterThan(SECONDS * RATE * 9 / 10);
            // Flat: what survives a GC at the end is within 32 MB or 50 %% of what survived early in the run.
            assertThat(lastHeap).as("heap after GC at the end vs early: %s", heapAfterGc)
                    .isLessThan(Math.max(firstHeap * 3 / 2, firstHeap + 32_000_000L));
        }
    }
}
