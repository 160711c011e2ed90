package org.factdesk.tip;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Optional;

/**
 * Removing a requester's contact, the one way both the retention job and an erasure do it: the contact and
 * its salt are deleted, the tip says when, and its answers still waiting are dropped, so nothing goes to
 * an address the desk no longer keeps.
 */
public final class TipContacts {

    /** Answers still waiting for tips whose contact is gone: dropped (their lease, if any, no longer counts). */
    static final String DROP_ORPHANED = """
            UPDATE tip_answer a SET state = 'DROPPED', next_at = NULL, lease_until = NULL, lease_token = NULL,
                   error = 'the contact was removed'
            FROM tip t WHERE t.id = a.tip_id AND a.state = 'PENDING' AND t.contact IS NULL""";

    private TipContacts() {
    }

    /** Within a transaction: the tip, locked for a change of its contact; empty if there is none. */
    public static Optional<Tip> lock(long tipId) {
        return Tip.findByIdOptional(tipId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Removes the locked tip's contact and drops its waiting answers; false when there was nothing to remove. */
    public static boolean remove(Tip tip, Instant now) {
        if (tip.contact == null && tip.contactSalt == null) {
            return false;
        }
        tip.contact = null;
        tip.contactSalt = null;
        tip.contactRemovedAt = now;
        Panache.getEntityManager().flush();
        Panache.getEntityManager().createNativeQuery(DROP_ORPHANED + " AND t.id = :tip").setParameter("tip", tip.id)
                .executeUpdate();
        return true;
    }
}
