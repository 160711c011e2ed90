package org.factdesk.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.factdesk.people.DeskDirectory;
import org.factdesk.people.MailAddresses;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notifications go out by mail through a real SMTP server after their change has committed: to the
 * recipient's address (asked of the address book when sending), with the sentence as the subject, the
 * untrusted claim and names kept to their lines; a mail that fails is retried later and never undoes the
 * change; someone without an address gets none.
 */
@QuarkusTest
@QuarkusTestResource(value = GreenMailResource.class, restrictToAnnotatedClass = true)
class NotificationMailTest {

    @GreenMailResource.InjectGreenMail
    GreenMail greenMail;

    @Inject
    MailSender sender;

    final Desk desk = new Desk();

    @BeforeEach
    void setUp() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
        sender.sendDue(); // whatever earlier tests of this class left waiting
        greenMail.purgeEmailFromAllMailboxes();
        Map<String, String> names = Map.of(desk.alice, "Alice Archer", desk.bob, "Bob\r\nBcc: evil@example.org");
        QuarkusMock.installMockForType(new DeskDirectory() {
            @Override
            public Names names() {
                return new Names(names);
            }

            @Override
            public Map<String, String> subjectsByUsername() {
                return Map.of("alice", desk.alice, "erin", desk.erin);
            }
        }, DeskDirectory.class);
        // alice has a verified address in the identity provider, erin none
        QuarkusMock.installMockForType(new MailAddresses() {
            @Override
            public Optional<String> of(String subject) {
                return subject.equals(desk.alice) ? Optional.of("alice@desk.test") : Optional.empty();
            }
        }, MailAddresses.class);
    }

    @AfterEach
    void serverRunning() {
        if (!greenMail.isRunning()) {
            greenMail.start();
        }
    }

    private Notification notificationOf(String recipient, long ticket) {
        return QuarkusTransaction.requiringNew().call(() ->
                Notification.<Notification>find("recipient = ?1 and ticketId = ?2", recipient, ticket).singleResult());
    }

    @Test
    void theRecipientGetsAMailWithTheSentenceAsSubjectAfterTheChange() throws Exception {
        long ticket = desk.readyForReview();
        desk.act(desk.alice, ticket, "submit").statusCode(200);
        desk.act(desk.bob, ticket, "approve").statusCode(200);
        assertEquals(0, greenMail.getReceivedMessages().length, "nothing is sent inside the request");

        assertEquals(1, sender.sendDue());
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage mail = received[0];
        assertEquals(List.of("alice@desk.test"), Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                .map(Object::toString).toList());
        assertEquals(null, mail.getRecipients(Message.RecipientType.BCC), "a name cannot add recipients");
        assertEquals("desk@factdesk.test", mail.getFrom()[0].toString());
        assertEquals("[Factdesk] Bob Bcc: evil@example.org approved your check of ticket " + ticket, mail.getSubject());
        String body = GreenMailUtil.getBody(mail);
        assertTrue(body.contains("Hello Alice Archer,"), body);
        assertTrue(body.contains("https://desk.factdesk.test/#/tickets/" + ticket), body);
        assertEquals(Notification.MailState.SENT, notificationOf(desk.alice, ticket).mailState);

        assertEquals(0, sender.sendDue(), "a sent mail is not sent again");
        assertEquals(1, greenMail.getReceivedMessages().length);
    }

    @Test
    void aFailedMailIsRetriedLaterAndNeverUndoesTheChange() {
        long ticket = desk.readyForReview();
        desk.act(desk.alice, ticket, "submit").statusCode(200);
        greenMail.stop();
        desk.act(desk.bob, ticket, "approve").statusCode(200);

        assertEquals(1, sender.sendDue());
        desk.as(desk.carol).get("/api/tickets/{id}", ticket).then().statusCode(200).body("status", equalTo("APPROVED"));
        Notification failed = notificationOf(desk.alice, ticket);
        assertEquals(Notification.MailState.PENDING, failed.mailState);
        assertEquals(1, failed.mailAttempts);
        assertTrue(failed.mailError != null && !failed.mailError.isBlank());
        assertTrue(failed.mailNextAt.isAfter(failed.createdAt.plusSeconds(30)), "retried later, not at once");
        // the notification itself is there for alice all along
        desk.as(desk.alice).get("/api/notifications/unread-count").then().statusCode(200).body("count", equalTo(1));

        greenMail.start();
        assertEquals(0, sender.sendDue(), "not due again before its time");
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void someoneWithoutAnAddressGetsNoMailButTheNotification() {
        long ticket = desk.newTicket("NORMAL");
        desk.as(desk.carol).body(Map.of("body", "@erin have a look")).post("/api/tickets/{id}/comments", ticket).then()
                .statusCode(201);
        assertEquals(1, sender.sendDue());
        assertEquals(0, greenMail.getReceivedMessages().length);
        Notification notification = notificationOf(desk.erin, ticket);
        assertEquals(Notification.MailState.NO_ADDRESS, notification.mailState);
        assertFalse(notification.mailLeaseToken != null, "the lease is given back");
    }
}
