package org.factdesk.notification;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.common.Actor;
import org.factdesk.common.Entities;
import org.factdesk.common.Keyset;
import org.factdesk.common.KeysetRequest;
import org.factdesk.common.Page;
import org.factdesk.common.Problems;
import org.factdesk.people.DeskDirectory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A person's own notifications: listed, counted and marked read by them only. */
@ApplicationScoped
public class NotificationService {

    /** The unread count is exact up to this many (the bell shows "99+" long before). */
    public static final int UNREAD_COUNT_MAX = 1000;
    public static final String UNREAD_COUNT_MAX_TEXT = "" + UNREAD_COUNT_MAX;

    @Inject
    DeskDirectory directory;

    /** The caller's notifications, newest first; only the unread ones with {@code unread}. */
    @Transactional
    public Page<NotificationView> page(Actor actor, boolean unread, KeysetRequest request) {
        String sql = "SELECT n.id FROM notification n WHERE n.recipient = ?" + (unread ? " AND n.read_at IS NULL" : "");
        Page<Notification> page = NEWEST_FIRST.page(sql, List.of(actor.subject()), request,
                ids -> Entities.byIds(Notification.class, ids), n -> n.id);
        Map<Long, String> claims = claimTexts(page.items().stream().map(n -> n.ticketId).distinct().toList());
        DeskDirectory.Names names = directory.names();
        return page.map(n -> NotificationView.of(n, claims.get(n.ticketId), names));
    }

    /** Newest first (the index notification_recipient (recipient, id)). */
    private static final Keyset<Notification> NEWEST_FIRST = new Keyset<>("notifications",
            List.of(Keyset.Key.of("n.id", "bigint", true, n -> n.id)));

    @Transactional
    public UnreadCountView unreadCount(Actor actor) {
        Number count = (Number) Panache.getEntityManager().createNativeQuery("""
                        SELECT count(*) FROM (SELECT 1 FROM notification
                                              WHERE recipient = :me AND read_at IS NULL LIMIT :cap) unread""")
                .setParameter("me", actor.subject()).setParameter("cap", UNREAD_COUNT_MAX + 1).getSingleResult();
        int unread = count.intValue();
        return new UnreadCountView(Math.min(unread, UNREAD_COUNT_MAX), unread <= UNREAD_COUNT_MAX);
    }

    /** Marks one of the caller's notifications read (again: no change); someone else's is a 404, as if it did not exist. */
    @Transactional
    public NotificationView markRead(Actor actor, long id) {
        Notification notification = Notification.findById(id);
        if (notification == null || !notification.recipient.equals(actor.subject())) {
            throw Problems.notFound("Notification", id);
        }
        if (notification.readAt == null) {
            notification.readAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        }
        return NotificationView.of(notification, claimTexts(List.of(notification.ticketId)).get(notification.ticketId),
                directory.names());
    }

    /** Marks all of the caller's notifications read; answers how many were unread. */
    @Transactional
    public int markAllRead(Actor actor) {
        return Panache.getEntityManager().createNativeQuery(
                        "UPDATE notification SET read_at = now() WHERE recipient = :me AND read_at IS NULL")
                .setParameter("me", actor.subject()).executeUpdate();
    }

    /** The claims' texts of these tickets, in one query. */
    static Map<Long, String> claimTexts(Collection<Long> ticketIds) {
        Map<Long, String> texts = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return texts;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                        "SELECT t.id, c.text FROM ticket t JOIN claim c ON c.id = t.claim_id WHERE t.id IN (:ids)")
                .setParameter("ids", new ArrayList<>(ticketIds)).getResultList();
        for (Object[] row : rows) {
            texts.put(((Number) row[0]).longValue(), (String) row[1]);
        }
        return texts;
    }
}
