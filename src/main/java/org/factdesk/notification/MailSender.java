package org.factdesk.notification;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.factdesk.common.FactdeskConfig;
import org.factdesk.common.LeasedOutbox;
import org.factdesk.common.LeasedOutbox.Lease;
import org.factdesk.people.DeskDirectory;
import org.factdesk.people.MailAddresses;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Mails notifications after their change has committed, never inside a request. Due ones are leased in a
 * short transaction ({@code FOR UPDATE SKIP LOCKED} and a lease token, like the webhook outbox), so each
 * goes to one replica at a time; the recipient's verified address is asked of Keycloak only now (the desk
 * stores none); the mail is handed to the SMTP server without a transaction open; the outcome is recorded
 * only while the lease is still this sender's. Failures are retried 1, 2, 4 … minutes apart, at most
 * {@code factdesk.mail.max-attempts} times. A lease that runs out (a crash mid-send) makes the mail due
 * again: a person may get one twice, never a change undone by a mail.
 */
@ApplicationScoped
public class MailSender {

    /** The most mails one round leases. */
    static final int BATCH = 20;

    @Inject
    ReactiveMailer mailer;

    @Inject
    FactdeskConfig config;

    @Inject
    MailAddresses addresses;

    @Inject
    DeskDirectory directory;

    /** The notification table's mail columns, leased and recorded like every outbox. */
    private static final LeasedOutbox OUTBOX = new LeasedOutbox("Mail of notification", "notification", "mail_", false);

    /** What one mail says, read in one short transaction. */
    record Letter(String recipient, NotificationKind kind, long ticketId, String actor, String claimText) {
    }

    @Scheduled(every = "${factdesk.mail.send-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (config.mail().enabled()) {
            while (sendDue() == BATCH) {
                // a full round: more may be waiting
            }
        }
    }

    /** Sends what is due now, one after the other; answers how many were attempted. */
    @ActivateRequestContext
    public int sendDue() {
        return OUTBOX.sendDue(BATCH, leaseTime(), this::send);
    }

    /** Longer than one send and its address look-up may take, so that a lease runs out only when its sender is gone. */
    private Duration leaseTime() {
        return config.mail().timeout().plusSeconds(60);
    }

    private void send(Lease lease) {
        Letter letter = QuarkusTransaction.requiringNew().call(() -> {
            Notification n = Notification.findById(lease.id());
            return new Letter(n.recipient, n.kind, n.ticketId, n.actor,
                    NotificationService.claimTexts(List.of(n.ticketId)).get(n.ticketId));
        });
        Optional<String> address;
        try {
            address = addresses.of(letter.recipient());
        } catch (RuntimeException e) {
            record(lease, Notification.MailState.PENDING, "address look-up failed: " + e.getMessage());
            return;
        }
        if (address.isEmpty()) {
            record(lease, Notification.MailState.NO_ADDRESS, null);
            return;
        }
        try {
            mailer.send(mail(letter, address.get())).await().atMost(config.mail().timeout());
        } catch (RuntimeException e) {
            record(lease, Notification.MailState.PENDING, e.getMessage() == null ? e.toString() : e.getMessage());
            return;
        }
        record(lease, Notification.MailState.SENT, null);
    }

    /** The mail: plain text, every untrusted value (names, the claim) on one line of its own words. */
    Mail mail(Letter letter, String to) {
        DeskDirectory.Names names = directory.names();
        String sentence = NotificationText.sentence(letter.kind(), letter.actor(), names.of(letter.actor()),
                letter.ticketId());
        String recipientName = names.of(letter.recipient());
        String link = config.mail().appUrl() + "/#/tickets/" + letter.ticketId();
        StringBuilder text = new StringBuilder();
        text.append("Hello").append(recipientName == null ? "" : " " + NotificationText.line(recipientName, 520))
                .append(",\n\n").append(sentence).append(letter.claimText() == null ? "." : ":")
                .append("\n");
        if (letter.claimText() != null) {
            text.append("\n  \"").append(NotificationText.excerpt(letter.claimText())).append("\"\n");
        }
        text.append("\nOpen the ticket: ").append(link).append("\n\n-- \nFactdesk. Your notifications: ")
                .append(config.mail().appUrl()).append("/#/notifications\n");
        return Mail.withText(to, "[Factdesk] " + NotificationText.line(sentence, 200), text.toString())
                .setFrom(config.mail().from());
    }

    /**
     * Records an outcome if the lease is still this sender's: {@code PENDING} with an error is a failed
     * attempt (retried later, or given up as {@code FAILED} after the last one).
     */
    boolean record(Lease lease, Notification.MailState state, String error) {
        return OUTBOX.record(lease, state.name(), error, config.mail().maxAttempts());
    }
}
