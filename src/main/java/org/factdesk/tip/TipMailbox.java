package org.factdesk.tip;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.factdesk.common.FactdeskConfig;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;

/**
 * The desk's tip mailbox, read over IMAP every {@code factdesk.tips.mailbox.poll-every} (off without a
 * host): each unseen message of the folder becomes a tip ({@link MailTip}), and only once its tip has
 * committed is it moved to the processed folder; a message that is no tip is moved to the rejected folder
 * and never read again; one the database could not take now stays unseen for the next round.
 * <p>
 * Once across replicas: the reader holds a session-level advisory lock for the whole read, so a second
 * replica skips its round. A message still becomes one tip if the reader stops between the commit and
 * the move, since its Message-ID is stored with its tip ({@link ChannelMessages}). Every network step
 * (connect, each read and write) has {@code factdesk.tips.mailbox.timeout} as its deadline, and a round
 * takes at most {@value #BATCH} messages. No failure leaves the round: the next one tries again. Logs
 * never name a sender.
 */
@ApplicationScoped
public class TipMailbox {

    private static final Logger LOG = Logger.getLogger(TipMailbox.class);

    /** "tipmbox": held by the one replica reading the mailbox (released with its session if it dies). */
    static final long READER_LOCK = 0x0074_6970_6d62_6f78L;

    /** The most messages one round reads; more wait for the next. */
    static final int BATCH = 100;

    /** What a round did; {@code read} is false when it did not get to the mailbox (off, another replica reading, down). */
    public record Round(boolean read, int stored, int known, int rejected, int left) {
        static final Round NONE = new Round(false, 0, 0, 0, 0);
    }

    private enum Outcome { STORED, KNOWN, REJECTED, LEFT }

    /** The mailbox went away mid-round: what is left waits for the next round. */
    private static final class MailboxLost extends Exception {
        MailboxLost(Throwable cause) {
            super(cause);
        }
    }

    @Inject
    FactdeskConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ChannelMessages messages;

    @Scheduled(every = "${factdesk.tips.mailbox.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        readOnce();
    }

