package nl.ouderportaal.core.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.ouderportaal.core.internal.PortalMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox over SMTP: claims a batch, sends it over one connection, marks each mail sent as
 * soon as the server accepted it. With several {@linkplain #connections() connections} (the host's
 * choice: a relay's limit is its own), batches are claimed one after the other and sent on as many
 * connections at once; a claim is one conditional update, so no two senders, on this node or another,
 * ever hold the same mail. A failed mail waits 1, 2, 4, ... minutes (at most an hour) and is
 * given up after {@link #MAX_ATTEMPTS}; when the connection is lost the rest of the batch is put back
 * without counting an attempt. Thread-safe; run one per node.
 */
public final class MailDispatcher implements AutoCloseable {

    public static final int MAX_ATTEMPTS = 12;
    /** The most SMTP connections one dispatcher opens at once. */
    public static final int MAX_CONNECTIONS = 32;
    static final int BATCH = 50;
    static final Duration LEASE = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);

    private final MailOutbox outbox;
    private final MailTransport transport;
    private final Clock clock;
    private final PortalMetrics metrics;
    private final int connections;
    private ScheduledExecutorService scheduler;
    private ExecutorService senders;

    public MailDispatcher(MailOutbox outbox, MailTransport transport, Clock clock) {
        this(outbox, transport, clock, PortalMetrics.none());
    }

    /** As the other constructor, counting sent, retried and given-up mails in the portal's meters. */
    public MailDispatcher(MailOutbox outbox, MailTransport transport, Clock clock, PortalMetrics metrics) {
        this(outbox, transport, clock, metrics, 1);
    }

    /**
     * As the other constructors, sending over up to {@code connections} SMTP connections at once.
     *
     * @throws IllegalArgumentException unless {@code connections} is 1 to {@value #MAX_CONNECTIONS}
     */
    public MailDispatcher(MailOutbox outbox, MailTransport transport, Clock clock, PortalMetrics metrics, int connections) {
        this.outbox = outbox;
        this.transport = transport;
        this.clock = clock;
        this.metrics = metrics;
        this.connections = checkedConnections(connections);
    }

    /**
     * The number of connections, checked: what {@code Portal.Builder.mailConnections} accepts.
     *
     * @throws IllegalArgumentException unless {@code connections} is 1 to {@value #MAX_CONNECTIONS}
     */
    public static int checkedConnections(int connections) {
        if (connections < 1 || connections > MAX_CONNECTIONS) {
            throw new IllegalArgumentException("SMTP connections must be 1 to " + MAX_CONNECTIONS + ", not " + connections);
        }
        return connections;
    }

    /** How many SMTP connections this dispatcher opens at most at once. */
    public int connections() {
        return connections;
    }

    /** Whether {@link #start} runs the dispatcher on this node (until {@link #close()}). */
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /**
     * Sends what is due now, batch after batch (on each connection); returns how many mails were sent.
     * Returns when the outbox has nothing due, or a batch could not be sent whole (SMTP down: the rest waits).
     */
    public synchronized int drainOnce() {
        if (connections == 1) {
            return drainOnOneConnection();
        }
        if (senders == null) {
            senders = Executors.newFixedThreadPool(connections, r -> {
                Thread thread = new Thread(r, "ouderportaal-mail-sender");
                thread.setDaemon(true);
                return thread;
            });
        }
        // One claimer (this thread) and up to `connections` batches in flight: claims never contend with
        // each other, on H2 (where a second claim would wait for the first's rows and then find them taken)
        // as on PostgreSQL. Every batch in flight is waited for, even after a failure: its marks must land
        // before this returns.
        CompletionService<Batch> done = new ExecutorCompletionService<>(senders);
        int inFlight = 0;
        int sent = 0;
        boolean claiming = true;
        RuntimeException failure = null;
        try {
            while (claiming || inFlight > 0) {
                if (claiming && inFlight < connections) {
                    List<QueuedMail> batch;
                    try {
                        batch = outbox.claim(clock.instant(), BATCH, LEASE);
                    } catch (RuntimeException e) {
                        failure = e;
                        claiming = false;
                        continue;
                    }
                    if (batch.isEmpty()) {
                        claiming = false;
                    } else {
                        done.submit(() -> new Batch(sendBatch(batch), batch.size()));
                        inFlight++;
                    }
                    continue;
                }
                Future<Batch> finished = done.take();
                inFlight--;
                try {
                    Batch batch = finished.get();
                    sent += batch.sent();
                    // SMTP trouble: the rest waits for the next run.
                    claiming &= batch.sent() == batch.claimed();
                } catch (ExecutionException e) {
                    failure = failure != null ? failure
                            : e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    claiming = false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the mail senders ran", e);
        }
        if (failure != null) {
            throw failure;
        }
        return sent;
    }

    /** What became of one batch on its connection. */
    private record Batch(int sent, int claimed) {
    }

    private int drainOnOneConnection() {
        int sent = 0;
        while (true) {
            List<QueuedMail> batch = outbox.claim(clock.instant(), BATCH, LEASE);
            if (batch.isEmpty()) {
                return sent;
            }
            int sentInBatch = sendBatch(batch);
            sent += sentInBatch;
            if (sentInBatch < batch.size()) {
                return sent;
            }
        }
    }

    private int sendBatch(List<QueuedMail> batch) {
        int sent = 0;
        MailTransport.Connection connection;
        try {
            connection = transport.open();
        } catch (MailTransport.MailException e) {
            LOG.warn("SMTP unavailable, {} mails wait for the next attempt: {}", batch.size(), e.getMessage());
            batch.forEach(m -> retry(m, e.getMessage(), false));
            return 0;
        }
        try (connection) {
            for (int i = 0; i < batch.size(); i++) {
                QueuedMail mail = batch.get(i);
                try {
                    connection.send(mail);
                    outbox.markSent(mail, clock.instant());
                    metrics.mailSent();
                    sent++;
                } catch (MailTransport.MailException e) {
                    retry(mail, e.getMessage(), true);
                    if (e.connectionLost()) {
                        LOG.warn("SMTP connection lost after {} mails; the rest waits: {}", sent, e.getMessage());
                        batch.subList(i + 1, batch.size()).forEach(m -> retry(m, e.getMessage(), false));
                        return sent;
                    }
                }
            }
        }
        return sent;
    }

    private void retry(QueuedMail mail, String error, boolean counted) {
        int attempts = mail.attempts() + (counted ? 1 : 0);
        boolean giveUp = attempts >= MAX_ATTEMPTS;
        long minutes = Math.min(60, 1L << Math.min(attempts, 6));
        Instant next = clock.instant().plus(Duration.ofMinutes(counted ? minutes : 1));
        outbox.markFailed(mail, counted, error, next, giveUp);
        if (giveUp) {
            metrics.mailFailed();
        } else {
            metrics.mailRetried();
        }
        if (giveUp) {
            LOG.error("Mail {} ({}) given up after {} attempts: {}", mail.id(), mail.mail().kind(), attempts, error);
        }
    }

    /** Drains the outbox every {@code interval} on a daemon thread until {@link #close()}. */
    public synchronized void start(Duration interval) {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ouderportaal-mail-dispatcher");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                drainOnce();
            } catch (RuntimeException e) {
                LOG.error("Mail dispatcher run failed; it tries again", e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = scheduler;
            scheduler = null;
        }
        stop(running);
        ExecutorService sending;
        synchronized (this) {
            sending = senders;
            senders = null;
        }
        stop(sending);
    }

    private static void stop(ExecutorService executor) {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
