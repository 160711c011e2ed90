package org.factdesk.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.factdesk.support.TestNet;

import java.util.Map;

/**
 * The browser test's real mail server: GreenMail with SMTP, where the packaged server sends its
 * answers to requesters, and IMAP, where the requester of the scenario reads them as a mail client
 * would ({@link #REQUESTER} with password {@link #REQUESTER_PASSWORD}).
 */
public class RequesterMailResource implements QuarkusTestResourceLifecycleManager {

    public static final String REQUESTER = "reader@requesters.test";
    public static final String REQUESTER_PASSWORD = "reader";

    /** Where the scenario reads the requester's mail (set once the server is up). */
    static volatile int imapPort;

    private GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        int smtpPort = TestNet.freePort();
        imapPort = TestNet.freePort();
        greenMail = new GreenMail(new ServerSetup[]{
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        greenMail.setUser(REQUESTER, REQUESTER, REQUESTER_PASSWORD);
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(smtpPort),
                "factdesk.mail.from", "desk@factdesk.test",
                "factdesk.tips.answers-every", "1s");
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
