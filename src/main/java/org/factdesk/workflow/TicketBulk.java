package org.factdesk.workflow;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.factdesk.common.Actor;
import org.factdesk.common.DatabaseProblems;
import org.factdesk.common.Problems;
import org.factdesk.ticket.TicketAction;
import org.factdesk.ticket.TicketPolicy;
import org.factdesk.ticket.TicketView;
import org.factdesk.ticket.TransitionRequest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Bulk actions for editors: one action on many tickets, each through the same door as a single
 * request (the assign and discard transitions, triage for the priority) and in its own
 * transaction, so that a ticket refused (its state, a stale read, another editor's change) leaves
 * the others done.
 *
 * <p>Who may: the policy's role rules for the action ({@link TicketPolicy#roleRefusal},
 * {@link TicketPolicy#triageRoleRefusal}) are checked once for the whole request, which is refused
 * with 403 before any ticket is touched when the caller's roles can never take the action (a
 * fact-checker, a reviewer, an admin). Everything that depends on one ticket is answered per ticket.
 */
@ApplicationScoped
public class TicketBulk {

    @Inject
    TicketService tickets;

    @Inject
    TicketEndpoints endpoints;

    public BulkView apply(BulkRequest request, Actor actor) {
        validate(request);
        roleRefusal(request.action(), actor).ifPresent(reason -> {
            throw Problems.forbidden(reason);
        });
        List<BulkResultView> results = new ArrayList<>();
        int done = 0;
        for (long id : request.ticketIds()) {
            BulkResultView result = one(id, request, actor);
            results.add(result);
            done += result.ok() ? 1 : 0;
        }
        return new BulkView(results, done, results.size() - done);
    }

    private BulkResultView one(long id, BulkRequest request, Actor actor) {
        try {
            TicketView ticket = QuarkusTransaction.requiringNew().call(() -> switch (request.action()) {
                case ASSIGN -> endpoints.transition(id, TicketAction.ASSIGN, actor,
                        new TransitionRequest(request.assignee(), null, null, null));
                case DISCARD -> endpoints.transition(id, TicketAction.DISCARD, actor,
                        new TransitionRequest(null, null, request.reason().strip(), null));
                case PRIORITY -> {
                    tickets.setPriority(id, actor, request.priority());
                    yield endpoints.get(id, actor);
                }
            });
            return new BulkResultView(id, true, ticket, null);
        } catch (RuntimeException e) {
            return new BulkResultView(id, false, null, problem(id, e));
        }
    }

    /** The problem the single request would have answered: its own, or the one a database failure stands for. */
    private static BulkProblemView problem(long id, RuntimeException thrown) {
        for (Throwable e = thrown; e != null && e.getCause() != e; e = e.getCause()) {
            if (e instanceof HttpProblem problem) {
                return new BulkProblemView(problem.getStatusCode(), problem.getTitle(), problem.getDetail());
            }
            if (e instanceof WebApplicationException web) {
                return new BulkProblemView(web.getResponse().getStatus(), web.getResponse().getStatusInfo().getReasonPhrase(),
                        null);
            }
        }
        return DatabaseProblems.of(thrown)
                .map(problem -> new BulkProblemView(problem.getStatusCode(), problem.getTitle(), problem.getDetail()))
                .orElseGet(() -> {
                    Log.errorf(thrown, "Bulk action on ticket %d failed", id);
                    return new BulkProblemView(500, "Not done", "Ticket " + id + " could not be changed; nothing of it was saved.");
                });
    }

    private static Optional<String> roleRefusal(BulkAction action, Actor actor) {
        return switch (action) {
            case ASSIGN -> TicketPolicy.roleRefusal(TicketAction.ASSIGN, actor);
            case DISCARD -> TicketPolicy.roleRefusal(TicketAction.DISCARD, actor);
            case PRIORITY -> TicketPolicy.triageRoleRefusal(actor);
        };
    }

    private static void validate(BulkRequest request) {
        if (new HashSet<>(request.ticketIds()).size() != request.ticketIds().size()) {
            throw Problems.badRequest("Field 'ticketIds' names a ticket more than once.");
        }
        switch (request.action()) {
            case ASSIGN -> {
                if (request.assignee() == null || request.assignee().isBlank()) {
                    throw Problems.badRequest("Action ASSIGN needs an 'assignee'.");
                }
            }
            case PRIORITY -> {
                if (request.priority() == null) {
                    throw Problems.badRequest("Action PRIORITY needs a 'priority'.");
                }
            }
            case DISCARD -> {
                if (request.reason() == null || request.reason().isBlank()) {
                    throw Problems.badRequest("Action DISCARD needs a 'reason'.");
                }
            }
        }
    }
}
