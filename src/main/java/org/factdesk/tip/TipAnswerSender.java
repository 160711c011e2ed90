package org.factdesk.tip;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.factdesk.common.FactdeskConfig;
import org.factdesk.common.LeasedOutbox;
import org.factdesk.common.LeasedOutbox.Lease;
import org.factdesk.common.OneLine;
import org.factdesk.desk.DeskSettings;
import org.factdesk.outbound.OutboundClient;
import org.factdesk.publishing.FactCheckPage;
import org.factdesk.webhook.WebhookSignature;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sends the answers outbox after the change that wrote each answer has committed, never inside a request:
 * due answers are leased ({@link LeasedOutbox}: one replica at a time, the outcome recorded only while the
 * lease is this sender's, retried 1, 2, 4 … minutes apart up to {@code factdesk.tips.answer-max-attempts}).
 * An answer goes out by e-mail for tips from the web form and the mailbox (plain text, in the tip's language
 * where the desk has the words, with the same Message-ID on every attempt), and to the partner's reply URL
 * for a partner channel's tips (signed like the desk's webhooks, through {@link OutboundClient} with a
 * deadline). An answer whose contact was removed meanwhile is {@code DROPPED}: nothing goes out. A lease
 * that runs out mid-send makes the answer due again: a requester may get one twice (the same Message-ID,
 * which mail clients and partners can drop), never none.
 */
@ApplicationScoped
public class TipAnswerSender {

    private static final Logger LOG = Logger.getLogger(TipAnswerSender.class);

    /** The most answers one round leases. */
    static final int BATCH = 20;

    private static final int MAX_RESPONSE_BYTES = 64 * 1024;

    /** The languages the desk has answer words for ({@link TipAnswerText}); others get the publisher's, else English. */
    static final Set<String> LANGUAGES = Set.of("en", "es");

    /** The longest excerpt of the requester's words and of a headline in a mail. */
    static final int LINE_MAX = 300;

    /** One plain mailbox: no spaces, separators, brackets or controls that could make it two, or a header. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s\\p{Cntrl},;<>()\\[\\]\"\\\\]+@[^\\s\\p{Cntrl},;<>()\\[\\]\"\\\\@]+");

    private static final ObjectMapper JSON = new ObjectMapper();

    static final LeasedOutbox OUTBOX = new LeasedOutbox("Answer to a tip", "tip_answer", "", true);

    @Inject
    ReactiveMailer mailer;

    @Inject
    OutboundClient outbound;

    @Inject
    FactdeskConfig config;

    /**
     * What one answer needs, read in one short transaction: {@code channel} only for a partner's tip;
     * {@code dropped} why nothing can be sent any more (then nothing else is read).
     */
    record Letter(String kind, long ticketId, int version, String messageId, String contact, String language,
                  String tipText, String headline, PartnerChannel channel, boolean allowPrivate, int retentionDays,
                  String dropped) {
        static Letter dropped(String why) {
            return new Letter(null, 0, 0, null, null, null, null, null, null, false, 0, why);
        }
    }

