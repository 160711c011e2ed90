package org.factdesk.publishing;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.factdesk.common.Cursor;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Problems;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Published fact-checks for the feeds, newest public change first (publication, correction or
 * retraction), one page at a time: a page loads only its own entries, however long the archive.
 */
@ApplicationScoped
public class FeedService {

    /** What changes whenever any entry of any page could: for ETag / Last-Modified. */
    public record Version(Instant lastModified, String etag) {
    }

    /** {@code next}: the cursor of the following page, null on the last. */
    public record FeedPage(List<PublishedFactCheck> items, String next) {

        public boolean hasNext() {
            return next != null;
        }
    }

    /** The feeds' order, newest public change first (the index ticket_public), as a cursor. */
    private static final String CURSOR = "feed";

    @Inject
    FeedVersions versions;

    /**
     * Moves with every publication, correction or retraction, with every erasure of a published
     * claimant and with every erasure of a preserved copy (which change published entries, a name or a
     * source's {@code archivedAt}, without re-publishing them): {@link FeedVersions}.
     */
    public Version version(String format, FeedQuery query) {
        FeedVersions.Row row = versions.current();
        String key = format + "|" + query.self() + "|" + row.changes() + "|" + row.changedAt();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return new Version(row.changedAt(), HexFormat.of().formatHex(hash, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public FeedPage page(FeedQuery query) {
        StringBuilder where = new StringBuilder(" where t.publicUpdatedAt is not null");
        Map<String, Object> params = new HashMap<>();
        if (query.topic != null) {
            where.append(" and array_contains(v.claimTopics, :topic)");
            params.put("topic", query.topic.trim().toLowerCase());
        }
        if (query.language != null) {
            where.append(" and v.claimLanguage = :language");
            params.put("language", query.language);
        }
        if (query.from != null) {
            where.append(" and t.publicUpdatedAt >= :from");
            params.put("from", query.fromInstant());
        }
        if (query.to != null) {
            where.append(" and t.publicUpdatedAt < :to");
            params.put("to", query.toInstant());
        }
        if (query.rating != null) {
            where.append(" and exists (select 1 from Rating r where r.id = v.ratingId and lower(r.label) = :rating)");
            params.put("rating", query.rating.trim().toLowerCase());
        }
        if (query.after != null) {
            if (query.page != 0) {
                throw Problems.badRequest("Parameters 'after' and 'page' cannot be combined: 'after' starts a page of its own.");
            }
            // Strictly after the cursor's (time, id) in the order below; the first condition bounds the index scan.
            Cursor cursor = Cursor.read(query.after, CURSOR, 2);
            where.append(" and t.publicUpdatedAt <= :afterAt and (t.publicUpdatedAt < :afterAt or t.id < :afterId)");
            params.put("afterAt", cursor.instant(0));
            params.put("afterId", cursor.number(1));
        }
        // Filters read the latest published version: what the public sees, never the live claim.
        TypedQuery<Object[]> rows = Panache.getEntityManager().createQuery("select t.id, t.publicUpdatedAt"
                + " from Ticket t, VerdictVersion v" + where + " and v.ticketId = t.id and v.number = t.publishedVersions"
                + " order by t.publicUpdatedAt desc, t.id desc", Object[].class);
        params.forEach(rows::setParameter);
        List<Object[]> page = rows.setFirstResult(PageRequest.offset(query.page, query.size)).setMaxResults(query.size + 1)
                .getResultList();
        List<Object[]> shown = page.subList(0, Math.min(query.size, page.size()));
        Object[] last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        String next = page.size() > query.size ? Cursor.write(CURSOR, last[1], last[0]) : null;
        return new FeedPage(PublishedFactCheck.loadAll(shown.stream().map(row -> (Long) row[0]).toList()), next);
    }
}
