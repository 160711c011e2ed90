package org.factdesk.ticket;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import org.factdesk.claim.Priority;
import org.factdesk.common.Keyset;
import org.factdesk.common.Keyset.Key;
import org.factdesk.common.KeysetRequest;
import org.factdesk.common.Like;
import org.factdesk.common.Page;
import org.factdesk.common.Problems;
import org.factdesk.common.Rows;
import org.hibernate.jpa.HibernateHints;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Lists tickets with their claims: filtered, searched, sorted, paged by offset or by key. The page's
 * ids come from one SQL query in an order the indexes follow; its total from {@link Counts}.
 */
@ApplicationScoped
public class TicketSearch {

    private static final String TIME = "timestamptz";
    private static final Key<Ticket> ID = Key.of("t.id", "bigint", false, t -> t.id);

    /** The sort orders a client may ask for; "-" sorts descending. Each ends on the id: a total order. */
    public static final Map<String, Keyset<Ticket>> SORTS = Map.of(
            "urgency", sort("urgency", Key.of("t.priority_rank", "bigint", false, t -> t.priorityRank),
                    new Key<>("t.deadline", TIME, false, "infinity", t -> t.deadline),
                    Key.of("t.created_at", TIME, false, t -> t.createdAt), ID),
            "created", sort("created", Key.of("t.created_at", TIME, false, t -> t.createdAt), ID),
            "-created", sort("-created", Key.of("t.created_at", TIME, true, t -> t.createdAt),
                    Key.of("t.id", "bigint", true, t -> t.id)),
            "updated", sort("updated", Key.of("t.updated_at", TIME, false, t -> t.updatedAt), ID),
            "-updated", sort("-updated", Key.of("t.updated_at", TIME, true, t -> t.updatedAt),
                    Key.of("t.id", "bigint", true, t -> t.id)),
            "deadline", sort("deadline", new Key<>("t.deadline", TIME, false, "infinity", t -> t.deadline), ID),
            "-deadline", sort("-deadline", new Key<>("t.deadline", TIME, true, "-infinity", t -> t.deadline), ID));

    @SafeVarargs
    private static Keyset<Ticket> sort(String name, Key<Ticket>... keys) {
        return new Keyset<>("tickets " + name, List.of(keys));
    }

    /** A page of tickets as entities, their claims attached (for views that walk the claim's associations). */
    public Page<Ticket> search(TicketFilter filter, KeysetRequest page) {
        return page(filter, page, TicketSearch::load);
    }

    /**
     * A page of tickets with their claims' summaries, read as rows in one statement whose plan the database and
     * the driver keep (the entity query with an id list is translated anew for every page): for the ticket list.
     */
    public Page<Ticket> rows(TicketFilter filter, KeysetRequest page) {
        return page(filter, page, TicketSearch::readRows);
    }

    private Page<Ticket> page(TicketFilter filter, KeysetRequest page, Function<List<Long>, List<Ticket>> load) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (filter.status != null && !filter.status.isEmpty()) {
            where.append(" AND t.status").append(in(statuses(filter.status)));
        }
        boolean filtersClaims = false;
        if (filter.topic != null) {
            where.append(" AND c.topics @> ARRAY[CAST(? AS varchar)]");
            params.add(filter.topic.trim().toLowerCase());
            filtersClaims = true;
        }
        if (filter.language != null) {
            where.append(" AND c.language = ?");
            params.add(filter.language);
            filtersClaims = true;
        }
        if (filter.assignee != null) {
            where.append(" AND t.assignee = ?");
            params.add(filter.assignee);
        }
        if (filter.priority != null) {
            where.append(" AND t.priority_rank = ?");
            params.add(priority(filter.priority).rank());
        }
        if (filter.changesRequested != null) {
            where.append(" AND t.changes_requested = ?");
            params.add(filter.changesRequested);
        }
        if (filter.overdue != null) {
            Instant now = Instant.now();
            if (filter.overdue) {
                where.append(" AND t.deadline < ?");
                params.add(now);
                where.append(" AND t.status").append(in(TicketPolicy.UNFINISHED));
            } else {
                where.append(" AND (t.deadline IS NULL OR t.deadline >= ?");
                params.add(now);
                where.append(" OR t.status NOT").append(in(TicketPolicy.UNFINISHED)).append(')');
            }
        }
        if (filter.q != null && !filter.q.isBlank()) {
            where.append(" AND (c.text ILIKE ?" + Like.ESCAPE + " OR c.claimant ILIKE ?" + Like.ESCAPE + ")");
            String pattern = Like.containing(filter.q.trim());
            params.add(pattern);
            params.add(pattern);
            filtersClaims = true;
        }
        if (Boolean.TRUE.equals(filter.publicationFailed)) {
            where.append(" AND t.status = 'APPROVED' AND EXISTS (SELECT 1 FROM scheduled_publication_attempt f"
                    + " WHERE f.ticket_id = t.id AND f.publish_at = t.publish_at AND f.failures >= ?)");
            params.add(PublicationFailure.SHOWN_AFTER);
        }
        Keyset<Ticket> sort = SORTS.get(filter.sort == null ? "urgency" : filter.sort);
        if (sort == null) {
            throw Problems.badRequest("Parameter 'sort' must be one of " + SORTS.keySet() + ".");
        }
        // Join the claims only to filter on them: the count is the expensive half of a page.
        String ids = "SELECT t.id FROM ticket t" + (filtersClaims ? " JOIN claim c ON c.id = t.claim_id" : "") + where;
        return sort.page(ids, params, page, load, t -> t.id);
    }

    private static final String ROWS = "SELECT " + TicketRow.COLUMNS + TicketRow.FROM + " WHERE t.id = ANY(?)";

    /** The tickets of these ids with their claims' summaries, detached. */
    private static List<Ticket> readRows(List<Long> ids) {
        return Rows.query(ROWS, List.of((Object) ids.toArray(Long[]::new)), rows -> {
            List<Ticket> tickets = new ArrayList<>(ids.size());
            while (rows.next()) {
                tickets.add(TicketRow.read(rows));
            }
            return tickets;
        });
    }

    /** The tickets of these ids with their claims. */
    private static List<Ticket> load(List<Long> ids) {
        return Panache.getEntityManager()
                .createQuery("select t from Ticket t join fetch t.claim where t.id in :ids", Ticket.class)
                .setParameter("ids", ids)
                .setHint(HibernateHints.HINT_READ_ONLY, true) // shown, never changed: no snapshots to dirty-check
                .getResultList();
    }

    /**
     * {@code " IN ('OPEN', …)"}: statuses are written as literals (enum names, never client text), so
     * that the planner sees them and can use the partial indexes of the queues (migration V10).
     */
    private static String in(Collection<TicketStatus> values) {
        StringJoiner list = new StringJoiner(", ", " IN (", ")");
        values.forEach(value -> list.add("'" + value.name() + "'"));
        return list.toString();
    }

    private static Priority priority(String name) {
        try {
            return Priority.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("Parameter 'priority': '" + name + "' is not one of "
                    + EnumSet.allOf(Priority.class) + ".");
        }
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
