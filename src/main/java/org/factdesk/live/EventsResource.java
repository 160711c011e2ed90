package org.factdesk.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.factdesk.common.Roles;

import java.time.Duration;
import java.time.Instant;

/**
 * Live updates for open screens, as server-sent events: {@code ready} once, {@code ticket} for
 * each change of any ticket, {@code resync} when changes may have been missed, and comments to
 * keep the connection open. Clients send their bearer token in the Authorization header (a fetch
 * based client; never a token in the URL). The stream ends when the token expires, so a client
 * reconnects with a fresh one and a revoked sign-in stops receiving.
 */
@Path("/api/events")
@RolesAllowed({Roles.FACTCHECKER, Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class EventsResource {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    /**
     * One event as sent: its {@code event:} line and a {@code data:} line holding an empty object or one {@link TicketChange}
     * (a bigint id, an audit action, a status, a token subject of at most 255 characters and a time).
     */
    static final int EVENT_MAX = 1024;

    @Inject
    ChangeFeed feed;

    @Inject
    JsonWebToken token;

    @Inject
    ObjectMapper json;

    @Context
    Sse sse;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @APIResponse(responseCode = "200", description = "Server-sent events until the token expires: ready, ticket (one"
            + " ticket change as JSON), resync, and keep-alive comments. The schema is one event.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(type = SchemaType.STRING, maxLength = EVENT_MAX)))
    public Multi<OutboundSseEvent> stream() {
        Duration untilExpiry = Duration.between(Instant.now(), Instant.ofEpochSecond(token.getExpirationTime()));
        Multi<OutboundSseEvent> ready = Multi.createFrom().item(() -> sse.newEventBuilder().name("ready").data("{}").build());
        Multi<OutboundSseEvent> changes = feed.items().map(this::event);
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        // "ready" last: once a client reads it, its subscription to changes is in place.
        return Multi.createBy().merging().streams(changes, heartbeats, ready)
                .select().first(untilExpiry.isNegative() ? Duration.ZERO : untilExpiry);
    }

    private OutboundSseEvent event(ChangeFeed.Item item) {
        if (item.isResync()) {
            return sse.newEventBuilder().name("resync").data("{}").build();
        }
        try {
            return sse.newEventBuilder().name("ticket").data(json.writeValueAsString(item.change())).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
