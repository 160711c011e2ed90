package org.factdesk.priorreview;

import com.sun.net.httpserver.HttpServer;
import io.quarkiverse.resteasy.problem.HttpProblem;
import org.factdesk.outbound.TargetGuard;
import org.factdesk.outbound.OutboundClient;
import org.factdesk.support.TestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.factdesk.support.TestNet.address;
import static org.factdesk.support.TestNet.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The import-url fetch through the guarded client: each redirect hop is checked and pinned again,
 * and one deadline covers the whole fetch. 127.0.0.2 plays a public site, 127.0.0.1 an internal one.
 */
class ClaimReviewFetcherTest {

    static final InetAddress PUBLIC = address("127.0.0.2");
    static final InetAddress INTERNAL = address("127.0.0.1");

    final ExecutorService threads = Executors.newCachedThreadPool();
    final AtomicInteger internalHits = new AtomicInteger();
    volatile boolean stopped;
    HttpServer site;
    HttpServer internal;

    @AfterEach
    void stop() {
        stopped = true;
        site.stop(0);
        internal.stop(0);
        threads.shutdownNow();
    }

    @Test
    void aRedirectToAnInternalHostIsRefusedAndASlowFeedIsCutAtTheTimeLimit() throws Exception {
        internal = HttpServer.create(new InetSocketAddress(INTERNAL, 0), 0);
        internal.createContext("/", exchange -> {
            internalHits.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        internal.setExecutor(threads);
        internal.start();
        int internalPort = internal.getAddress().getPort();
        site = HttpServer.create(new InetSocketAddress(PUBLIC, 0), 0);
        site.createContext("/to-intranet", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://intranet.test:" + internalPort + "/feed.json");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        site.createContext("/to-loopback", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + internalPort + "/feed.json");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        site.createContext("/slow.json", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            for (int i = 0; i < 1200 && !stopped; i++) {
                body.write(' ');
                body.flush();
                sleep(100);
            }
            exchange.close();
        });
        site.setExecutor(threads);
        site.start();
        String base = "http://news.test:" + site.getAddress().getPort();

        ClaimReviewFetcher fetcher = new ClaimReviewFetcher();
        fetcher.outbound = new OutboundClient(new TargetGuard(
                host -> new InetAddress[]{host.equals("news.test") ? PUBLIC : INTERNAL},
                a -> a.equals(PUBLIC) ? Optional.empty() : TargetGuard.specialPurposeRange(a)), null);
        fetcher.config = TestConfig.factdesk("factdesk.intake.import.timeout", "10s");
        fetcher.maxBytes = 1_000_000;

        for (String path : new String[]{"/to-intranet", "/to-loopback"}) {
            HttpProblem refused = assertThrows(HttpProblem.class, () -> fetcher.fetch(base + path, false));
            assertEquals(422, refused.getStatusCode());
            assertEquals("URL refused", refused.getTitle(), refused.getDetail());
            assertTrue(refused.getDetail().contains("the address of this host is not allowed"), refused.getDetail());
            assertFalse(path.equals("/to-intranet") && refused.getDetail().contains("127.0.0.1"), refused.getDetail());
        }
        assertEquals(0, internalHits.get());

        fetcher.config = TestConfig.factdesk("factdesk.intake.import.timeout", "1s");
        Instant start = Instant.now();
        HttpProblem slow = assertThrows(HttpProblem.class, () -> fetcher.fetch(base + "/slow.json", false));
        assertEquals("Fetch failed", slow.getTitle());
        assertEquals("Cannot fetch " + base + "/slow.json: no complete answer from news.test within the time limit.",
                slow.getDetail());
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 3, "took " + Duration.between(start, Instant.now()));
    }
}
