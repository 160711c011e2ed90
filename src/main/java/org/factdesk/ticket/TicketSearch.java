package org.factdesk.ticket;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import org.factdesk.common.Like;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Problems;
import org.hibernate.jpa.HibernateHints;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/** Lists tickets with their claims: filtered, searched, sorted, paginated. */
@ApplicationScoped
public class TicketSearch {

    /** The sort orders a client may ask for; "-" sorts descending. */
    public static final Map<String, String> SORTS = Map.of(
            "urgency", Urgency.HQL,
            "created", "t.createdAt, t.id",
            "-created", "t.createdAt desc, t.id desc",
            "updated", "t.updatedAt, t.id",
            "-updated", "t.updatedAt desc, t.id desc",
            "deadline", "t.deadline nulls last, t.id",
            "-deadline", "t.deadline desc nulls last, t.id");

    public Page<Ticket> search(TicketFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.status != null && !filter.status.isEmpty()) {
            where.append(" and t.status").append(in("status", statuses(filter.status), params));
        }
        if (filter.topic != null) {
            where.append(" and array_contains(c.topics, :topic)");
            params.put("topic", filter.topic.trim().toLowerCase());
        }
        if (filter.language != null) {
            where.append(" and c.language = :language");
            params.put("language", filter.language);
        }
        if (filter.assignee != null) {
            where.append(" and t.assignee = :assignee");
            params.put("assignee", filter.assignee);
        }
        if (filter.overdue != null) {
            String unfinished = in("unfinished", TicketPolicy.UNFINISHED, params);
            where.append(filter.overdue
                    ? " and t.deadline < :now and t.status" + unfinished
                    : " and (t.deadline is null or t.deadline >= :now or t.status not" + unfinished + ")");
            params.put("now", Instant.now());
        }
        if (filter.q != null && !filter.q.isBlank()) {
            where.append(" and (c.text ilike :q" + Like.ESCAPE + " or c.claimant ilike :q" + Like.ESCAPE + ")");
            params.put("q", Like.containing(filter.q.trim()));
        }
        if (Boolean.TRUE.equals(filter.publicationFailed)) {
            where.append(" and t.status = :approved and exists (select 1 from PublicationFailure f"
                    + " where f.ticketId = t.id and f.publishAt = t.publishAt and f.failures >= :shownAfter)");
            params.put("shownAfter", PublicationFailure.SHOWN_AFTER);
            params.put("approved", TicketStatus.APPROVED);
        }
        String sort = SORTS.get(filter.sort == null ? "urgency" : filter.sort);
        if (sort == null) {
            throw Problems.badRequest("Parameter 'sort' must be one of " + SORTS.keySet() + ".");
        }
        var em = Panache.getEntityManager();
        // Counting is the expensive half of a page on a long backlog: join the claims only to filter on them.
        boolean filtersClaims = filter.topic != null || filter.language != null || params.containsKey("q");
        TypedQuery<Long> count = em.createQuery("select count(t) from Ticket t"
                + (filtersClaims ? " join t.claim c" : "") + where, Long.class);
        TypedQuery<Ticket> items = em.createQuery("select t from Ticket t join fetch t.claim c" + where
                        + " order by " + sort, Ticket.class)
                .setHint(HibernateHints.HINT_READ_ONLY, true); // shown, never changed: no snapshots to dirty-check
        params.forEach((name, value) -> {
            count.setParameter(name, value);
            items.setParameter(name, value);
        });
        items.setFirstResult(page.offset()).setMaxResults(page.size);
        long total = count.getSingleResult(); // first, while there are no loaded entities to auto-flush
        return new Page<>(items.getResultList(), total, page.page, page.size);
    }

    /**
     * {@code " in (:name0, :name1, …)"}, one parameter per value. A single list parameter would make
     * Hibernate translate the query anew on every execution (it caches no plan for multi-valued
     * bindings); single values keep one cached plan per number of values.
     */
    private static String in(String name, Collection<TicketStatus> values, Map<String, Object> params) {
        StringJoiner list = new StringJoiner(", ", " in (", ")");
        int i = 0;
        for (TicketStatus value : values) {
            list.add(":" + name + i);
            params.put(name + i++, value);
        }
        return list.toString();
    }

    private static Set<TicketStatus> statuses(List<String> names) {
        Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
        for (String list : names) {
            for (String name : list.split(",")) {
                try {
                    statuses.add(TicketStatus.valueOf(name.trim().toUpperCase()));
                } catch (IllegalArgumentException e) {
                    throw Problems.badRequest("Parameter 'status': '" + name + "' is not one of "
                            + EnumSet.allOf(TicketStatus.class) + ".");
                }
            }
        }
        if (statuses.isEmpty()) {
            throw Problems.badRequest("Parameter 'status' names no status; use one or more of "
                    + EnumSet.allOf(TicketStatus.class) + ", separated by commas.");
        }
        return statuses;
    }
}
