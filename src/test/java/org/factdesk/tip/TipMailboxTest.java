package org.factdesk.tip;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The desk's tip mailbox over IMAP, against a real IMAP server (GreenMail): a mail becomes one tip with
 * its sender as the contact, and is moved away only after; HTML-only mail is read as text; a mail read
 * again (a crash before the move) and a second round make no second tip; mail that is no tip is moved
 * aside without stopping the rest; a hanging server is given up at the deadline and its mail read the
 * next round; one reader at a time across replicas.
 */
@QuarkusTest
@QuarkusTestResource(value = TipMailboxResource.class, restrictToAnnotatedClass = true)
class TipMailboxTest {

    @TipMailboxResource.InjectMailbox
    GreenMail greenMail;

    @TipMailboxResource.InjectMailbox
    MailboxProxy proxy;

    @Inject
    TipMailbox mailbox;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void emptyMailbox() throws Exception {
        proxy.hang(false);
        greenMail.purgeEmailFromAllMailboxes();
    }

    static String marker() {
        return "m" + UUID.randomUUID().toString().replace("-", "");
    }

    /** An RFC 5322 message as a mail client would write it; {@code headers} end with CRLF each. */
    static String mail(String messageId, String headers, String contentType, String body) {
        return "Message-ID: <" + messageId + "@sender.example>\r\n"
                + "Date: Mon, 2 Nov 2026 10:00:00 +0000\r\n"
                + "To: " + TipMailboxResource.ADDRESS + "\r\n"
                + headers
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "\r\n"
                + body;
    }

    void deliver(String raw) throws Exception {
        GreenMailUser user = greenMail.getUserManager().getUser(TipMailboxResource.USER);
        user.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
    }

    int messagesIn(String folderName) throws Exception {
        Properties properties = new Properties();
        try (Store store = Session.getInstance(properties).getStore("imap")) {
            store.connect("127.0.0.1", greenMail.getImap().getPort(), TipMailboxResource.USER, TipMailboxResource.PASSWORD);
            Folder folder = store.getFolder(folderName);
            return folder.exists() ? folder.getMessageCount() : 0;
        }
    }

    @Test
    void aMailBecomesOneTipWithItsSenderAsTheContactAndIsMovedAwayAfter() throws Exception {
        String marker = marker();
        deliver(mail(marker, "From: Rita Reader <rita.reader@example.org>\r\nSubject: Is the bridge closing? " + marker
                + "\r\nContent-Language: es\r\n", "text/plain; charset=UTF-8",
                "I saw this on https://example.org/post/9, is it true?\r\n\r\n\r\n\r\nThanks\r\n"));

        TipMailbox.Round round = mailbox.readOnce();
        assertTrue(round.read());
        assertEquals(1, round.stored());

        Map<String, Object> tip = tip(marker);
        assertEquals(TipChannel.EMAIL, tip.get("channel"));
        assertEquals("Is the bridge closing? " + marker + "\n\nI saw this on https://example.org/post/9, is it true?\n\nThanks",
                tip.get("text"));
        assertEquals("{https://example.org/post/9}", tip.get("links"));
        assertEquals("es", tip.get("language"));
        assertEquals("rita.reader@example.org", tip.get("contact"));
        assertEquals(true, tip.get("consent"), "whoever writes to the desk expects an answer");
        assertEquals(0, messagesIn("INBOX"));
        assertEquals(1, messagesIn("Processed"));

        TipMailbox.Round again = mailbox.readOnce();
        assertEquals(0, again.stored() + again.known() + again.rejected());
        assertEquals(1, tips(marker));
        assertEquals(0, single("SELECT count(*) FROM audit_event WHERE changes::text LIKE '%rita.reader%'"),
                "the contact never enters the audit trail");
    }

    @Test
    void aMailReadAgainAfterItsTipCommittedMakesNoSecondTip() throws Exception {
        String marker = marker();
        String raw = mail(marker, "From: reader@example.org\r\nSubject: Free trains " + marker + "\r\n", "text/plain", "Really?");
        deliver(raw);
        assertEquals(1, mailbox.readOnce().stored());
        // The reader stopped after the commit, before the move: the same mail is still there, unseen.
        deliver(raw);
        TipMailbox.Round round = mailbox.readOnce();
        assertEquals(0, round.stored());
        assertEquals(1, round.known());
        assertEquals(1, tips(marker));
        assertEquals(0, messagesIn("INBOX"));
        assertEquals(2, messagesIn("Processed"));
    }

    @Test
    void htmlOnlyMailIsReadAsTextAndAttachmentsAreNotKept() throws Exception {
        String html = marker();
        deliver(mail(html, "From: reader@example.org\r\nSubject: Bread " + html + "\r\n", "text/html; charset=UTF-8",
                "<html><head><style>p { color: red }</style></head><body><p>Bread prices <b>doubled</b> overnight</p>"
                        + "<script>steal()</script><p><a href=\"https://news.example.org/a\">the source</a>"
                        + " <a href=\"javascript:steal()\">more</a></p></body></html>"));
        String mixed = marker();
        deliver(mail(mixed, "From: reader@example.org\r\nSubject: Water " + mixed + "\r\n",
                "multipart/mixed; boundary=\"b1\"",
                "--b1\r\nContent-Type: multipart/alternative; boundary=\"b2\"\r\n\r\n"
                        + "--b2\r\nContent-Type: text/plain\r\n\r\nThe tap water is poisoned, says a post\r\n"
                        + "--b2\r\nContent-Type: text/html\r\n\r\n<p>The HTML version</p>\r\n--b2--\r\n"
                        + "--b1\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"post.txt\"\r\n\r\n"
                        + "ATTACHED TEXT\r\n--b1--\r\n"));

        assertEquals(2, mailbox.readOnce().stored());
        Map<String, Object> fromHtml = tip(html);
        assertEquals("Bread " + html + "\n\nBread prices doubled overnight the source more", fromHtml.get("text"));
        assertEquals("{https://news.example.org/a}", fromHtml.get("links"));
        assertEquals("Water " + mixed + "\n\nThe tap water is poisoned, says a post", tip(mixed).get("text"));
    }

