package org.factdesk.tip;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real IMAP server (GreenMail) in this JVM with the desk's tip mailbox, {@value #ADDRESS}, and the server's
 * mailbox reader pointed at it through a {@link MailboxProxy} (which a test can make hang). The test gets
 * both in fields marked {@link InjectMailbox}.
 */
public class TipMailboxResource implements QuarkusTestResourceLifecycleManager {

    static final String ADDRESS = "tips@desk.test";
    static final String USER = "tips";
    static final String PASSWORD = "tips-secret";

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectMailbox {
    }

    private GreenMail greenMail;
    private MailboxProxy proxy;

    @Override
    public Map<String, String> start() {
        try {
            greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
            greenMail.start();
            greenMail.setUser(ADDRESS, USER, PASSWORD);
            proxy = new MailboxProxy(greenMail.getImap().getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "factdesk.tips.mailbox.host", "127.0.0.1",
                "factdesk.tips.mailbox.port", Integer.toString(proxy.port()),
                "factdesk.tips.mailbox.ssl", "false",
                "factdesk.tips.mailbox.user", USER,
                "factdesk.tips.mailbox.password", PASSWORD,
                // a hanging server costs a test this long
                "factdesk.tips.mailbox.timeout", "3s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(greenMail, new TestInjector.AnnotatedAndMatchesType(InjectMailbox.class, GreenMail.class));
        testInjector.injectIntoFields(proxy, new TestInjector.AnnotatedAndMatchesType(InjectMailbox.class, MailboxProxy.class));
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.close();
            }
        } catch (IOException e) {
            // the JVM ends with the tests
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
