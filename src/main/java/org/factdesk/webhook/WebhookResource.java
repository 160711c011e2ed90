package org.factdesk.webhook;

import org.factdesk.common.TargetGuard;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditLog;
import org.factdesk.common.CurrentActor;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.Problems;
import org.factdesk.common.Roles;
import org.factdesk.desk.DeskSettings;

import java.time.Instant;
import java.util.List;

/** Webhook endpoints and their deliveries: admins only. */
@Path("/api/webhooks")
@RolesAllowed(Roles.ADMIN)
@Transactional
public class WebhookResource {

    @Inject
    AuditLog audit;

    @Inject
    CurrentActor actor;

    public record EndpointRequest(@NotBlank @HttpUrl String url, @NotEmpty List<@NotBlank String> events) {
    }

    /** {@code secret} is only ever shown in the answer to the creation. */
    public record EndpointView(Long id, String url, List<String> events, boolean active, Instant createdAt, String secret) {
        static EndpointView of(WebhookEndpoint e, boolean withSecret) {
            return new EndpointView(e.id, e.url, List.of(e.events), e.active, e.createdAt, withSecret ? e.secret : null);
        }
    }

    public record DeliveryView(Long id, String messageId, String eventType, long ticketId, String status, int attempts,
                               Instant nextAttemptAt, Integer lastStatus, String lastError, Instant createdAt,
                               Instant deliveredAt) {
        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.id, d.messageId, d.eventType, d.ticketId, d.status.name(), d.attempts,
                    d.nextAttemptAt, d.lastStatus, d.lastError, d.createdAt, d.deliveredAt);
        }
    }

    @POST
    public Response register(@Valid @NotNull EndpointRequest request) {
        for (String event : request.events()) {
            if (!WebhookOutbox.EVENTS.contains(event)) {
                throw Problems.badRequest("Field 'events': '" + event + "' is not one of " + WebhookOutbox.EVENTS + ".");
            }
        }
        TargetGuard.system().refusal(request.url(), DeskSettings.get().allowPrivateWebhookTargets).ifPresent(reason -> {
            throw Problems.badRequest("Field 'url' is refused: " + reason + ".");
        });
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.url = request.url();
        endpoint.events = request.events().stream().distinct().toArray(String[]::new);
        endpoint.secret = WebhookSignature.newSecret();
        endpoint.active = true;
        endpoint.createdAt = Instant.now();
        endpoint.createdBy = actor.get().subject();
        endpoint.persistAndFlush();
        audit.desk(actor.get(), AuditAction.WEBHOOK_REGISTERED, audit.changes().value("endpointId", endpoint.id)
                .value("url", endpoint.url).value("events", endpoint.events));
        return Response.status(Response.Status.CREATED).entity(EndpointView.of(endpoint, true)).build();
    }

    @GET
    public List<EndpointView> list() {
        return WebhookEndpoint.<WebhookEndpoint>list("order by id").stream().map(e -> EndpointView.of(e, false)).toList();
    }

    /** Stops deliveries to the endpoint; what was sent stays visible. */
    @DELETE
    @Path("{id}")
    public Response deactivate(@PathParam("id") long id) {
        WebhookEndpoint endpoint = endpoint(id);
        endpoint.active = false;
        audit.desk(actor.get(), AuditAction.WEBHOOK_DEACTIVATED, audit.changes().value("endpointId", id));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    public List<DeliveryView> deliveries(@PathParam("id") long id) {
        endpoint(id);
        return WebhookDelivery.<WebhookDelivery>list("endpointId = ?1 order by id desc", id).stream()
                .limit(200).map(DeliveryView::of).toList();
    }

    /** Sends a delivery again (failed or not), with the same webhook-id; never to a deactivated endpoint. */
    @POST
    @Path("deliveries/{deliveryId}/resend")
    public DeliveryView resend(@PathParam("deliveryId") long deliveryId) {
        WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
        if (delivery == null) {
            throw Problems.notFound("Delivery", deliveryId);
        }
        if (!endpoint(delivery.endpointId).active) {
            throw Problems.conflict("Endpoint deactivated", "Delivery " + deliveryId
                    + " belongs to a deactivated webhook endpoint; nothing is sent to it any more.");
        }
        delivery.status = WebhookDelivery.Status.PENDING;
        delivery.nextAttemptAt = Instant.now();
        // A send still in flight under the old lease no longer records its outcome.
        delivery.leaseUntil = null;
        delivery.leaseToken = null;
        audit.desk(actor.get(), AuditAction.WEBHOOK_RESEND, audit.changes().value("deliveryId", deliveryId));
        return DeliveryView.of(delivery);
    }

    private static WebhookEndpoint endpoint(long id) {
        WebhookEndpoint endpoint = WebhookEndpoint.findById(id);
        if (endpoint == null) {
            throw Problems.notFound("Webhook endpoint", id);
        }
        return endpoint;
    }
}
