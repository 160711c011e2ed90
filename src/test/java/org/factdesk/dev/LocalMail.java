package org.factdesk.dev;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local run's mail catcher: GreenMail with SMTP on 127.0.0.1:{@value #SMTP_PORT} (the server's
 * mailer sends there) and IMAP on 127.0.0.1:{@value #IMAP_PORT}, where each demo user reads their own
 * mail (user name and password as for signing in, e.g. alice/alice) and the server reads the desk's tip
 * mailbox ({@value #TIPS_USER}@{@value #DEMO_DOMAIN}); every message is also written to
 * {@code .factdesk/mail/} as an {@code .eml} file. Nothing leaves the machine.
 */
final class LocalMail implements AutoCloseable {

    static final int SMTP_PORT = 3025;
    static final int IMAP_PORT = 3143;

    /** The demo users and their addresses in the demo realm (src/main/keycloak/demo/factdesk-users-0.json). */
    static final List<String> DEMO_USERS = List.of("alice", "bob", "carol", "dave", "erin");
    static final String DEMO_DOMAIN = "factdesk.localhost";

    /** The desk's tip mailbox (tips@factdesk.localhost, password tips), which the server reads over IMAP. */
    static final String TIPS_USER = "tips";

    private final GreenMail greenMail;
    private final Thread writer;
    private volatile boolean running = true;

    private LocalMail(Path folder) throws IOException {
        Files.createDirectories(folder);
        greenMail = new GreenMail(new ServerSetup[]{
                new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        for (String user : DEMO_USERS) {
            greenMail.setUser(user + "@" + DEMO_DOMAIN, user, user);
        }
        greenMail.setUser(TIPS_USER + "@" + DEMO_DOMAIN, TIPS_USER, TIPS_USER);
        writer = new Thread(() -> writeEach(folder), "local-mail-writer");
        writer.setDaemon(true);
        writer.start();
    }

    static LocalMail start(Path project) throws IOException {
        return new LocalMail(project.resolve(".factdesk/mail"));
    }

    /** What the server needs to send its notification mail here, and to read the tips mailed to the desk. */
    static Map<String, String> serverEnvironment() {
        return Map.of("FACTDESK_MAIL_ENABLED", "true",
                "FACTDESK_MAIL_FROM", "factdesk@" + DEMO_DOMAIN,
                "QUARKUS_MAILER_HOST", "127.0.0.1",
                "QUARKUS_MAILER_PORT", Integer.toString(SMTP_PORT),
                "FACTDESK_TIPS_MAILBOX_HOST", "127.0.0.1",
                "FACTDESK_TIPS_MAILBOX_PORT", Integer.toString(IMAP_PORT),
                "FACTDESK_TIPS_MAILBOX_SSL", "false",
                "FACTDESK_TIPS_MAILBOX_USER", TIPS_USER,
                "FACTDESK_TIPS_MAILBOX_PASSWORD", TIPS_USER,
                "FACTDESK_TIPS_MAILBOX_POLL_EVERY", "10s");
    }

    /** Writes every message received since the last look as {@code <n>-<recipient>.eml}, once a second. */
    private void writeEach(Path folder) {
        // GreenMail lists the messages mailbox by mailbox, so a new one may come before older ones: each is
        // known by its Message-ID (every mail the server sends has one).
        Set<String> written = new HashSet<>();
        while (running) {
            try {
                for (MimeMessage message : greenMail.getReceivedMessages()) {
                    String id = message.getMessageID() != null ? message.getMessageID()
                            : message.getSentDate() + "|" + java.util.Arrays.toString(message.getAllRecipients()) + "|"
                            + message.getSubject();
                    if (written.contains(id)) {
                        continue;
                    }
                    String to = message.getAllRecipients() == null ? "unknown"
                            : message.getAllRecipients()[0].toString().replaceAll("[^A-Za-z0-9@._-]", "_");
                    Path file = folder.resolve("%s-%04d-%s.eml".formatted(
                            LocalDateTime.now().withNano(0).toString().replace(':', '-'), written.size() + 1, to));
                    try (OutputStream out = Files.newOutputStream(file)) {
                        message.writeTo(out);
                    }
                    written.add(id);
                }
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | MessagingException | RuntimeException e) {
                System.out.println("[factdesk] a caught mail could not be written: " + e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        writer.interrupt();
        greenMail.stop();
    }
}
