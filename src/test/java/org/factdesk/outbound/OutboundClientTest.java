package org.factdesk.outbound;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.factdesk.support.TestNet.address;
import static org.factdesk.support.TestNet.sleep;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guarded client against servers on loopback. 127.0.0.2 plays a public address (the test's
 * classifier lets it through); 127.0.0.1 stays what it is, an internal one that must never be
 * reached. Names are answered by a resolver the test controls.
 */
class OutboundClientTest {

    static final InetAddress PUBLIC = address("127.0.0.2");
    static final InetAddress INTERNAL = address("127.0.0.1");
    static final TargetGuard.Classifier CLASSIFIER =
            a -> a.equals(PUBLIC) ? Optional.empty() : TargetGuard.specialPurposeRange(a);

    final List<HttpServer> servers = new ArrayList<>();
    final List<ServerSocket> sockets = new ArrayList<>();
    final ExecutorService serverThreads = Executors.newCachedThreadPool();
    volatile boolean stopped;

    @AfterEach
    void stop() throws IOException {
        stopped = true;
        servers.forEach(server -> server.stop(0));
        for (ServerSocket socket : sockets) {
            socket.close();
        }
        serverThreads.shutdownNow();
    }

    @Test
    void aNameIsResolvedOnceAndTheConnectionGoesToTheCheckedAddressNotToALaterAnswer() throws Exception {
        List<String> publicHosts = new CopyOnWriteArrayList<>();
        AtomicInteger internalHits = new AtomicInteger();
        HttpServer open = server(PUBLIC, 0, exchange -> {
            publicHosts.add(exchange.getRequestHeaders().getFirst("Host"));
            respond(exchange, 200, "public");
        });
        int port = open.getAddress().getPort();
        server(INTERNAL, port, exchange -> {
            internalHits.incrementAndGet();
            respond(exchange, 200, "internal");
        });
        // DNS rebinding: a public answer when the guard asks, 127.0.0.1 for anyone asking later.
        AtomicInteger lookups = new AtomicInteger();
        OutboundClient client = client(host -> new InetAddress[]{lookups.getAndIncrement() == 0 ? PUBLIC : INTERNAL});

        OutboundClient.Response response = client.send(OutboundClient.Request.get("http://partner.test:" + port + "/x", Map.of()),
                false, in(Duration.ofSeconds(5)), 1000);
        assertEquals("public", new String(response.body(), StandardCharsets.UTF_8));
        assertEquals(1, lookups.get(), "one lookup per call: the client itself asks nobody");
        assertEquals(List.of("partner.test:" + port), publicHosts, "the name is kept in the Host header");

        // The next call looks the name up again, gets the internal answer and is refused.
        OutboundClient.Failure refused = assertThrows(OutboundClient.Failure.class, () -> client.send(
                OutboundClient.Request.get("http://partner.test:" + port + "/x", Map.of()), false, in(Duration.ofSeconds(5)), 1000));
        assertEquals(OutboundClient.Failure.Kind.REFUSED, refused.kind());
        assertEquals("the address of this host is not allowed (partner.test)", refused.getMessage());
        assertEquals(0, internalHits.get());
    }

