package org.factdesk.tip;

import org.factdesk.notification.GreenMailResource;

import java.util.HashMap;
import java.util.Map;

/**
 * The notification tests' real SMTP server ({@link GreenMailResource}), with a public base URL and a
 * publisher of its own (the answers' links, Message-IDs and subjects). Keep-alive stays on here: several
 * consecutive sends over fresh connections were seen to hang until their deadline with it off.
 */
public class AnswerMailResource extends GreenMailResource {

    static final String BASE_URL = "https://factcheck.example";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.remove("quarkus.mailer.keep-alive");
        config.put("factdesk.mail.from", "answers@factcheck.example");
        config.put("factdesk.publisher.base-url", BASE_URL);
        config.put("factdesk.publisher.name", "Example Checks");
        return config;
    }
}
