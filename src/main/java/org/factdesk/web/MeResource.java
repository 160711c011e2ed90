package org.factdesk.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.factdesk.intake.ArticleResource;
import org.factdesk.workflow.ClaimResource;
import org.factdesk.common.Actor;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.Roles;
import org.factdesk.deskmetrics.MetricsPolicy;
import org.factdesk.desk.DeskSettingsResource;
import org.factdesk.intake.IntakeResource;
import org.factdesk.priorreview.PriorReviewResource;
import org.factdesk.ticket.TicketAction;
import org.factdesk.ticket.TicketPolicy;
import org.factdesk.tip.TipPolicy;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Who the caller is and what they may do at desk level, so that the web app shows its screens and
 * controls from the server's rules instead of a copy of them. Each answer comes from where the
 * rule lives: the transition table and ticket policy, or the roles the endpoint itself declares.
 */
@Path("/api/me")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class MeResource {

    private static final Set<String> CREATE_CLAIMS = rolesOf(ClaimResource.class, "create");
    private static final Set<String> POST_ARTICLES = rolesOf(ArticleResource.class, "create");
    private static final Set<String> ACCEPT_CANDIDATES = rolesOf(IntakeResource.class, "accept");
    private static final Set<String> ADMINISTER = rolesOf(DeskSettingsResource.class, "update");
    private static final Set<String> MARK_DUPLICATES = rolesOf(ClaimResource.class, "markDuplicate");
    private static final Set<String> IMPORT_PRIOR_REVIEWS = rolesOf(PriorReviewResource.class, "importUrl");

    @Inject
    CurrentActor current;

    @GET
    public MeView me() {
        Actor actor = current.get();
        List<String> deskRoles = actor.roles().stream().filter(Roles.DESK::contains).sorted().toList();
        return new MeView(actor.subject(), deskRoles, new DeskPermissions(
                TicketPolicy.roleRefusal(TicketAction.CLAIM, actor).isEmpty(),
                actor.hasAny(CREATE_CLAIMS),
                actor.hasAny(POST_ARTICLES),
                actor.hasAny(ACCEPT_CANDIDATES),
                TicketPolicy.triageRoleRefusal(actor).isEmpty(),
                TicketPolicy.roleRefusal(TicketAction.APPROVE, actor).isEmpty(),
                TicketPolicy.roleRefusal(TicketAction.PUBLISH, actor).isEmpty(),
                actor.hasAny(ADMINISTER),
                actor.hasAny(MARK_DUPLICATES),
                actor.hasAny(IMPORT_PRIOR_REVIEWS),
                TipPolicy.roleRefusal(actor).isEmpty(),
                MetricsPolicy.seesDesk(actor)));
    }

    /** The roles an endpoint method declares (or, without its own, its class). */
    static Set<String> rolesOf(Class<?> resource, String method) {
        Method found = Arrays.stream(resource.getMethods()).filter(m -> m.getName().equals(method)).findFirst()
                .orElseThrow(() -> new IllegalStateException(resource.getSimpleName() + " has no method " + method));
        RolesAllowed roles = found.getAnnotation(RolesAllowed.class);
        if (roles == null) {
            roles = resource.getAnnotation(RolesAllowed.class);
        }
        return Set.of(roles.value());
    }
}
