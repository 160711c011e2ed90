package org.factdesk.tip;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.factdesk.notification.GreenMailResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) in this JVM on a free 127.0.0.1 port, the server's mailer pointed at it,
 * and a public base URL of its own (the answers' links and Message-IDs); the test gets it in a field marked
 * {@link GreenMailResource.InjectGreenMail}. Keep-alive stays on: several
 * consecutive sends over fresh connections were seen to hang until their deadline with it off.
 */
public class AnswerMailResource implements QuarkusTestResourceLifecycleManager {

    static final String BASE_URL = "https://factcheck.example";

    private GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return Map.of(
                "factdesk.mail.from", "answers@factcheck.example",
                "factdesk.publisher.base-url", BASE_URL,
                "factdesk.publisher.name", "Example Checks",
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(port));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(greenMail, new TestInjector.AnnotatedAndMatchesType(
                GreenMailResource.InjectGreenMail.class, GreenMail.class));
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
