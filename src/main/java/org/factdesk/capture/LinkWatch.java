package org.factdesk.capture;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditLog;
import org.factdesk.common.Actor;
import org.factdesk.common.FactdeskConfig;
import org.factdesk.desk.DeskSettings;
import org.factdesk.outbound.OutboundClient;
import org.factdesk.ticket.Ticket;
import org.jsoup.Jsoup;
import org.netpreserve.jwarc.WarcDigest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Re-checks the originals of published sources on a slow schedule and compares them with the captures
 * the published versions cite: SAME, CHANGED (the page's text, or a file's bytes, differ) or GONE (the
 * original answers 404 or 410, or its host no longer resolves). Any other failure is noted and checked
 * again next time; one bad day does not mark a source gone. Due rows are claimed by moving their next
 * check on ({@code FOR UPDATE SKIP LOCKED}), so each is checked by one replica; a change into CHANGED
 * or GONE is an event in the ticket's chain, written with the new state.
 */
@ApplicationScoped
public class LinkWatch {

    static final int DETAIL_MAX = 300;
    private static final int BATCH = 20;
    private static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    OutboundClient client;

    @Inject
    FactdeskConfig config;

    @Inject
    AuditLog audit;

    /** What one check saw. */
    record Seen(SourceWatch.State state, String text, String detail) {
    }

    @Scheduled(every = "${factdesk.captures.watch-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        while (checkDue() == BATCH) {
            // a full round: more may be due
        }
    }

    /** Checks the sources due now; answers how many. */
    @ActivateRequestContext
    public int checkDue() {
        Duration interval = config.captures().watchInterval();
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> ids = Panache.getEntityManager().createNativeQuery("""
                            WITH due AS (SELECT capture_id FROM source_watch WHERE next_check <= now()
                                         ORDER BY next_check LIMIT :batch FOR UPDATE SKIP LOCKED)
                            UPDATE source_watch w SET next_check = now() + make_interval(secs => :interval)
                            FROM due WHERE w.capture_id = due.capture_id RETURNING w.capture_id""")
                    .setParameter("batch", BATCH).setParameter("interval", (double) interval.toSeconds()).getResultList();
            return ids.stream().map(Number::longValue).sorted().toList();
        });
        boolean allowPrivate = DeskSettings.get().allowPrivateWebhookTargets;
        for (long id : due) {
            Capture capture = QuarkusTransaction.requiringNew().call(() -> Capture.<Capture>findById(id));
            if (capture != null && capture.erasedAt == null) {
                record(capture, look(capture, allowPrivate));
            }
        }
        return due.size();
    }

    private Seen look(Capture capture, boolean allowPrivate) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        String url = capture.url;
        try {
            for (int hop = 0; hop <= PageRecorder.MAX_REDIRECTS; hop++) {
                OutboundClient.Response response = client.send(OutboundClient.Request.get(url, Map.of()), allowPrivate,
                        deadline, MAX_BYTES);
                Optional<String> location = response.header("Location");
                if (response.status() >= 300 && response.status() < 400 && location.isPresent()) {
                    url = URI.create(url).resolve(location.get().trim()).toString();
                    continue;
                }
                if (response.status() == 404 || response.status() == 410) {
                    return new Seen(SourceWatch.State.GONE, null, "the original answered " + response.status());
                }
                if (response.status() >= 400) {
                    return new Seen(null, null, "the original answered " + response.status() + "; checked again later");
                }
                String type = response.header("Content-Type").orElse("");
                if (PageRecorder.isHtml(type)) {
                    String text = PageRecorder.textOf(Jsoup.parse(new ByteArrayInputStream(response.body()),
                            PageRecorder.charsetOf(type), url));
                    return same(text, capture.text) ? new Seen(SourceWatch.State.SAME, null, "the text is as captured")
                            : new Seen(SourceWatch.State.CHANGED, text, "the text differs from the preserved copy");
                }
                return payloadDigest(capture).equals(Optional.of(digest(response.body())))
                        ? new Seen(SourceWatch.State.SAME, null, "the file is as captured")
                        : new Seen(SourceWatch.State.CHANGED, null, "the file differs from the preserved copy");
            }
            return new Seen(null, null, "too many redirects; checked again later");
        } catch (OutboundClient.Failure e) {
            boolean vanished = e.getMessage().contains("cannot be resolved");
            return new Seen(vanished ? SourceWatch.State.GONE : null, null,
                    (vanished ? "" : "could not be checked (checked again later): ") + e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            return new Seen(null, null, "the original could not be read; checked again later");
        }
    }

    /** The new state with its event, if it changed into CHANGED or GONE; in one transaction. */
    private void record(Capture capture, Seen seen) {
        QuarkusTransaction.requiringNew().run(() -> {
            Ticket ticket = Ticket.lock(capture.ticketId);
            SourceWatch watch = SourceWatch.findById(capture.id);
            if (watch == null) {
                return; // erased meanwhile
            }
            Instant now = Instant.now();
            watch.checkedAt = now;
            watch.detail = seen.detail().length() > DETAIL_MAX ? seen.detail().substring(0, DETAIL_MAX) : seen.detail();
            if (seen.state() == null || seen.state() == watch.state) {
                if (seen.state() == SourceWatch.State.CHANGED) {
                    watch.currentText = seen.text();
                }
                return;
            }
            watch.state = seen.state();
            watch.since = now;
            watch.currentText = seen.text();
            if (seen.state() == SourceWatch.State.CHANGED || seen.state() == SourceWatch.State.GONE) {
                audit.ticket(Actor.SYSTEM, ticket, seen.state() == SourceWatch.State.GONE ? AuditAction.SOURCE_GONE
                        : AuditAction.SOURCE_CHANGED, null, null, audit.changes().value("captureId", capture.id)
                        .value("evidenceId", capture.evidenceId).value("url", capture.url).value("detail", watch.detail));
            }
        });
    }

    /** Texts compare as a reader reads them: the same words in the same order, whatever the spacing. */
    private static boolean same(String now, String captured) {
        return captured != null && now.replaceAll("\\s+", " ").strip().equals(captured.replaceAll("\\s+", " ").strip());
    }

    /** The payload digest of the capture's page record, as the WARC states it. */
    private static Optional<String> payloadDigest(Capture capture) {
        if (capture.records == null) {
            return Optional.empty();
        }
        for (JsonNode entry : capture.records) {
            if (entry.path("uri").asText().equals(capture.finalUrl) && entry.hasNonNull("payloadDigest")) {
                return Optional.of(entry.path("payloadDigest").asText());
            }
        }
        return Optional.empty();
    }

    private static String digest(byte[] body) {
        MessageDigest sha = PageRecorder.sha256();
        sha.update(body);
        return new WarcDigest(sha).toString();
    }
}
