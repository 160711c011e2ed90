package org.factdesk.capture;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.factdesk.outbound.OutboundClient;
import org.factdesk.outbound.TargetGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static org.factdesk.support.TestNet.address;
import static org.factdesk.support.TestNet.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Captures of a test site on loopback. 127.0.0.2 plays a public address (the test's classifier lets
 * it through); 127.0.0.1 stays internal and must never be fetched. Every WARC written is read back
 * with jwarc, and every record's block and payload digests are recomputed.
 */
class PageRecorderTest {

    static final InetAddress PUBLIC = address("127.0.0.2");
    static final InetAddress INTERNAL = address("127.0.0.1");
    static final TargetGuard.Classifier CLASSIFIER =
            a -> a.equals(PUBLIC) ? Optional.empty() : TargetGuard.specialPurposeRange(a);

    final List<HttpServer> servers = new ArrayList<>();
    final List<String> internalHits = new CopyOnWriteArrayList<>();
    final List<PageRecorder.Recorded> recorded = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        servers.forEach(server -> server.stop(0));
        for (PageRecorder.Recorded r : recorded) {
            Files.deleteIfExists(r.warc());
        }
    }

    @Test
    void aPageIsPreservedWithItsStylesheetImageAndScriptAndEveryDigestHolds() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0};
        HttpServer site = server(PUBLIC, exchange -> {
            switch (exchange.getRequestURI().getPath()) {
                case "/article" -> respond(exchange, 200, "text/html; charset=utf-8", """
                        <html><head><title>Report</title><link rel="stylesheet" href="/site.css">
                        <script src="/app.js"></script></head>
                        <body><h1>Unemployment fell to 4.1%</h1><img src="img/chart.png" alt="chart">
                        <img src="/missing.png"></body></html>""".getBytes(StandardCharsets.UTF_8));
                case "/site.css" -> respond(exchange, 200, "text/css", "h1{color:red}".getBytes(StandardCharsets.UTF_8));
                case "/app.js" -> respond(exchange, 200, "text/javascript", "alert(1)".getBytes(StandardCharsets.UTF_8));
                case "/img/chart.png" -> respond(exchange, 200, "image/png", png);
                default -> respond(exchange, 404, "text/plain", "no".getBytes(StandardCharsets.UTF_8));
            }
        });

        PageRecorder.Recorded page = record(url(site, "/article"), budget(1_000_000, 100_000, 10));

        assertEquals(200, page.status());
        assertEquals("Unemployment fell to 4.1%", page.text());
        assertFalse(page.truncated());
        assertEquals(List.of(url(site, "/article"), url(site, "/site.css"), url(site, "/app.js"),
                url(site, "/img/chart.png"), url(site, "/missing.png")), page.entries().stream().map(PageRecorder.Entry::uri).toList());
        assertEquals(404, page.entries().get(4).status());

        List<Read> records = readBack(page);
        assertEquals("warcinfo", records.get(0).type());
        assertEquals(11, records.size(), "warcinfo, then a response and a request for each of five fetches");
        Read image = records.stream().filter(r -> r.type().equals("response") && r.target().endsWith("chart.png"))
                .findFirst().orElseThrow();
        assertTrue(java.util.Arrays.equals(png, image.body()));
        assertEquals("127.0.0.2", image.address());
    }

    @Test
    void redirectsAreFollowedHopByHopAndAHopToAnInternalAddressIsRefused() throws Exception {
        HttpServer internal = server(INTERNAL, exchange -> {
            internalHits.add(exchange.getRequestURI().toString());
            respond(exchange, 200, "text/html", "<p>secret</p>".getBytes(StandardCharsets.UTF_8));
        });
        HttpServer site = server(PUBLIC, exchange -> {
            switch (exchange.getRequestURI().getPath()) {
                case "/old" -> redirect(exchange, "/new");
                case "/new" -> respond(exchange, 200, "text/html",
                        ("<p>moved here</p><img src=\"" + url(internal, "/x.png") + "\">").getBytes(StandardCharsets.UTF_8));
                case "/leak" -> redirect(exchange, url(internal, "/admin"));
                default -> respond(exchange, 404, "text/plain", new byte[0]);
            }
        });

        PageRecorder.Recorded moved = record(url(site, "/old"), budget(1_000_000, 100_000, 10));
        assertEquals(url(site, "/new"), moved.finalUrl());
        assertEquals("moved here", moved.text());
        assertEquals(301, moved.entries().get(0).status());
        PageRecorder.Entry refusedImage = moved.entries().get(2);
        assertNull(refusedImage.offset());
        assertTrue(refusedImage.error().contains("not allowed"), refusedImage.error());
        readBack(moved);

        PageRecorder.Failed leak = assertThrows(PageRecorder.Failed.class,
                () -> record(url(site, "/leak"), budget(1_000_000, 100_000, 10)));
        assertTrue(leak.getMessage().contains("not allowed"), leak.getMessage());
        assertEquals(List.of(), internalHits, "the internal server was never reached");
    }

    @Test
    void aPageAtAPrivateAddressIsRefusedBeforeAnyConnection() throws Exception {
        HttpServer internal = server(INTERNAL, exchange -> {
            internalHits.add(exchange.getRequestURI().toString());
            respond(exchange, 200, "text/html", "<p>router admin</p>".getBytes(StandardCharsets.UTF_8));
        });
        PageRecorder.Failed refused = assertThrows(PageRecorder.Failed.class,
                () -> record(url(internal, "/"), budget(1_000_000, 100_000, 10)));
        assertTrue(refused.getMessage().contains("not allowed"), refused.getMessage());
        assertEquals(List.of(), internalHits);
    }

    @Test
    void bodiesOverTheBudgetAreKeptUpToItAndMarkedTruncated() throws Exception {
        byte[] big = new byte[300_000];
        java.util.Arrays.fill(big, (byte) 'a');
        HttpServer site = server(PUBLIC, exchange -> {
            switch (exchange.getRequestURI().getPath()) {
                case "/page" -> respond(exchange, 200, "text/html",
                        "<p>page</p><img src=\"/huge.png\"><img src=\"/small.png\">".getBytes(StandardCharsets.UTF_8));
                case "/huge.png" -> respond(exchange, 200, "image/png", big);
                case "/small.png" -> respond(exchange, 200, "image/png", new byte[]{1, 2, 3});
                case "/file.pdf" -> respond(exchange, 200, "application/pdf", big);
                default -> respond(exchange, 404, "text/plain", new byte[0]);
            }
        });

        PageRecorder.Recorded page = record(url(site, "/page"), budget(1_000_000, 100_000, 10));
        assertEquals("length", page.entries().get(1).truncated(), "a subresource stops at its own limit");
        assertNull(page.entries().get(2).truncated());
        Read huge = readBack(page).get(3);
        assertEquals("length", huge.truncated());
        assertEquals(100_000, huge.body().length);

        PageRecorder.Recorded file = record(url(site, "/file.pdf"), budget(200_000, 100_000, 10));
        assertTrue(file.truncated(), "the page itself stops at the capture's limit");
        assertEquals(200_000, readBack(file).get(1).body().length);
    }

    @Test
    void aPageThatTricklesFailsAtTheDeadlineAndATricklingImageIsCutShort() throws Exception {
        HttpServer site = server(PUBLIC, exchange -> {
            switch (exchange.getRequestURI().getPath()) {
                case "/slow" -> trickle(exchange, "text/html");
                case "/page" -> respond(exchange, 200, "text/html",
                        "<p>fast page</p><img src=\"/slow.png\">".getBytes(StandardCharsets.UTF_8));
                case "/slow.png" -> trickle(exchange, "image/png");
                default -> respond(exchange, 404, "text/plain", new byte[0]);
            }
        });

        Instant start = Instant.now();
        PageRecorder.Failed slow = assertThrows(PageRecorder.Failed.class, () -> new PageRecorder(client())
                .record(url(site, "/slow"), new PageRecorder.Budget(1_000_000, 100_000, 10,
                        Instant.now().plusMillis(1500), false)));
        assertTrue(slow.getMessage().contains("time limit"), slow.getMessage());
        assertTrue(Duration.between(start, Instant.now()).toMillis() < 5000, "the deadline holds the whole capture");

        PageRecorder.Recorded page = new PageRecorder(client()).record(url(site, "/page"),
                new PageRecorder.Budget(1_000_000, 100_000, 10, Instant.now().plusMillis(1500), false));
        recorded.add(page);
        assertTrue(page.truncated());
        assertEquals("time", page.entries().get(1).truncated());
        readBack(page);
    }

    /** A record as read back: its type, target, truncation, address and HTTP body (responses). */
    record Read(String type, String target, String truncated, String address, byte[] body) {
    }

    /**
     * Reads the WARC back with jwarc, as any WARC tool would: every record's block digest recomputed
     * (one pass), then every response's payload digest (a second pass, the first consumed the bodies).
     */
    static List<Read> readBack(PageRecorder.Recorded page) throws Exception {
        return readBack(page.warc());
    }

    static List<Read> readBack(java.nio.file.Path warc) throws Exception {
        try (WarcReader reader = new WarcReader(warc)) {
            reader.calculateBlockDigest();
            for (WarcRecord record : reader) {
                if (!record.type().equals("warcinfo")) {
                    assertTrue(record.blockDigest().isPresent(), "every exchange has a block digest");
                }
                if (record.blockDigest().isPresent()) {
                    assertEquals(record.blockDigest(), record.calculatedBlockDigest(), "block digest of " + record.type());
                }
            }
        }
        List<Read> records = new ArrayList<>();
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord record : reader) {
                if (record instanceof WarcResponse response) {
                    byte[] body = response.http().body().stream().readAllBytes();
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    sha.update(body);
                    assertEquals(response.payloadDigest().orElseThrow(), new WarcDigest(sha), "payload of " + response.target());
                    records.add(new Read("response", response.target(), response.truncated().name().toLowerCase(),
                            response.ipAddress().map(InetAddress::getHostAddress).orElse(null), body));
                } else if (record instanceof WarcRequest request) {
                    assertEquals("GET", request.http().method());
                    records.add(new Read("request", request.target(), null, null, null));
                } else {
                    records.add(new Read(record.type(), null, null, null, null));
                }
            }
        }
        return records;
    }

    private PageRecorder.Recorded record(String url, PageRecorder.Budget budget) throws Exception {
        PageRecorder.Recorded page = new PageRecorder(client()).record(url, budget);
        recorded.add(page);
        return page;
    }

    private static PageRecorder.Budget budget(long maxBytes, long maxResourceBytes, int maxResources) {
        return new PageRecorder.Budget(maxBytes, maxResourceBytes, maxResources, Instant.now().plusSeconds(20), false);
    }

    private static OutboundClient client() {
        return new OutboundClient(new TargetGuard(host -> new InetAddress[]{address(host)}, CLASSIFIER), null);
    }

    private HttpServer server(InetAddress address, HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.createContext("/", handler);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        servers.add(server);
        return server;
    }

    private static String url(HttpServer server, String path) {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + path;
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(301, -1);
        exchange.close();
    }

    /** A byte every 200 ms, for ever (until the client goes). */
    private static void trickle(HttpExchange exchange, String type) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 100; i++) {
                out.write('x');
                out.flush();
                sleep(200);
            }
        } catch (IOException e) {
            // the client hung up at its deadline
        }
    }
}
