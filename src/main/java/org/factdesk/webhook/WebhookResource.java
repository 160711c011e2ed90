package org.factdesk.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.KeysetRequest;
import org.factdesk.common.Limits;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Roles;

/** Webhook endpoints and their deliveries: admins only. */
@Path("/api/webhooks")
@RolesAllowed(Roles.ADMIN)
public class WebhookResource {

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    CurrentActor actor;

    /** As many events as there are kinds ({@link WebhookOutbox#EVENTS}), each name longer than none of theirs. */
    static final int MAX_EVENTS = 3;
    static final int EVENT_NAME_MAX = 32;
    /** Active endpoints a desk may have (more is a 409). */
    static final int MAX_ACTIVE = 100;
    /** "msg_" and a UUID. */
    static final int MESSAGE_ID_LENGTH = 40;

    /** {@code lastStatus}: the receiver's HTTP status; {@code attempts} grows with every resend. */
    @POST
    public Response register(@Valid @NotNull EndpointRequest request) {
        return Response.status(Response.Status.CREATED).entity(endpoints.register(actor.get(), request)).build();
    }

    /** Active endpoints first, then the newest deactivated ones. */
    @GET
    public Page<EndpointView> list(@Valid @BeanParam PageRequest page) {
        return endpoints.page(page);
    }

    /** Stops deliveries to the endpoint; what was sent stays visible. */
    @DELETE
    @Path("{id}")
    public Response deactivate(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id) {
        endpoints.deactivate(actor.get(), id);
        return Response.noContent().build();
    }

    /** The endpoint's deliveries, newest first; {@code next} pages on to older ones. */
    @GET
    @Path("{id}/deliveries")
    public Page<DeliveryView> deliveries(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id,
                                         @Valid @BeanParam KeysetRequest page) {
        return endpoints.deliveries(id, page);
    }

    /** Sends a delivery again (failed or not), with the same webhook-id; never to a deactivated endpoint. */
    @POST
    @Path("deliveries/{deliveryId}/resend")
    public DeliveryView resend(@PathParam("deliveryId") @Min(1) @Max(Limits.ID_MAX) long deliveryId) {
        return endpoints.resend(actor.get(), deliveryId);
    }
}
