package org.factdesk.capture;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.factdesk.common.FactdeskConfig;
import org.factdesk.common.LeasedOutbox;
import org.factdesk.desk.DeskSettings;
import org.factdesk.outbound.OutboundClient;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Works the capture queue in the background, never in a request: leases due captures ({@code SKIP
 * LOCKED}, so each goes to one replica), records up to {@code factdesk.captures.concurrency} at once
 * with the {@link PageRecorder}, and stores each through {@link CaptureService}. A lease outlasts a
 * capture's time budget, so it runs out only when a replica died mid-capture, which makes it due again.
 */
@ApplicationScoped
public class CaptureWorker {

    private static final Logger LOG = Logger.getLogger(CaptureWorker.class);

    @Inject
    CaptureService captures;

    @Inject
    OutboundClient client;

    @Inject
    FactdeskConfig config;

    private ExecutorService pool;

    @Scheduled(every = "${factdesk.captures.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        while (runDue() == config.captures().concurrency()) {
            // a full round: more may be waiting
        }
    }

    /** Leases due captures, records them side by side and waits for them; answers how many were leased. */
    @ActivateRequestContext
    public int runDue() {
        FactdeskConfig.Captures limits = config.captures();
        List<LeasedOutbox.Lease> leases = CaptureService.QUEUE.lease(limits.concurrency(),
                limits.maxTime().multipliedBy(2).plus(Duration.ofMinutes(1)));
        if (leases.isEmpty()) {
            return 0;
        }
        boolean allowPrivate = DeskSettings.get().allowPrivateWebhookTargets;
        List<Future<?>> running = new ArrayList<>();
        for (LeasedOutbox.Lease lease : leases) {
            running.add(pool().submit(() -> run(lease, allowPrivate)));
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (ExecutionException e) {
                LOG.error("A capture failed unexpectedly; its lease will run out and it will be tried again", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return leases.size();
    }

    private void run(LeasedOutbox.Lease lease, boolean allowPrivate) {
        Capture capture = captures.get(lease.id()).orElse(null);
        if (capture == null) {
            return; // its evidence was removed meanwhile
        }
        FactdeskConfig.Captures limits = config.captures();
        PageRecorder.Budget budget = new PageRecorder.Budget(limits.maxSize().asLongValue(),
                limits.maxResourceSize().asLongValue(), limits.maxResources(),
                Instant.now().plus(limits.maxTime()), allowPrivate);
        PageRecorder.Recorded recorded = null;
        try {
            recorded = new PageRecorder(client).record(capture.url, budget);
            captures.complete(lease, capture.ticketId, recorded, CaptureStore.digestOf(recorded.warc()),
                    Files.size(recorded.warc()));
        } catch (PageRecorder.Failed e) {
            captures.fail(lease, capture.ticketId, e.getMessage());
        } catch (IOException e) {
            LOG.warnf(e, "Capture %d could not be written", lease.id());
            captures.fail(lease, capture.ticketId, "the copy could not be written on the server");
        } finally {
            if (recorded != null) {
                try {
                    Files.deleteIfExists(recorded.warc());
                } catch (IOException e) {
                    LOG.warnf("A capture's temporary file %s could not be deleted", recorded.warc());
                }
            }
        }
    }

    private synchronized ExecutorService pool() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(config.captures().concurrency(), runnable -> {
                Thread thread = new Thread(runnable, "capture");
                thread.setDaemon(true);
                return thread;
            });
        }
        return pool;
    }

    void stop(@Observes ShutdownEvent event) {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
