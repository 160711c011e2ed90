package org.factdesk.ticket;

import jakarta.ws.rs.core.Response.Status;
import org.factdesk.common.Actor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import static org.factdesk.ticket.TicketStatus.APPROVED;
import static org.factdesk.ticket.TicketStatus.DISCARDED;
import static org.factdesk.ticket.TicketStatus.IN_PROGRESS;
import static org.factdesk.ticket.TicketStatus.IN_REVIEW;
import static org.factdesk.ticket.TicketStatus.OPEN;
import static org.factdesk.ticket.TicketStatus.PUBLISHED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lifecycle table of PRODUCT.md ("Ticket lifecycle") and its "reviewed content" rule, written
 * down again here as the specification, checked against {@link TicketPolicy} for every action ×
 * state × roles × ownership × the facts that matter (assignee, four-eyes, ever published,
 * scheduled). No HTTP, no database: milliseconds. Expected answers: allowed, 403 (who you are)
 * or 409 (the ticket's state) — the role is checked first, then the state, then ownership.
 */
class TicketPolicySpecTest {

    private static final String ME = "me";

    /** A caller and the facts of one case. */
    record Case(Set<String> roles, TicketStatus status, boolean assignee, boolean changedWork, boolean everPublished,
                boolean scheduled) {
        boolean has(String role) {
            return roles.contains(role);
        }

        boolean hasAny(String... wanted) {
            return Set.of(wanted).stream().anyMatch(roles::contains);
        }
    }

    /** One row of PRODUCT's table: from which states, under which condition, and who. */
    record Row(Set<TicketStatus> from, Predicate<Case> condition, Predicate<Case> roleAllows, Predicate<Case> ownerAllows) {
    }

    private static final Predicate<Case> ALWAYS = c -> true;

    private static final Map<String, Row> PRODUCT_TABLE = Map.ofEntries(
            Map.entry("claim", new Row(EnumSet.of(OPEN), ALWAYS, c -> c.has("factchecker"), ALWAYS)),
            Map.entry("assign", new Row(EnumSet.of(OPEN, IN_PROGRESS), ALWAYS, c -> c.has("editor"), ALWAYS)),
            Map.entry("release", new Row(EnumSet.of(IN_PROGRESS), ALWAYS, c -> c.hasAny("factchecker", "editor"),
                    c -> c.assignee() || c.has("editor"))),
            Map.entry("submit", new Row(EnumSet.of(IN_PROGRESS), ALWAYS, c -> c.hasAny("factchecker", "editor"),
                    Case::assignee)),
            Map.entry("request-changes", new Row(EnumSet.of(IN_REVIEW), ALWAYS, c -> c.has("reviewer"), ALWAYS)),
            Map.entry("approve", new Row(EnumSet.of(IN_REVIEW), ALWAYS, c -> c.has("reviewer"), c -> !c.changedWork())),
            Map.entry("withdraw-approval", new Row(EnumSet.of(APPROVED), ALWAYS, c -> c.hasAny("reviewer", "editor"), ALWAYS)),
            Map.entry("publish", new Row(EnumSet.of(APPROVED), ALWAYS, c -> c.has("editor"), ALWAYS)),
            Map.entry("schedule", new Row(EnumSet.of(APPROVED), ALWAYS, c -> c.has("editor"), ALWAYS)),
            Map.entry("cancel-schedule", new Row(EnumSet.of(APPROVED), Case::scheduled, c -> c.has("editor"), ALWAYS)),
            Map.entry("correct", new Row(EnumSet.of(PUBLISHED), ALWAYS, c -> c.has("editor"), ALWAYS)),
            Map.entry("retract", new Row(EnumSet.of(OPEN, IN_PROGRESS, IN_REVIEW, APPROVED, PUBLISHED), Case::everPublished,
                    c -> c.has("editor"), ALWAYS)),
            Map.entry("discard", new Row(EnumSet.of(OPEN, IN_PROGRESS, IN_REVIEW, APPROVED), c -> !c.everPublished(),
                    c -> c.has("editor"), ALWAYS)),
            Map.entry("reopen", new Row(EnumSet.of(DISCARDED), ALWAYS, c -> c.has("editor"), ALWAYS)));

    private static final List<Set<String>> ROLE_SETS = List.of(Set.of(), Set.of("factchecker"), Set.of("reviewer"),
            Set.of("editor"), Set.of("admin"), Set.of("reviewer", "factchecker"), Set.of("editor", "reviewer"));

    @Test
    void everyTransitionFollowsTheProductTable() {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Case c : cases()) {
            for (var entry : PRODUCT_TABLE.entrySet()) {
                TicketAction action = TicketAction.byPath(entry.getKey()).orElseThrow();
                Optional<Status> expected = expected(entry.getValue(), c);
                Optional<Status> actual = TicketPolicy.refusal(action, ticket(c), actor(c), c::changedWork)
                        .map(TicketPolicy.Refusal::status);
                checked++;
                if (!expected.equals(actual)) {
                    mismatches.add(entry.getKey() + " " + c + ": expected " + expected + ", policy says " + actual);
                }
            }
        }
        assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + checked + " cases differ, e.g.\n"
                + String.join("\n", mismatches.subList(0, Math.min(20, mismatches.size()))));
        assertEquals(PRODUCT_TABLE.size(), TicketAction.values().length - 1,
                "every action a client can take is in the product table (opening comes with a new claim)");
    }

    @Test
    void reviewedContentChangesOnlyWhileOpenOrInProgressAndTriageIsTheEditors() {
        List<String> mismatches = new ArrayList<>();
        for (Case c : cases()) {
            for (TicketPolicy.Part part : TicketPolicy.Part.values()) {
                Optional<Status> expected = expectedEdit(part, c);
                Optional<Status> actual = TicketPolicy.editRefusal(part, ticket(c), actor(c)).map(TicketPolicy.Refusal::status);
                if (!expected.equals(actual)) {
                    mismatches.add(part + " " + c + ": expected " + expected + ", policy says " + actual);
                }
            }
        }
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches.subList(0, Math.min(20, mismatches.size()))));
    }

    @Test
    void permissionsListExactlyWhatThePolicyAllows() {
        for (Case c : cases()) {
            TicketPolicy.Permissions permissions = TicketPolicy.permissions(ticket(c), actor(c), c.changedWork());
            for (var entry : PRODUCT_TABLE.entrySet()) {
                assertEquals(expected(entry.getValue(), c).isEmpty(), permissions.actions().contains(entry.getKey()),
                        entry.getKey() + " " + c);
            }
            assertEquals(expectedEdit(TicketPolicy.Part.CLAIM, c).isEmpty(), permissions.edit().claim(), c.toString());
            assertEquals(expectedEdit(TicketPolicy.Part.EVIDENCE, c).isEmpty(), permissions.edit().evidence(), c.toString());
            assertEquals(expectedEdit(TicketPolicy.Part.VERDICT, c).isEmpty(), permissions.edit().verdict(), c.toString());
            assertEquals(expectedEdit(TicketPolicy.Part.TRIAGE, c).isEmpty(), permissions.edit().triage(), c.toString());
        }
    }

    @Test
    void theAnswerNamesTheWayBackWhenContentIsFrozen() {
        Case inReview = new Case(Set.of("factchecker"), IN_REVIEW, true, false, false, false);
        Case approved = new Case(Set.of("editor"), APPROVED, false, false, false, false);
        assertTrue(TicketPolicy.editRefusal(TicketPolicy.Part.CLAIM, ticket(inReview), actor(inReview)).orElseThrow()
                .reason().contains("'request-changes'"));
        assertTrue(TicketPolicy.editRefusal(TicketPolicy.Part.EVIDENCE, ticket(approved), actor(approved)).orElseThrow()
                .reason().contains("'withdraw-approval'"));
    }

    private static Optional<Status> expected(Row row, Case c) {
        if (!row.roleAllows().test(c)) {
            return Optional.of(Status.FORBIDDEN);
        }
        if (!row.from().contains(c.status()) || !row.condition().test(c)) {
            return Optional.of(Status.CONFLICT);
        }
        return row.ownerAllows().test(c) ? Optional.empty() : Optional.of(Status.FORBIDDEN);
    }

    /** PRODUCT's "reviewed content" rule, and triage as editors' work on unfinished tickets. */
    private static Optional<Status> expectedEdit(TicketPolicy.Part part, Case c) {
        Set<TicketStatus> unfinished = EnumSet.of(OPEN, IN_PROGRESS, IN_REVIEW, APPROVED);
        if (part == TicketPolicy.Part.TRIAGE) {
            return !c.has("editor") ? Optional.of(Status.FORBIDDEN)
                    : unfinished.contains(c.status()) ? Optional.empty() : Optional.of(Status.CONFLICT);
        }
        if (!c.assignee() && !c.has("editor")) {
            return Optional.of(Status.FORBIDDEN);
        }
        boolean open = c.status() == IN_PROGRESS || (c.status() == OPEN && part == TicketPolicy.Part.CLAIM);
        return open ? Optional.empty() : Optional.of(Status.CONFLICT);
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Set<String> roles : ROLE_SETS) {
            for (TicketStatus status : TicketStatus.values()) {
                for (boolean assignee : new boolean[]{false, true}) {
                    for (boolean changedWork : new boolean[]{false, true}) {
                        for (boolean published : new boolean[]{false, true}) {
                            for (boolean scheduled : new boolean[]{false, true}) {
                                cases.add(new Case(roles, status, assignee, changedWork, published, scheduled));
                            }
                        }
                    }
                }
            }
        }
        return cases;
    }

    private static Ticket ticket(Case c) {
        Ticket ticket = new Ticket();
        ticket.id = 1L;
        ticket.status = c.status();
        ticket.assignee = c.assignee() ? ME : "someone-else";
        ticket.publishedVersions = c.everPublished() ? 1 : 0;
        ticket.publishAt = c.scheduled() ? java.time.Instant.parse("2030-01-01T00:00:00Z") : null;
        return ticket;
    }

    private static Actor actor(Case c) {
        return new Actor(ME, c.roles());
    }
}
