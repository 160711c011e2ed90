package org.factdesk.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeNotifierTest {

    final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void aBurstOfChangesIsSplitIntoPayloadsPostgresAcceptsWithNothingLostOrReordered() throws Exception {
        ChangeNotifier notifier = new ChangeNotifier();
        notifier.json = json;
        List<TicketChange> burst = IntStream.range(0, 500)
                .mapToObj(i -> new TicketChange(1000 + i, "ticket.claim", "IN_PROGRESS", "r\u00e9dacteur-" + "\u00e9".repeat(30) + i,
                        Instant.parse("2026-12-01T10:00:00Z").plusMillis(i)))
                .toList();

        List<String> payloads = notifier.payloads(burst);

        assertTrue(payloads.size() > 1, "500 changes do not fit one NOTIFY");
        List<TicketChange> received = new ArrayList<>();
        for (String payload : payloads) {
            assertTrue(payload.getBytes(StandardCharsets.UTF_8).length < 8000, "payload of " + payload.length());
            received.addAll(Arrays.asList(json.readValue(payload, TicketChange[].class)));
        }
        assertEquals(burst, received);
    }

    @Test
    void oneChangeIsOneArray() throws Exception {
        ChangeNotifier notifier = new ChangeNotifier();
        notifier.json = json;
        TicketChange change = new TicketChange(7, "comment.added", "OPEN", "bob", Instant.parse("2026-12-01T10:00:00Z"));
        List<String> payloads = notifier.payloads(List.of(change));
        assertEquals(1, payloads.size());
        assertEquals(List.of(change), Arrays.asList(json.readValue(payloads.get(0), TicketChange[].class)));
    }
}
