package org.factdesk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.common.Actor;
import org.factdesk.common.Entities;
import org.factdesk.common.Keyset;
import org.factdesk.common.KeysetRequest;
import org.factdesk.common.Page;
import org.factdesk.common.Rows;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Appends audit events inside the caller's transaction, so that a change and its event commit
 * together or not at all.
 *
 * <p>Chains are per ticket, so writes to different tickets never wait for each other. Callers
 * of {@link #ticket} hold the ticket's row lock (a {@link ChainHead} locked by its holder), which orders the ticket's
 * events; desk-wide events take a transaction-scoped advisory lock.
 */
@ApplicationScoped
public class AuditLog {

    public static final String DESK_STREAM = "desk";
    private static final long DESK_LOCK = 0x46616374_6465736bL; // "Factdesk"

    @Inject
    Event<TicketAudited> audited;

    /** An event about a ticket; the caller holds the ticket's row lock, and the row keeps the chain's head. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent ticket(Actor actor, ChainHead ticket, AuditAction action, String fromStatus, String toStatus,
                             Changes changes) {
        AuditEvent event = nextLink(ticket, actor, action, fromStatus, toStatus, changes);
        event.persist();
        announce(event, toStatus != null ? toStatus : ticket.statusName());
        return event;
    }

    /**
     * The next link of a ticket's chain, hashed but not stored, and the ticket's chain head moved to
     * it (in memory): for a writer that stores both in one statement (claim-next, with
     * {@link #INSERT_LINK}), and then calls {@link #announce}.
     */
    public AuditEvent nextLink(ChainHead ticket, Actor actor, AuditAction action, String fromStatus, String toStatus,
                               Changes changes) {
        AuditEvent event = link(streamOf(ticket.chainId()), ticket.chainId(), ticket.headSeq(), ticket.headHash(), actor,
                action, fromStatus, toStatus, changes);
        ticket.moveHead(event.seq, event.hash);
        return event;
    }

    /**
     * The statement that stores a link made by {@link #nextLink}, as a fragment a writer can put
     * in a CTE beside its own change (one round trip); {@link #bind} fills its parameters.
     */
    public static final String INSERT_LINK = """
            INSERT INTO audit_event (stream, seq, ticket_id, occurred_at, actor, action, from_status, to_status,
                                     changes, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""";

    /** Binds {@code event} to {@link #INSERT_LINK}'s parameters from {@code index} on; answers the next free index. */
    public static int bind(PreparedStatement statement, int index, AuditEvent event) throws SQLException {
        statement.setString(index++, event.stream);
        statement.setInt(index++, event.seq);
        statement.setObject(index++, event.ticketId);
        statement.setObject(index++, event.occurredAt.atOffset(ZoneOffset.UTC));
        statement.setString(index++, event.actor);
        statement.setString(index++, event.action);
        statement.setString(index++, event.fromStatus);
        statement.setString(index++, event.toStatus);
        statement.setString(index++, event.changes.toString());
        statement.setString(index++, event.prevHash);
        statement.setString(index++, event.hash);
        return index;
    }

    /** Tells the rest of the server that a stored event changed its ticket, now in {@code status}. */
    public void announce(AuditEvent event, String status) {
        audited.fire(new TicketAudited(event, status));
    }

    /** A desk-wide event (settings, rating scales). */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent desk(Actor actor, AuditAction action, Changes changes) {
        Panache.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(:key)")
                .setParameter("key", DESK_LOCK).getSingleResult();
        AuditEvent last = AuditEvent.find("stream = ?1 order by seq desc", DESK_STREAM).firstResult();
        AuditEvent event = link(DESK_STREAM, null, last == null ? 0 : last.seq,
                last == null ? AuditHash.GENESIS : last.hash, actor, action, null, null, changes);
        event.persist();
        return event;
    }

    public static String streamOf(long ticketId) {
        return "ticket:" + ticketId;
    }

    public Changes changes() {
        return Changes.none();
    }

    private static AuditEvent link(String stream, Long ticketId, int lastSeq, String lastHash, Actor actor, AuditAction action,
                              String fromStatus, String toStatus, Changes changes) {
        AuditEvent event = new AuditEvent();
        event.stream = stream;
        event.seq = lastSeq + 1;
        event.ticketId = ticketId;
        // PostgreSQL keeps microseconds: hash exactly what it will store.
        event.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        event.actor = actor.subject();
        event.action = action.id;
        event.fromStatus = fromStatus;
        event.toStatus = toStatus;
        event.changes = changes.node;
        event.prevHash = lastHash;
        event.hash = AuditHash.event(event.stream, event.seq, ticketId, event.occurredAt, event.actor, event.action,
                fromStatus, toStatus, event.changes, event.prevHash);
        return event;
    }

    /** A page of the ticket's history, newest first. */
    public static Page<AuditEvent> history(long ticketId, KeysetRequest page) {
        return HISTORY.page("SELECT e.id FROM audit_event e WHERE e.stream = ?", List.of(streamOf(ticketId)), page,
                ids -> Entities.byIds(AuditEvent.class, ids), e -> e.id);
    }

    /** A ticket's history, newest first: its chain's seq, unique in the stream (the index of UNIQUE (stream, seq)). */
    private static final Keyset<AuditEvent> HISTORY = new Keyset<>("history",
            List.of(Keyset.Key.of("e.seq", "bigint", true, e -> e.seq)));

    /** Whether this person ever changed the ticket's reviewed content (claim, evidence, verdict draft). */
    public static boolean changedWork(long ticketId, String subject) {
        return !changedWork(List.of(ticketId), subject).isEmpty();
    }

    private static final String CHANGED_WORK = "SELECT DISTINCT ticket_id FROM audit_event"
            + " WHERE ticket_id = ANY(?) AND actor = ? AND action = ANY(?)";

    /**
     * Of these tickets, those whose reviewed content this person ever changed: one query for a whole page, in SQL
     * whose plan is kept (an entity query with id lists is translated anew each time); events this transaction
     * made through the entity path are flushed first, as the entity query would have done.
     */
    public static Set<Long> changedWork(Collection<Long> ticketIds, String subject) {
        if (ticketIds.isEmpty()) {
            return Set.of();
        }
        Panache.getEntityManager().flush();
        return Set.copyOf(Rows.longs(CHANGED_WORK, List.of(ticketIds.toArray(Long[]::new), subject,
                AuditAction.workIds().toArray(String[]::new))));
    }

    /**
     * What an event changed: {@code field: {before, after}} for edits, plain values for creations;
     * personal values only as commitments ({@link #personal}, {@link #personalValue}). Values are
     * kept as strings, numbers, booleans or arrays of those, so that their canonical JSON is the
     * same after a round trip through jsonb.
     */
    public static final class Changes {
        private final ObjectNode node;

        Changes(ObjectNode node) {
            this.node = node;
        }

        /** An empty record of changes, to fill. */
        public static Changes none() {
            return new Changes(JsonNodeFactory.instance.objectNode());
        }

        /** Records a field only if it changed. */
        public Changes field(String name, Object before, Object after) {
            JsonNode b = toJson(before);
            JsonNode a = toJson(after);
            if (!b.equals(a)) {
                ObjectNode change = node.putObject(name);
                change.set("before", b);
                change.set("after", a);
            }
            return this;
        }

        public Changes value(String name, Object value) {
            node.set(name, toJson(value));
            return this;
        }

        /**
         * Records a personal field only if it changed, as commitments rather than values:
         * {@code name: {before: {sha256}, after: {sha256}}}, null staying null (see {@link Commitments}).
         */
        public Changes personal(String name, byte[] salt, String before, String after) {
            if (!java.util.Objects.equals(before, after)) {
                ObjectNode change = node.putObject(name);
                change.set("before", commitment(salt, before));
                change.set("after", commitment(salt, after));
            }
            return this;
        }

        /** Records a personal value as its commitment {@code name: {sha256}}, or null. */
        public Changes personalValue(String name, byte[] salt, String value) {
            node.set(name, commitment(salt, value));
            return this;
        }

        public boolean isEmpty() {
            return node.isEmpty();
        }

        private JsonNode commitment(byte[] salt, String value) {
            return value == null ? node.nullNode() : node.objectNode().put("sha256", Commitments.sha256(salt, value));
        }

        private JsonNode toJson(Object value) {
            if (value == null) {
                return node.nullNode();
            } else if (value instanceof Long || value instanceof Integer) {
                return node.numberNode(((Number) value).longValue());
            } else if (value instanceof Boolean flag) {
                return node.booleanNode(flag);
            } else if (value instanceof Enum<?> constant) {
                return node.textNode(constant.name());
            } else if (value instanceof Object[] array) {
                return toJson(java.util.Arrays.asList(array));
            } else if (value instanceof java.util.Collection<?> items) {
                var array = node.arrayNode();
                items.forEach(item -> array.add(toJson(item)));
                return array;
            }
            return node.textNode(value.toString());
        }
    }
}
