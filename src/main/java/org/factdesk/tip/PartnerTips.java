package org.factdesk.tip;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.factdesk.common.BodyLimit;
import org.factdesk.common.Problems;
import org.factdesk.webhook.WebhookSignature;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tips from partners' tiplines, signed with their channel's secret the Standard Webhooks way (as the
 * desk signs its own webhooks). Nothing of a request is read before its signature is checked; an
 * unknown channel, an inactive one and a wrong signature get the same 401, so that the answer does not
 * tell which channels exist. A retry with the same {@code webhook-id} finds the first tip
 * ({@link ChannelMessages}).
 */
@ApplicationScoped
public class PartnerTips {

    /** The endpoint, {@link PartnerTipResource}. */
    static final String PATH = "/public/channels/*/tips";

    /**
     * 64 KiB: a tip at all its limits (5,000 characters of text, 10 links) in plain UTF-8, with room
     * to spare; more is a 413 before anything is read.
     */
    public static final int MAX_BYTES = 65_536;

    /** How far a message's timestamp may be from the desk's clock (Standard Webhooks' replay window). */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** {@code webhook-id}: "msg_" and a UUID or KSUID in practice; any printable ASCII up to this long. */
    public static final int MESSAGE_ID_MAX = 255;
    /** {@code webhook-signature}: a few space-separated {@code v1,<base64>} values (47 characters each). */
    public static final int SIGNATURES_MAX = 1000;
    /** {@code webhook-timestamp}: seconds since 1970 (12 digits last past the year 30000). */
    public static final int TIMESTAMP_MAX = 12;

    private static final Pattern MESSAGE_ID = Pattern.compile("[\\x21-\\x7e]{1," + MESSAGE_ID_MAX + "}");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1," + TIMESTAMP_MAX + "}");

    /** The challenge of a refused partner tip: sign it (Standard Webhooks' headers). */
    public static final String CHALLENGE = "Signature realm=\"tip channels\", headers=\"webhook-id webhook-timestamp webhook-signature\"";

    /** Checked against when the channel does not exist, so that its answer takes as long as a wrong signature. */
    private static final String NO_SECRET = WebhookSignature.newSecret();

    @Inject
    TipChannels channels;

    @Inject
    ChannelMessages messages;

    @Inject
    TipRateLimit rateLimit;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    /** The signed request as it came: the channel's name from the path, the three headers, the raw body. */
    public record Signed(String channel, String messageId, String timestamp, String signatures, byte[] body) {
    }

    /** The tip the request carried, stored now or by an earlier delivery of the same message. */
    public ChannelMessages.Stored receive(Signed request) throws IOException {
        if (request.messageId() == null || request.timestamp() == null || request.signatures() == null
                || !MESSAGE_ID.matcher(request.messageId()).matches() || !TIMESTAMP.matcher(request.timestamp()).matches()) {
            throw unsigned("A partner's tip needs the headers webhook-id, webhook-timestamp (seconds since 1970)"
                    + " and webhook-signature, as Standard Webhooks defines them.");
        }
        long timestamp = Long.parseLong(request.timestamp());
        if (Math.abs(Instant.now().getEpochSecond() - timestamp) > TOLERANCE.toSeconds()) {
            throw unsigned("The webhook-timestamp is more than " + TOLERANCE.toMinutes()
                    + " minutes away from the desk's clock: sign each delivery when it is sent.");
        }
        Optional<String> secret = channels.activeSecret(request.channel());
        boolean signed = WebhookSignature.verifies(secret.orElse(NO_SECRET), request.messageId(), timestamp,
                request.body(), request.signatures());
        if (secret.isEmpty() || !signed) {
            throw unsigned("The request is not signed with the secret of an active tip channel of this name.");
        }
        PartnerTipRequest tip = json.readValue(utf8(request.body()), PartnerTipRequest.class);
        if (tip == null) {
            throw Problems.badRequest("The request body must be a JSON object with at least 'text'.");
        }
        var violations = validator.validate(tip);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        admit(request.channel(), tip.requesterId() == null ? request.messageId() : tip.requesterId());
        return messages.receiveOnce(tip.toInput(request.channel()), request.messageId());
    }

    /**
     * The public form's limits (shared by every replica), per requester of the channel — the partner's own
     * id for the person, or the message for a tip without one, which then counts only towards the desk-wide
     * ceiling. After the signature, so that nobody but the partner spends its allowance, and before anything
     * is stored.
     */
    private void admit(String channel, String requester) {
        rateLimit.admit("channel " + channel + " requester " + requester).ifPresent(refusal -> {
            throw refusal.problem();
        });
    }

    /** A 401 with the challenge of this endpoint's own scheme (HTTP asks every 401 for one; no bearer token helps here). */
    private static HttpProblem unsigned(String detail) {
        return HttpProblem.builder().withStatus(Response.Status.UNAUTHORIZED).withTitle("Unauthorized").withDetail(detail)
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }

    /** The body as the UTF-8 it must be (a partner's JSON); other bytes are a 400, not replacement characters. */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw Problems.badRequest("The request body is not UTF-8 text.");
        }
    }

    @Produces
    @Singleton
    BodyLimit bodyLimit() {
        return new BodyLimit(PATH, MAX_BYTES);
    }
}