    /** One round: reads what is waiting unless the mailbox is off or another replica is reading it. */
    @ActivateRequestContext
    public Round readOnce() {
        FactdeskConfig.Tips.Mailbox box = config.tips().mailbox();
        if (box.host().isEmpty()) {
            return Round.NONE;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!advisoryLock(connection, "pg_try_advisory_lock")) {
                return Round.NONE;
            }
            try {
                return read(box);
            } finally {
                advisoryLock(connection, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            LOG.warnf("The tip mailbox was not read: the database is not available (%s)", e.getMessage());
            return Round.NONE;
        } catch (RuntimeException e) {
            LOG.error("The tip mailbox round failed unexpectedly; the next round tries again", e);
            return Round.NONE;
        }
    }

    private static boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, READER_LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private Round read(FactdeskConfig.Tips.Mailbox box) {
        int[] counts = new int[Outcome.values().length];
        try (Store store = session(box).getStore(box.ssl() ? "imaps" : "imap")) {
            store.connect(box.host().get(), box.port(), box.user().orElse(null), box.password().orElse(null));
            IMAPFolder inbox = (IMAPFolder) store.getFolder(box.folder());
            inbox.open(Folder.READ_WRITE);
            try {
                Folder processed = folder(store, box.processedFolder());
                Folder rejected = folder(store, box.rejectedFolder());
                Message[] unseen = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                Message[] batch = Arrays.copyOf(unseen, Math.min(unseen.length, BATCH));
                FetchProfile headers = new FetchProfile();
                headers.add(FetchProfile.Item.ENVELOPE);
                headers.add(FetchProfile.Item.CONTENT_INFO);
                headers.add(UIDFolder.FetchProfileItem.UID);
                headers.add("Message-ID");
                headers.add("Auto-Submitted");
                headers.add("Content-Language");
                inbox.fetch(batch, headers);
                for (Message message : batch) {
                    Outcome outcome = handle(inbox, message, box);
                    counts[outcome.ordinal()]++;
                    switch (outcome) {
                        case STORED, KNOWN -> move(store, inbox, message, processed);
                        case REJECTED -> move(store, inbox, message, rejected);
                        case LEFT -> { }
                    }
                }
            } catch (MailboxLost e) {
                LOG.warnf("The tip mailbox went away during a round (%s); the rest waits for the next round", e.getCause());
            } finally {
                if (inbox.isOpen()) {
                    inbox.close(true); // expunges what was copied away where the server has no MOVE
                }
            }
        } catch (MessagingException e) {
            LOG.warnf("The tip mailbox could not be read (%s); the next round tries again", e.toString());
            return new Round(false, counts[0], counts[1], counts[2], counts[3]);
        }
        return new Round(true, counts[Outcome.STORED.ordinal()], counts[Outcome.KNOWN.ordinal()],
                counts[Outcome.REJECTED.ordinal()], counts[Outcome.LEFT.ordinal()]);
    }

    private Outcome handle(IMAPFolder inbox, Message message, FactdeskConfig.Tips.Mailbox box) throws MailboxLost {
        MailTip.Read tip;
        try {
            tip = MailTip.read(message, "imap:" + inbox.getFullName() + ":" + inbox.getUIDValidity() + ":" + inbox.getUID(message));
        } catch (MailTip.Unusable e) {
            LOG.infof("A message of the tip mailbox is no tip (%s): moved to %s", e.getMessage(), box.rejectedFolder());
            return Outcome.REJECTED;
        } catch (MessagingException | IOException | RuntimeException e) {
            if (!inbox.isOpen()) {
                throw new MailboxLost(e);
            }
            LOG.warnf("A message of the tip mailbox could not be read (%s): moved to %s", e.getClass().getSimpleName(),
                    box.rejectedFolder());
            return Outcome.REJECTED;
        }
        try {
            return messages.receiveOnce(tip.input(), tip.messageId()).first() ? Outcome.STORED : Outcome.KNOWN;
        } catch (RuntimeException e) {
            if (databaseUnavailable(e)) {
                LOG.warnf("A mailed tip could not be stored now (%s); it stays in the mailbox for the next round", e.toString());
                return Outcome.LEFT;
            }
            LOG.warnf("A mailed tip was refused by the desk (%s): moved to %s", e.toString(), box.rejectedFolder());
            return Outcome.REJECTED;
        }
    }

    /**
     * A failure of the database itself (connection, pool, lock or serialisation, shutdown) rather than of
     * the mail's values (SQLSTATE classes 22 and 23) or of anything else the mail caused: worth another try.
     */
    static boolean databaseUnavailable(Throwable thrown) {
        for (Throwable cause = thrown; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state == null || !(state.startsWith("22") || state.startsWith("23"));
            }
        }
        return false;
    }

    private static void move(Store store, IMAPFolder inbox, Message message, Folder target) throws MailboxLost {
        try {
            if (((IMAPStore) store).hasCapability("MOVE")) {
                inbox.moveMessages(new Message[]{message}, target);
            } else {
                inbox.copyMessages(new Message[]{message}, target);
                message.setFlag(Flags.Flag.DELETED, true);
            }
        } catch (MessagingException e) {
            // Not moved: the next round finds it again, and its Message-ID makes it no second tip.
            if (!inbox.isOpen()) {
                throw new MailboxLost(e);
            }
            LOG.warnf("A message of the tip mailbox could not be moved to %s (%s); the next round tries again",
                    target.getName(), e.toString());
        }
    }

    private static Folder folder(Store store, String name) throws MessagingException {
        Folder folder = store.getFolder(name);
        if (!folder.exists()) {
            folder.create(Folder.HOLDS_MESSAGES);
        }
        return folder;
    }

    private static Session session(FactdeskConfig.Tips.Mailbox box) {
        String protocol = box.ssl() ? "imaps" : "imap";
        String millis = Long.toString(box.timeout().toMillis());
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".connectiontimeout", millis);
        properties.put("mail." + protocol + ".timeout", millis);
        properties.put("mail." + protocol + ".writetimeout", millis);
        // reading a message does not mark it seen: only its move, after the commit, takes it out of the round
        properties.put("mail." + protocol + ".peek", "true");
        if (box.ssl()) {
            properties.put("mail.imaps.ssl.checkserveridentity", "true");
        }
        return Session.getInstance(properties);
    }
}
