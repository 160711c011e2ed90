package org.factdesk.tip;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.audit.AuditHash;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Tips that come as messages with an id of their own, which their channel may hand over again: a
 * partner retries a POST whose answer it missed (same {@code webhook-id}), the mailbox reader stops
 * between storing a mail's tip and moving the mail away (same Message-ID). Each (channel, message id)
 * becomes one tip: the id's SHA-256 is stored with it (migration V18, unique per channel), and a message
 * seen before answers the tip it became.
 */
@ApplicationScoped
public class ChannelMessages {

    /** The tip a message became; {@code token} only when it became one just now (the desk keeps its hash only). */
    public record Stored(long tipId, Instant receivedAt, String token) {
        public boolean first() {
            return token != null;
        }
    }

    /** The key space of the per-message locks ("tipm"; two-int advisory keys never meet one-bigint keys). */
    private static final int MESSAGE_LOCKS = 0x7469_706D;

    @Inject
    TipIntake intake;

    @Transactional
    public Stored receiveOnce(TipInput input, String messageId) {
        byte[] key = AuditHash.newDigest().digest(messageId.getBytes(StandardCharsets.UTF_8));
        var em = Panache.getEntityManager();
        // The same message at once on two connections: the second waits here, then finds the first's tip.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:space, :key)").setParameter("space", MESSAGE_LOCKS)
                .setParameter("key", ByteBuffer.wrap(key).getInt()).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Number> earlier = em.createNativeQuery("SELECT id FROM tip WHERE channel = :channel AND source_message = :key")
                .setParameter("channel", input.channel()).setParameter("key", key).getResultList();
        if (!earlier.isEmpty()) {
            Tip tip = Tip.findById(earlier.get(0).longValue());
            return new Stored(tip.id, tip.receivedAt, null);
        }
        TipIntake.Receipt receipt = intake.receive(input);
        // The intake knows no channel and no message ids: the key joins its tip in the same transaction.
        em.createNativeQuery("UPDATE tip SET source_message = :key WHERE id = :id").setParameter("key", key)
                .setParameter("id", receipt.tipId()).executeUpdate();
        // The time as the column keeps it (microseconds), so that a retry's answer says the same.
        Tip tip = Tip.findById(receipt.tipId());
        em.refresh(tip);
        return new Stored(tip.id, tip.receivedAt, receipt.token());
    }
}
