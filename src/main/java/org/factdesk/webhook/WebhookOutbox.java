package org.factdesk.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.factdesk.common.FactdeskConfig;
import org.factdesk.publishing.FactCheckPage;
import org.factdesk.ticket.Ticket;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Writes webhook deliveries in the caller's transaction: a publication, correction or
 * retraction and the messages announcing it commit together, so a crash loses neither.
 */
@ApplicationScoped
public class WebhookOutbox {

    public static final String PUBLISHED = "fact-check.published";
    public static final String CORRECTED = "fact-check.corrected";
    public static final String RETRACTED = "fact-check.retracted";
    public static final List<String> EVENTS = List.of(PUBLISHED, CORRECTED, RETRACTED);

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    FactdeskConfig config;

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String event, Ticket ticket, int version, String headline, Instant at) {
        List<WebhookEndpoint> endpoints = WebhookEndpoint.list("active", true);
        for (WebhookEndpoint endpoint : endpoints) {
            if (!Arrays.asList(endpoint.events).contains(event)) {
                continue;
            }
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.endpointId = endpoint.id;
            delivery.messageId = "msg_" + UUID.randomUUID();
            delivery.eventType = event;
            delivery.ticketId = ticket.id;
            delivery.body = body(event, ticket, version, headline, at);
            delivery.status = WebhookDelivery.Status.PENDING;
            delivery.nextAttemptAt = at;
            delivery.createdAt = at;
            delivery.persist();
        }
    }

    private String body(String event, Ticket ticket, int version, String headline, Instant at) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", event);
        body.put("timestamp", at.toString());
        ObjectNode data = body.putObject("data");
        data.put("id", ticket.id);
        data.put("version", version);
        data.put("headline", headline);
        data.put("url", config.publisher().baseUrl() + FactCheckPage.path(ticket.id, headline));
        if (RETRACTED.equals(event)) {
            data.put("reason", ticket.reason);
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
