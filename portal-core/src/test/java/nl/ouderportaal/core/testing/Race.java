package nl.ouderportaal.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/** Runs attempts on as many threads at once, released together, and counts the successes. */
public final class Race {

    private Race() {
    }

    /** @param attempt attempt number i; true when it succeeded */
    public static int successes(int threads, IntPredicate attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger wins = new AtomicInteger();
        List<Future<?>> attempts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int number = i;
            attempts.add(pool.submit(() -> {
                start.await();
                if (attempt.test(number)) {
                    wins.incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : attempts) {
            future.get();
        }
        pool.shutdown();
        return wins.get();
    }
}
