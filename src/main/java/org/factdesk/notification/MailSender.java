package org.factdesk.notification;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.factdesk.common.FactdeskConfig;
import org.factdesk.people.DeskDirectory;
import org.factdesk.people.MailAddresses;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

    private static final Logger LOG = Logger.getLogger(MailSender.class);

    /** The most mails one round leases. */
    static final int BATCH = 20;

    /** The longest error a notification keeps. */
    static final int ERROR_MAX = 500;

    @Inject
    ReactiveMailer mailer;

    @Inject
    FactdeskConfig config;

    @Inject
    MailAddresses addresses;

    @Inject
    DeskDirectory directory;

    record Lease(long notificationId, UUID token) {
    }

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
        List<Lease> leases;
        try {
            leases = lease();
        } catch (RuntimeException e) {
            LOG.warn("Notification mail could not be read", e);
            return 0;
        }
        for (Lease lease : leases) {
            try {
                send(lease);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Mail of notification %d failed unexpectedly", lease.notificationId());
            }
        }
        return leases.size();
    }

    private List<Lease> lease() {
        UUID token = UUID.randomUUID();
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> {
            var em = Panache.getEntityManager();
            @SuppressWarnings("unchecked")
            List<Number> due = em.createNativeQuery("""
                    SELECT id FROM notification
                    WHERE mail_state = 'PENDING' AND mail_next_at <= now()
                      AND (mail_lease_until IS NULL OR mail_lease_until < now())
                    ORDER BY mail_next_at, id LIMIT :batch
                    FOR UPDATE SKIP LOCKED""").setParameter("batch", BATCH).getResultList();
            List<Long> chosen = due.stream().map(Number::longValue).toList();
            if (!chosen.isEmpty()) {
                em.createNativeQuery("""
                                UPDATE notification SET mail_lease_until = now() + make_interval(secs => :lease),
                                       mail_lease_token = :token
                                WHERE id IN (:ids)""")
                        .setParameter("lease", (double) leaseTime().toSeconds()).setParameter("token", token)
                        .setParameter("ids", chosen).executeUpdate();
            }
            return chosen;
        });
        return ids.stream().map(id -> new Lease(id, token)).toList();
    }

    /** Longer than one send and its address look-up may take, so that a lease runs out only when its sender is gone. */
    private Duration leaseTime() {
        return config.mail().timeout().plusSeconds(60);
    }

    private void send(Lease lease) {
        Letter letter = QuarkusTransaction.requiringNew().call(() -> {
            Notification n = Notification.findById(lease.notificationId());
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
        return QuarkusTransaction.requiringNew().call(() -> {
            Notification n = Notification.findById(lease.notificationId());
            if (n == null || !lease.token().equals(n.mailLeaseToken)) {
                return false;
            }
            int attempts = n.mailAttempts + 1;
            Notification.MailState next = state;
            Instant nextAt = null;
            String lastError = error == null ? null : error.length() > ERROR_MAX ? error.substring(0, ERROR_MAX) : error;
            if (state == Notification.MailState.PENDING) {
                if (attempts >= config.mail().maxAttempts()) {
                    next = Notification.MailState.FAILED;
                    LOG.warnf("Mail of notification %d given up after %d attempts: %s", n.id, attempts, error);
                } else {
                    nextAt = Instant.now().plus(backoff(attempts));
                }
            }
            return Panache.getEntityManager().createQuery("""
                            UPDATE Notification SET mailAttempts = :attempts, mailState = :state, mailNextAt = :nextAt,
                                   mailError = :error, mailLeaseUntil = null, mailLeaseToken = null
                            WHERE id = :id AND mailLeaseToken = :token""")
                    .setParameter("attempts", attempts).setParameter("state", next).setParameter("nextAt", nextAt)
                    .setParameter("error", lastError).setParameter("id", lease.notificationId())
                    .setParameter("token", lease.token()).executeUpdate() == 1;
        });
    }

    /** 1, 2, 4 … minutes, at most an hour. */
    static Duration backoff(int attempts) {
        return Duration.ofMinutes(Math.min(60, 1L << Math.min(attempts - 1, 6)));
    }
}