    @Test
    void mailThatIsNoTipIsMovedAsideAndHugeMailIsCutWithoutStoppingTheRest() throws Exception {
        String huge = marker();
        deliver(mail(huge, "From: reader@example.org\r\nSubject: Huge " + huge + "\r\n", "text/plain",
                ("x".repeat(999) + "\r\n").repeat(MailTip.PART_MAX_BYTES / 1000 + 10)));
        deliver(mail(marker(), "From: reader@example.org\r\n", "text/plain", "  \r\n"));
        String auto = marker();
        deliver(mail(auto, "From: reader@example.org\r\nSubject: Out of office " + auto + "\r\nAuto-Submitted: auto-replied\r\n",
                "text/plain", "I am away."));
        String broken = marker();
        deliver(mail(broken, "From: reader@example.org\r\nSubject: Broken " + broken
                + "\r\nContent-Transfer-Encoding: x-no-such-encoding\r\n", "text/plain", "abc"));
        String good = marker();
        StringBuilder links = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            links.append(" https://example.org/").append(i);
        }
        deliver(mail(good, "From: \"A Reader\" <a.reader@example.org>\r\nSubject: Long " + good + "\r\n", "text/plain; charset=UTF-8",
                "Links:" + links + "\r\nA NUL \u0000 here.\r\n" + "word ".repeat(TipInput.TEXT_MAX)));
        String anonymous = marker();
        deliver(mail(anonymous, "Subject: No sender " + anonymous + "\r\n", "text/plain", "Who am I?"));

        TipMailbox.Round round = mailbox.readOnce();
        assertEquals(3, round.stored(), round.toString());
        assertEquals(3, round.rejected(), round.toString());
        for (String refused : List.of(auto, broken)) {
            assertEquals(0, tips(refused));
        }
        assertEquals(TipInput.TEXT_MAX, ((String) tip(huge).get("text")).length(), "a huge mail is a tip of its beginning");
        Map<String, Object> longTip = tip(good);
        String text = (String) longTip.get("text");
        assertTrue(text.length() <= TipInput.TEXT_MAX, "cut to a tip's length: " + text.length());
        assertFalse(text.contains("\u0000"));
        assertTrue(text.contains("A NUL  here."), text.substring(0, 300));
        assertEquals(TipInput.LINKS_MAX, ((String) longTip.get("links")).split(",").length);
        Map<String, Object> withoutSender = tip(anonymous);
        assertNull(withoutSender.get("contact"));
        assertEquals(false, withoutSender.get("consent"));

        assertEquals(0, messagesIn("INBOX"));
        assertEquals(3, messagesIn("Unprocessable"));
        assertEquals(3, messagesIn("Processed"));
        TipMailbox.Round next = mailbox.readOnce();
        assertEquals(0, next.stored() + next.known() + next.rejected(), "what was moved aside is not read again");
    }

    @Test
    void aHangingMailboxIsGivenUpAtTheDeadlineAndItsMailReadTheNextRound() throws Exception {
        String marker = marker();
        deliver(mail(marker, "From: reader@example.org\r\nSubject: Hanging " + marker + "\r\n", "text/plain", "Is it true?"));
        proxy.hang(true);
        TipMailbox.Round down = mailbox.readOnce(); // no exception: the round gives up at the deadline
        assertFalse(down.read());
        assertEquals(0, tips(marker));

        proxy.hang(false);
        assertEquals(1, mailbox.readOnce().stored());
        assertEquals(1, tips(marker));
    }

    @Test
    void oneReaderAtATimeAndEachMailOneTip() throws Exception {
        String marker = marker();
        for (int i = 0; i < 5; i++) {
            deliver(mail(marker + i, "From: reader@example.org\r\nSubject: Rumour " + i + " " + marker + "\r\n", "text/plain",
                    "Rumour number " + i));
        }
        // Another replica is reading: this one skips its round.
        try (Connection other = dataSource.getConnection()) {
            assertTrue(advisory(other, "pg_try_advisory_lock"));
            assertFalse(mailbox.readOnce().read());
            assertEquals(0, tips(marker));
            assertTrue(advisory(other, "pg_advisory_unlock"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<TipMailbox.Round>> rounds = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                rounds.add(pool.submit(mailbox::readOnce));
            }
            int stored = 0;
            for (Future<TipMailbox.Round> round : rounds) {
                stored += round.get().stored();
            }
            assertEquals(5, stored);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(5, tips(marker));
        assertEquals(5, messagesIn("Processed"));
    }

    boolean advisory(Connection connection, String function) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, TipMailbox.READER_LOCK);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    long tips(String marker) throws Exception {
        return single("SELECT count(*) FROM tip WHERE channel = 'email' AND text LIKE '%" + marker + "%'");
    }

    long single(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    Map<String, Object> tip(String marker) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT channel, text, links::text AS links, language, contact, consent FROM tip"
                        + " WHERE channel = 'email' AND text LIKE ?")) {
            statement.setString(1, "%" + marker + "%");
            try (ResultSet result = statement.executeQuery()) {
                assertTrue(result.next(), "a tip with " + marker);
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
                }
                assertFalse(result.next(), "one tip with " + marker);
                return row;
            }
        }
    }
}
