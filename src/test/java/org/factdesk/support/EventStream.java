package org.factdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A client of {@code /api/events} for tests: opens the stream, waits until it is ready, hands out events. */
public final class EventStream implements AutoCloseable {

    public record Event(String name, String data) {
    }

    private final BlockingQueue<Event> received = new LinkedBlockingQueue<>();
    private final Thread reader;

    private EventStream(HttpResponse<Stream<String>> response) {
        reader = new Thread(() -> {
            String name = null;
            try {
                for (String line : (Iterable<String>) response.body()::iterator) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:") && name != null) {
                        received.add(new Event(name, line.substring(5).strip()));
                        name = null;
                    }
                }
            } catch (UncheckedIOException streamClosed) {
                // the server went away or the test is done with the stream: next() reports missing events
            }
        }, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream at {@code url} with the token and returns once the server says it is ready. */
    public static EventStream open(String url, String token) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode(), "opening " + url);
        EventStream stream = new EventStream(response);
        stream.next("ready");
        return stream;
    }

    /** The next event of that name (others are skipped); fails after 5 s without one. */
    public Event next(String name) throws InterruptedException {
        while (true) {
            Event event = received.poll(5, TimeUnit.SECONDS);
            assertNotNull(event, "no '" + name + "' event within 5 s");
            if (event.name().equals(name)) {
                return event;
            }
        }
    }

    @Override
    public void close() {
        reader.interrupt();
    }
}
