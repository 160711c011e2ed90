package org.factdesk.telemetry;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.factdesk.support.Desk;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Traces stay off unless an operator turns them on: the disabled SDK makes no spans, so no exporter has anything
 * to send and none is made. ({@link TracingTest}: on.)
 */
@QuarkusTest
class TracesOffByDefaultTest {

    final Desk desk = new Desk();

    @Test
    void aRequestIsNotTracedUnlessConfigured() {
        assertTrue(ConfigProvider.getConfig().getValue("quarkus.otel.sdk.disabled", Boolean.class));
        List<ExtLogRecord> logged;
        try (LogCapture capture = LogCapture.start()) {
            desk.as(desk.carol).header("traceparent", TracingTest.traceparent(TracingTest.randomHex(16)))
                    .get("/api/tickets/{id}", Long.MAX_VALUE).then().statusCode(404);
            logged = capture.records();
        }
        List<ExtLogRecord> problems = logged.stream().filter(record -> record.getLoggerName().equals("http-problem")).toList();
        assertEquals(1, problems.size(), "the 404 is logged");
        assertFalse(problems.get(0).getMdcCopy().containsKey("traceId"), "no span, no trace id: " + problems.get(0).getMdcCopy());
    }
}
