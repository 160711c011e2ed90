package org.factdesk.tip;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditLog;
import org.factdesk.common.Actor;
import org.factdesk.common.Entities;
import org.factdesk.common.FactdeskConfig;
import org.factdesk.common.Keyset;
import org.factdesk.common.KeysetRequest;
import org.factdesk.common.Page;
import org.factdesk.common.Problems;
import org.factdesk.desk.DeskSettings;
import org.factdesk.ticket.Ticket;
import org.factdesk.ticket.TicketStatus;
import org.factdesk.workflow.ClaimService;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The desk's tips inbox: groups of the public's tips listed and read by every desk role, and handled
 * once by an editor (turned into a claim, attached to one, or dismissed), each change with its audit
 * event in the same transaction. Answers counts and words, never who asked.
 */
@ApplicationScoped
@Transactional
public class TipInbox {

    /** Which groups a list shows: still to handle, attached to a claim, or not taken up. */
    public enum State {
        OPEN("g.claim_id IS NULL AND g.dismissed_at IS NULL"),
        ATTACHED("g.claim_id IS NOT NULL"),
        DISMISSED("g.dismissed_at IS NOT NULL");

        final String where;

        State(String where) {
            this.where = where;
        }

        public static State of(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }

        static State of(TipGroup group) {
            return group.claimId != null ? ATTACHED : group.dismissedAt != null ? DISMISSED : OPEN;
        }

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Most recently asked first (the index tip_group_open, and V16's for the other states). */
    private static final Keyset<TipGroup> LATEST_ASKED = new Keyset<>("tips", List.of(
            Keyset.Key.of("g.last_at", "timestamptz", true, g -> g.lastAt),
            Keyset.Key.of("g.id", "bigint", true, g -> g.id)));

    @Inject
    ClaimService claims;

    @Inject
    AuditLog audit;

    @Inject
    TipAnswers answers;

    @Inject
    FactdeskConfig config;

    public Page<TipGroupView> page(State state, KeysetRequest request, Actor actor) {
        Page<TipGroup> page = LATEST_ASKED.page("SELECT g.id FROM tip_group g WHERE " + state.where, List.of(), request,
                ids -> Entities.byIds(TipGroup.class, ids), g -> g.id);
        Views views = views(page.items(), actor);
        return page.map(views::of);
    }

    public TipGroupDetailView get(long groupId, Actor actor) {
        TipGroup group = group(groupId, LockModeType.NONE);
        List<TipView> tips = Tip.<Tip>find("groupId = ?1 order by receivedAt desc, id desc", groupId)
                .range(0, TipGroupDetailView.TIPS_MAX - 1).list().stream().map(TipView::of).toList();
        return new TipGroupDetailView(views(List.of(group), actor).of(group), tips);
    }

    /**
     * Turns an open group into a claim: the claim and its ticket open through the door, the group points at
     * the claim (its later tips too), and the ticket's chain records how many asked.
     */
    public TipGroupView createClaim(long groupId, Actor actor, TipClaimRequest request) {
        TipGroup group = handle(groupId, actor);
        Ticket ticket = claims.create(actor, request.toClaimRequest());
        attach(group, ticket, actor);
        return views(List.of(group), actor).of(group);
    }

    /** Attaches an open group to an existing claim that the desk has not discarded. */
    public TipGroupView attach(long groupId, Actor actor, AttachRequest request) {
        TipGroup group = handle(groupId, actor);
        Ticket ticket = Ticket.lock(claims.ticketOf(request.claimId()).id);
        if (ticket.status == TicketStatus.DISCARDED) {
            throw Problems.conflict("Claim is discarded", "Claim " + request.claimId() + "'s ticket " + ticket.id
                    + " is discarded; reopen it or turn the group into a new claim.");
        }
        attach(group, ticket, actor);
        return views(List.of(group), actor).of(group);
    }

    /** Dismisses an open group (not taken up): its requesters' status pages say so; the desk chain records it. */
    public TipGroupView dismiss(long groupId, Actor actor, DismissRequest request) {
        TipGroup group = handle(groupId, actor);
        group.dismissedAt = now();
        group.dismissedBy = actor.subject();
        audit.desk(actor, AuditAction.TIPS_DISMISSED, audit.changes().value("groupId", group.id)
                .value("asked", group.tipCount).value("reason", request == null ? null : request.reason()));
        return views(List.of(group), actor).of(group);
    }

    /** How many asked about the ticket's claim, over all groups attached to it, and the priority that suggests. */
    public AskedView asked(long ticketId) {
        Ticket ticket = Ticket.get(ticketId);
        Object[] row = (Object[]) Panache.getEntityManager().createNativeQuery(
                        "SELECT coalesce(sum(tip_count), 0), min(first_at), max(last_at) FROM tip_group WHERE claim_id = :claim")
                .setParameter("claim", ticket.claim.id).getSingleResult();
        long asked = ((Number) row[0]).longValue();
        return new AskedView(asked, instant(row[1]), instant(row[2]),
                AskedPriority.suggest(asked, config.tips()).orElse(null));
    }

    /**
     * The group, locked for the change (the intake locks it too before counting a tip in), once the
     * policy lets this person handle it now.
     */
    private TipGroup handle(long groupId, Actor actor) {
        TipPolicy.roleRefusal(actor).ifPresent(reason -> {
            throw Problems.forbidden(reason + ".");
        });
        TipGroup group = group(groupId, LockModeType.PESSIMISTIC_WRITE);
        TipPolicy.refusal(group, actor).ifPresent(problem -> {
            throw problem;
        });
        return group;
    }

    private void attach(TipGroup group, Ticket ticket, Actor actor) {
        group.claimId = ticket.claim.id;
        group.attachedAt = now();
        group.attachedBy = actor.subject();
        audit.ticket(actor, ticket, AuditAction.TICKET_ASKED, null, null,
                audit.changes().value("groupId", group.id).value("asked", group.tipCount));
        group.flush();
        answers.answerGroup(group.id); // a claim already out: its fact-check answers them now
    }

    private static TipGroup group(long id, LockModeType lock) {
        return TipGroup.<TipGroup>findByIdOptional(id, lock).orElseThrow(() -> Problems.notFound("Group", id));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        } else if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    /** The start of the current week (Monday, 00:00) in the desk's time zone: "asked N times since Monday". */
    static Instant weekStart(ZoneId zone, Instant now) {
        return LocalDate.ofInstant(now, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(zone).toInstant();
    }

    /** What a page of groups shows beside their own columns, read in two queries for the whole page. */
    private Views views(List<TipGroup> groups, Actor actor) {
        Instant from = weekStart(DeskSettings.get().zone(), Instant.now());
        Map<Long, Stats> stats = stats(groups.stream().map(g -> g.id).toList(), from);
        Set<Long> claimIds = new HashSet<>();
        groups.forEach(g -> Stream.of(g.claimId, g.suggestedClaimId).filter(Objects::nonNull).forEach(claimIds::add));
        return new Views(from, stats, tickets(claimIds), actor);
    }

    private record Stats(int askedSince, int autoAnswered, List<String> channels) {
        static final Stats NONE = new Stats(0, 0, List.of());
    }

    private record ClaimTicket(long ticketId, TicketStatus status) {
    }

    private record Views(Instant from, Map<Long, Stats> stats, Map<Long, ClaimTicket> tickets, Actor actor) {

        TipGroupView of(TipGroup g) {
            Stats s = stats.getOrDefault(g.id, Stats.NONE);
            return new TipGroupView(g.id, g.text, g.language, State.of(g).label(), g.tipCount, g.firstAt, g.lastAt,
                    new TipGroupView.AskedSince(from, s.askedSince()), link(g.suggestedClaimId, g.suggestedSimilarity),
                    link(g.claimId, null), g.attachedAt, g.dismissedAt, s.autoAnswered(), s.channels(),
                    TipPolicy.permissions(g, actor));
        }

        private TipGroupView.ClaimLink link(Long claimId, Float similarity) {
            ClaimTicket ticket = claimId == null ? null : tickets.get(claimId);
            return ticket == null ? null : new TipGroupView.ClaimLink(claimId, ticket.ticketId(), ticket.status(), similarity);
        }
    }

    private static Map<Long, Stats> stats(Collection<Long> groupIds, Instant from) {
        Map<Long, Stats> stats = new HashMap<>();
        if (groupIds.isEmpty()) {
            return stats;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        SELECT group_id, count(*) FILTER (WHERE received_at >= :from),
                               count(*) FILTER (WHERE auto_answered_claim_id IS NOT NULL),
                               string_agg(DISTINCT channel, ' ' ORDER BY channel)
                        FROM tip WHERE group_id IN (:ids) GROUP BY group_id""")
                .setParameter("from", from).setParameter("ids", new ArrayList<>(groupIds)).getResultList();
        for (Object[] row : rows) {
            // Channel names hold no spaces (web, email, tip_channel.name's pattern).
            List<String> channels = Arrays.stream(((String) row[3]).split(" ")).limit(TipGroupView.CHANNELS_MAX).toList();
            stats.put(((Number) row[0]).longValue(),
                    new Stats(((Number) row[1]).intValue(), ((Number) row[2]).intValue(), channels));
        }
        return stats;
    }

    private static Map<Long, ClaimTicket> tickets(Collection<Long> claimIds) {
        Map<Long, ClaimTicket> tickets = new HashMap<>();
        if (claimIds.isEmpty()) {
            return tickets;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                        "SELECT t.claim_id, t.id, t.status FROM ticket t WHERE t.claim_id IN (:ids)")
                .setParameter("ids", new ArrayList<>(claimIds)).getResultList();
        for (Object[] row : rows) {
            tickets.put(((Number) row[0]).longValue(),
                    new ClaimTicket(((Number) row[1]).longValue(), TicketStatus.valueOf((String) row[2])));
        }
        return tickets;
    }
}