    @Test
    void anInternalAddressIsRefusedWithoutConnectingAndWithoutSayingWhichAddressItIs() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer internal = server(INTERNAL, 0, exchange -> {
            hits.incrementAndGet();
            respond(exchange, 200, "secret");
        });
        OutboundClient client = client(host -> new InetAddress[]{INTERNAL});
        for (String url : List.of("http://intranet.test:" + internal.getAddress().getPort() + "/",
                "http://127.0.0.1:" + internal.getAddress().getPort() + "/")) {
            OutboundClient.Failure refused = assertThrows(OutboundClient.Failure.class, () ->
                    client.send(OutboundClient.Request.get(url, Map.of()), false, in(Duration.ofSeconds(5)), 1000));
            assertEquals(OutboundClient.Failure.Kind.REFUSED, refused.kind());
            assertTrue(refused.getMessage().startsWith("the address of this host is not allowed"), refused.getMessage());
        }
        assertFalse(assertThrows(OutboundClient.Failure.class, () -> client.send(OutboundClient.Request.get(
                        "http://intranet.test:" + internal.getAddress().getPort() + "/", Map.of()), false, in(Duration.ofSeconds(5)), 1000))
                .getMessage().contains("127.0.0.1"));
        assertEquals(0, hits.get());
        // With private targets allowed by the desk, the same call goes through.
        assertEquals(200, client.send(OutboundClient.Request.get("http://intranet.test:" + internal.getAddress().getPort() + "/",
                Map.of()), true, in(Duration.ofSeconds(5)), 1000).status());
    }

    @Test
    void aBodyTrickledForMinutesIsCutAtTheDeadline() throws Exception {
        HttpServer trickle = server(PUBLIC, 0, exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: the body has no announced end
            OutputStream body = exchange.getResponseBody();
            for (int i = 0; i < 1200 && !stopped; i++) { // two minutes if nobody stops it
                body.write('x');
                body.flush();
                sleep(100);
            }
            exchange.close();
        });
        assertDeadlineWithin(Duration.ofSeconds(1), "http://partner.test:" + trickle.getAddress().getPort() + "/");
    }

    @Test
    void headersWithoutABodyAndNoAnswerAtAllAreCutAtTheDeadline() throws Exception {
        HttpServer silentBody = server(PUBLIC, 0, exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().flush();
            sleep(60_000);
        });
        assertDeadlineWithin(Duration.ofSeconds(1), "http://partner.test:" + silentBody.getAddress().getPort() + "/");

        ServerSocket mute = new ServerSocket(0, 50, PUBLIC); // accepts, never answers
        sockets.add(mute);
        serverThreads.submit(() -> {
            List<Socket> kept = new ArrayList<>();
            while (!stopped) {
                kept.add(mute.accept());
            }
            return kept;
        });
        assertDeadlineWithin(Duration.ofSeconds(1), "http://partner.test:" + mute.getLocalPort() + "/");
    }

    @Test
    void theBodyIsReadUpToItsLimitAndRedirectsAreNotFollowed() throws Exception {
        AtomicInteger elsewhere = new AtomicInteger();
        HttpServer site = server(PUBLIC, 0, exchange -> {
            if (exchange.getRequestURI().getPath().equals("/big")) {
                respond(exchange, 200, "y".repeat(100_000));
            } else if (exchange.getRequestURI().getPath().equals("/moved")) {
                exchange.getResponseHeaders().add("Location", "/elsewhere");
                respond(exchange, 302, "");
            } else {
                elsewhere.incrementAndGet();
                respond(exchange, 200, "elsewhere");
            }
        });
        OutboundClient client = client(host -> new InetAddress[]{PUBLIC});
        String base = "http://partner.test:" + site.getAddress().getPort();
        OutboundClient.Response big = client.send(OutboundClient.Request.get(base + "/big", Map.of()), false, in(Duration.ofSeconds(5)), 1000);
        assertTrue(big.truncated());
        assertEquals(1000, big.body().length);
        OutboundClient.Response moved = client.send(OutboundClient.Request.get(base + "/moved", Map.of()), false, in(Duration.ofSeconds(5)), 1000);
        assertEquals(302, moved.status());
        assertEquals(Optional.of("/elsewhere"), moved.header("location"));
        assertEquals(0, elsewhere.get());
        // A POST carries its body and headers.
        List<String> seen = new CopyOnWriteArrayList<>();
        site.createContext("/hook", exchange -> {
            seen.add(exchange.getRequestHeaders().getFirst("webhook-id") + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            respond(exchange, 204, "");
        });
        assertEquals(204, client.send(OutboundClient.Request.post(base + "/hook", Map.of("webhook-id", "msg_1"),
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8)), false, in(Duration.ofSeconds(5)), 1000).status());
        assertEquals(List.of("msg_1 {\"a\":1}"), seen);
    }

    @Test
    void httpsToThePinnedAddressSendsTheNameForSniAndChecksTheCertificateAgainstIt(@TempDir Path dir) throws Exception {
        char[] password = "changeit".toCharArray();
        Path keystore = dir.resolve("partner.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "partner", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=partner.test",
                "-ext", "SAN=dns:partner.test", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        keytool.getInputStream().readAllBytes();
        assertEquals(0, keytool.waitFor());
        KeyStore store = KeyStore.getInstance(keystore.toFile(), password);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keys.getKeyManagers(), null, null);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, trust.getTrustManagers(), null);

        List<String> sni = new CopyOnWriteArrayList<>();
        HttpsServer https = HttpsServer.create(new InetSocketAddress(PUBLIC, 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        https.createContext("/", exchange -> {
            ((ExtendedSSLSession) ((HttpsExchange) exchange).getSSLSession()).getRequestedServerNames()
                    .forEach(name -> sni.add(((SNIHostName) name).getAsciiName()));
            respond(exchange, 200, "secure");
        });
        https.setExecutor(serverThreads);
        https.start();
        servers.add(https);

        OutboundClient client = new OutboundClient(new TargetGuard(host -> new InetAddress[]{PUBLIC}, CLASSIFIER), clientTls);
        int port = https.getAddress().getPort();
        OutboundClient.Response response = client.send(OutboundClient.Request.get("https://partner.test:" + port + "/", Map.of()),
                false, in(Duration.ofSeconds(10)), 1000);
        assertArrayEquals("secure".getBytes(StandardCharsets.UTF_8), response.body());
        assertEquals(List.of("partner.test"), sni);
        // The certificate is checked against the name in the URL, not against the address connected to.
        OutboundClient.Failure wrongName = assertThrows(OutboundClient.Failure.class, () -> client.send(
                OutboundClient.Request.get("https://other.test:" + port + "/", Map.of()), false, in(Duration.ofSeconds(10)), 1000));
        assertEquals(OutboundClient.Failure.Kind.FAILED, wrongName.kind());
        assertTrue(wrongName.getMessage().startsWith("the secure connection to other.test failed"), wrongName.getMessage());
    }

    @Test
    void connectionErrorsNameTheHostNotTheAddress() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, PUBLIC)) {
            closedPort = socket.getLocalPort();
        }
        OutboundClient.Failure failure = assertThrows(OutboundClient.Failure.class, () -> client(host -> new InetAddress[]{PUBLIC})
                .send(OutboundClient.Request.get("http://partner.test:" + closedPort + "/", Map.of()), false, in(Duration.ofSeconds(5)), 1000));
        assertEquals(OutboundClient.Failure.Kind.FAILED, failure.kind());
        assertTrue(failure.getMessage().startsWith("cannot connect to partner.test"), failure.getMessage());
        assertFalse(failure.getMessage().contains("127.0.0.2"), failure.getMessage());
    }

    void assertDeadlineWithin(Duration limit, String url) {
        OutboundClient client = client(host -> new InetAddress[]{PUBLIC});
        Instant start = Instant.now();
        OutboundClient.Failure failure = assertThrows(OutboundClient.Failure.class, () ->
                client.send(OutboundClient.Request.get(url, Map.of()), false, start.plus(limit), 1_000_000));
        Duration took = Duration.between(start, Instant.now());
        assertEquals(OutboundClient.Failure.Kind.DEADLINE, failure.kind(), failure.getMessage());
        assertEquals("no complete answer from partner.test within the time limit", failure.getMessage());
        assertTrue(took.compareTo(limit.plusSeconds(2)) < 0, "the call took " + took);
    }

    OutboundClient client(TargetGuard.Resolver resolver) {
        return new OutboundClient(new TargetGuard(resolver, CLASSIFIER), null);
    }

    HttpServer server(InetAddress address, int port, HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
        server.createContext("/", handler);
        server.setExecutor(serverThreads);
        server.start();
        servers.add(server);
        return server;
    }

    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    static Instant in(Duration duration) {
        return Instant.now().plus(duration);
    }
}