    @Scheduled(every = "${factdesk.tips.answers-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        while (sendDue() == BATCH) {
            // a full round: more may be waiting
        }
    }

    /** Sends what is due now, one after the other; answers how many were attempted. */
    @ActivateRequestContext
    public int sendDue() {
        return OUTBOX.sendDue(BATCH, leaseTime(), this::send);
    }

    private void send(Lease lease) {
        Letter letter = QuarkusTransaction.requiringNew().call(() -> read(lease.id()));
        if (letter.dropped() != null) {
            record(lease, TipAnswer.State.DROPPED, letter.dropped());
            return;
        }
        String failure = letter.channel() == null ? mail(letter) : post(letter);
        if (!record(lease, failure == null ? TipAnswer.State.SENT : TipAnswer.State.PENDING, failure)) {
            LOG.infof("Answer %d to a tip: its lease was taken over; this sender's outcome (%s) is not recorded",
                    lease.id(), failure == null ? "sent" : failure);
        }
    }

    private Letter read(long answerId) {
        TipAnswer answer = TipAnswer.findById(answerId);
        Tip tip = Tip.findById(answer.tipId);
        if (tip.contact == null) {
            return Letter.dropped("the contact was removed");
        }
        @SuppressWarnings("unchecked")
        List<String> headline = Panache.getEntityManager().createNativeQuery("""
                SELECT headline FROM verdict_version WHERE ticket_id = :ticket AND state = 'PUBLISHED'
                ORDER BY number DESC LIMIT 1""").setParameter("ticket", answer.ticketId).getResultList();
        if (headline.isEmpty()) {
            return Letter.dropped("the fact-check has no published version");
        }
        PartnerChannel channel = null;
        if (!TipChannel.answersByMail(tip.channel)) {
            channel = PartnerChannel.named(tip.channel).orElse(null);
            if (channel == null) {
                return Letter.dropped("the channel " + tip.channel + " does not exist");
            }
        }
        DeskSettings settings = DeskSettings.get();
        return new Letter(answer.kind, answer.ticketId, answer.version, answer.messageId, tip.contact, tip.language,
                tip.text, headline.get(0), channel, settings.allowPrivateWebhookTargets,
                settings.tipContactRetentionDays, null);
    }

    /** The public page of the fact-check, under its latest published headline. */
    private String link(Letter letter) {
        return config.publisher().baseUrl() + FactCheckPage.path(letter.ticketId(), letter.headline());
    }

    /** Hands the mail to the SMTP server; answers why it failed, or null. */
    private String mail(Letter letter) {
        if (!ADDRESS.matcher(letter.contact()).matches()) {
            return "the contact is not a usable e-mail address";
        }
        try {
            mailer.send(mailOf(letter)).await().atMost(config.tips().answerTimeout());
            return null;
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.toString() : e.getMessage();
        }
    }

    /** Plain text; the requester's words and the headline each on a line of their own, flattened and bounded. */
    Mail mailOf(Letter letter) {
        TipAnswerText words = words(letter.language());
        String subject = switch (letter.kind()) {
            case TipAnswer.CORRECTED -> words.subjectCorrected();
            case TipAnswer.RETRACTED -> words.subjectRetracted();
            case TipAnswer.AUTO -> words.subjectAuto();
            default -> words.subjectPublished();
        };
        String sentence = switch (letter.kind()) {
            case TipAnswer.CORRECTED -> words.bodyCorrected();
            case TipAnswer.RETRACTED -> words.bodyRetracted();
            case TipAnswer.AUTO -> words.bodyAuto();
            default -> words.bodyPublished();
        };
        String body = words.greeting() + "\n\n"
                + words.youAsked() + "\n\n  \"" + OneLine.of(letter.tipText(), LINE_MAX) + "\"\n\n"
                + sentence + "\n\n  " + OneLine.of(letter.headline(), LINE_MAX) + "\n  " + link(letter) + "\n\n-- \n"
                + OneLine.of(config.publisher().name(), LINE_MAX) + ". " + words.footer(letter.retentionDays()) + "\n";
        return Mail.withText(letter.contact(), "[" + OneLine.of(config.publisher().name(), 100) + "] " + subject, body)
                .setFrom(config.mail().from())
                .addHeader("Message-ID", letter.messageId());
    }

    /** The answer words in the tip's language, else the publisher's, else English. */
    static TipAnswerText words(String tipLanguage, String publisherLanguage) {
        String language = primary(tipLanguage);
        if (!LANGUAGES.contains(language)) {
            language = LANGUAGES.contains(primary(publisherLanguage)) ? primary(publisherLanguage) : "en";
        }
        return MessageBundles.get(TipAnswerText.class, Localized.Literal.of(language));
    }

    private TipAnswerText words(String tipLanguage) {
        return words(tipLanguage, config.publisher().language());
    }

    private static String primary(String tag) {
        if (tag == null) {
            return "";
        }
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    /** POSTs the answer to the partner's reply URL, signed with the channel's secret; answers why it failed, or null. */
    private String post(Letter letter) {
        PartnerChannel channel = letter.channel();
        if (!channel.active) {
            return "the channel " + channel.name + " is not active";
        }
        ObjectNode message = JSON.createObjectNode()
                .put("type", switch (letter.kind()) {
                    case TipAnswer.CORRECTED -> "tip.corrected";
                    case TipAnswer.RETRACTED -> "tip.retracted";
                    default -> "tip.answered";
                })
                .put("requesterId", letter.contact())
                .put("stage", "answered")
                .put("automatic", TipAnswer.AUTO.equals(letter.kind()))
                .put("url", link(letter))
                .put("headline", letter.headline())
                .put("version", letter.version())
                .put("language", letter.language());
        String body = message.toString();
        long timestamp = Instant.now().getEpochSecond();
        OutboundClient.Request request = OutboundClient.Request.post(channel.replyUrl, Map.of(
                        "Content-Type", "application/json",
                        "webhook-id", letter.messageId(),
                        "webhook-timestamp", Long.toString(timestamp),
                        "webhook-signature", WebhookSignature.sign(channel.secret, letter.messageId(), timestamp, body)),
                body.getBytes(StandardCharsets.UTF_8));
        try {
            int status = outbound.send(request, letter.allowPrivate(), Instant.now().plus(config.tips().answerTimeout()),
                    MAX_RESPONSE_BYTES).status();
            return status / 100 == 2 ? null : "HTTP " + status;
        } catch (OutboundClient.Failure e) {
            return (e.kind() == OutboundClient.Failure.Kind.REFUSED ? "refused: " : "") + e.getMessage();
        }
    }

    boolean record(Lease lease, TipAnswer.State state, String error) {
        return OUTBOX.record(lease, state.name(), error, config.tips().answerMaxAttempts());
    }

    /** How long an answer stays leased: longer than one send may take, so that it runs out only when its sender is gone. */
    Duration leaseTime() {
        return config.tips().answerTimeout().plusSeconds(60);
    }
}
