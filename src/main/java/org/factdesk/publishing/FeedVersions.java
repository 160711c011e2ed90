package org.factdesk.publishing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.factdesk.audit.TicketAudited;
import org.factdesk.common.Rows;
import org.factdesk.live.ChangeFeed;
import org.factdesk.live.ChannelListener;
import org.factdesk.ticket.TicketStatus;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The feeds' version row (migration V29), kept in memory while it cannot have moved unseen: every move notifies
 * the channel {@value #CHANNEL} at commit, which this replica hears through {@link ChangeFeed}. Any notification,
 * any doubt (the listening connection lost, new or unconfirmed) and any change to a ticket the public sees made
 * on this replica (heard here at once, before the notification) make the next reader read the row again. So an
 * unchanged feed costs its readers no database round trip, and a change shows on every replica as soon as its
 * notification arrives.
 */
@ApplicationScoped
public class FeedVersions implements ChannelListener {

    static final String CHANNEL = "feed_version";

    /** How many changes the feeds have seen, and the latest public time among them (the Last-Modified). */
    public record Row(long changes, Instant changedAt) {
    }

    private record Known(long generation, Row row) {
    }

    @Inject
    ChangeFeed changeFeed;

    /** Moves with each notification or doubt; a row read under an older generation is not kept. */
    private final AtomicLong generation = new AtomicLong();
    private volatile Known known;

    public Row current() {
        long readUnder = generation.get();
        Known kept = known;
        if (kept != null && kept.generation() == readUnder && changeFeed.state().listening()) {
            return kept.row();
        }
        Row row = QuarkusTransaction.joiningExisting().call(() -> Rows.query(
                "SELECT changes, changed_at FROM feed_version", List.of(), rows -> {
                    rows.next();
                    return new Row(rows.getLong(1), rows.getObject(2, OffsetDateTime.class).toInstant());
                }));
        if (generation.get() == readUnder) {
            known = new Known(readUnder, row);
        }
        return row;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public void heard() {
        generation.incrementAndGet();
    }

    @Override
    public void missed() {
        generation.incrementAndGet();
    }

    /** A publication or a retraction made here: read again at once, without waiting for the notification. */
    void onPublicTicketChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) TicketAudited audited) {
        if (TicketStatus.PUBLISHED.name().equals(audited.status()) || TicketStatus.RETRACTED.name().equals(audited.status())) {
            generation.incrementAndGet();
        }
    }

    /**
     * An erasure made here: read again at once. Whether it changed the feeds (a published claimant's name, a
     * preserved copy) is V29's trigger's rule; reading the row once more after any other erasure costs one query.
     */
    public record Erased() {
    }

    void onErased(@Observes(during = TransactionPhase.AFTER_SUCCESS) Erased erased) {
        generation.incrementAndGet();
    }
}
