package org.factdesk.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.audit.AuditAction;
import org.factdesk.audit.AuditLog;
import org.factdesk.common.Actor;
import org.factdesk.common.Entities;
import org.factdesk.common.Keyset;
import org.factdesk.common.KeysetRequest;
import org.factdesk.common.Page;
import org.factdesk.common.PageRequest;
import org.factdesk.common.Problems;
import org.factdesk.desk.DeskSettings;
import org.factdesk.outbound.TargetGuard;

import java.time.Instant;
import java.util.List;

import static org.factdesk.webhook.WebhookResource.MAX_ACTIVE;

/** The desk's webhook endpoints: registered, listed and deactivated by admins, deliveries resent; all audited. */
@ApplicationScoped
public class WebhookEndpoints {

    @Inject
    AuditLog audit;

    /** The new endpoint with its secret, shown this once. */
    @Transactional
    public EndpointView register(Actor actor, EndpointRequest request) {
        for (String event : request.events()) {
            if (!WebhookOutbox.EVENTS.contains(event)) {
                throw Problems.badRequest("Field 'events': '" + event + "' is not one of " + WebhookOutbox.EVENTS + ".");
            }
        }
        if (WebhookEndpoint.count("active", true) >= MAX_ACTIVE) {
            throw Problems.conflict("Endpoint limit reached", "The desk has " + MAX_ACTIVE
                    + " active webhook endpoints, the most it may have; deactivate one first.");
        }
        refuseForbiddenTarget("url", request.url());
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.url = request.url();
        endpoint.events = request.events().stream().distinct().toArray(String[]::new);
        endpoint.secret = WebhookSignature.newSecret();
        endpoint.active = true;
        endpoint.createdAt = Instant.now();
        endpoint.createdBy = actor.subject();
        endpoint.persistAndFlush();
        audit.desk(actor, AuditAction.WEBHOOK_REGISTERED, audit.changes().value("endpointId", endpoint.id)
                .value("url", endpoint.url).value("events", endpoint.events));
        return EndpointView.of(endpoint, true);
    }

    /**
     * A 400 for a URL the desk must never call (loopback, private and other special-purpose addresses,
     * unless the desk allows them): checked when a partner's URL is accepted, and again by every call.
     */
    public static void refuseForbiddenTarget(String field, String url) {
        TargetGuard.system().refusal(url, DeskSettings.get().allowPrivateWebhookTargets).ifPresent(reason -> {
            throw Problems.badRequest("Field '" + field + "' is refused: " + reason + ".");
        });
    }

    /** Active endpoints first, then the newest deactivated ones. */
    @Transactional
    public Page<EndpointView> page(PageRequest page) {
        return Page.of(WebhookEndpoint.<WebhookEndpoint>find("order by active desc, id desc"), page)
                .map(e -> EndpointView.of(e, false));
    }

    /** Stops deliveries to the endpoint; what was sent stays visible. */
    @Transactional
    public void deactivate(Actor actor, long id) {
        WebhookEndpoint endpoint = endpoint(id);
        endpoint.active = false;
        audit.desk(actor, AuditAction.WEBHOOK_DEACTIVATED, audit.changes().value("endpointId", id));
    }

    /** Newest first: an endpoint's deliveries only grow, so they page by key as well. */
    @Transactional
    public Page<DeliveryView> deliveries(long id, KeysetRequest page) {
        endpoint(id);
        return DELIVERIES.page("SELECT d.id FROM webhook_delivery d WHERE d.endpoint_id = ?", List.of(id), page,
                ids -> Entities.byIds(WebhookDelivery.class, ids), d -> d.id).map(DeliveryView::of);
    }

    private static final Keyset<WebhookDelivery> DELIVERIES = new Keyset<>("deliveries",
            List.of(Keyset.Key.of("d.id", "bigint", true, d -> d.id)));

    /** Sends a delivery again (failed or not), with the same webhook-id; never to a deactivated endpoint. */
    @Transactional
    public DeliveryView resend(Actor actor, long deliveryId) {
        WebhookDelivery delivery = WebhookDelivery.<WebhookDelivery>findByIdOptional(deliveryId)
                .orElseThrow(() -> Problems.notFound("Delivery", deliveryId));
        if (!endpoint(delivery.endpointId).active) {
            throw Problems.conflict("Endpoint deactivated", "Delivery " + deliveryId
                    + " belongs to a deactivated webhook endpoint; nothing is sent to it any more.");
        }
        delivery.status = WebhookDelivery.Status.PENDING;
        delivery.nextAttemptAt = Instant.now();
        // A send still in flight under the old lease no longer records its outcome.
        delivery.leaseUntil = null;
        delivery.leaseToken = null;
        audit.desk(actor, AuditAction.WEBHOOK_RESEND, audit.changes().value("deliveryId", deliveryId));
        return DeliveryView.of(delivery);
    }

    private static WebhookEndpoint endpoint(long id) {
        return WebhookEndpoint.<WebhookEndpoint>findByIdOptional(id)
                .orElseThrow(() -> Problems.notFound("Webhook endpoint", id));
    }
}
