package org.factdesk.scaleout;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import org.factdesk.db.EmbeddedDatabase;
import org.factdesk.dev.LocalDesk;
import org.factdesk.support.Desk;
import org.factdesk.support.EventStream;
import org.factdesk.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three server processes (the packaged application) on different ports against one PostgreSQL
 * behave like one: no ticket goes to two people, scheduled work runs once per due item, a change
 * through one replica is seen at once through the others, live updates reach every replica's
 * clients, killing a replica or the database (kill -9) loses no acknowledged write while the
 * servers recover by themselves, and requesters of tips hear of each change once, whichever replica
 * sends. The database is an embedded PostgreSQL this test owns, the SMTP server a GreenMail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    static final int REPLICAS = 3;
    static final Path WORK = Path.of("target/scaleout");

    final Desk desk = new Desk();
    final List<Process> servers = new ArrayList<>(java.util.Collections.nCopies(REPLICAS, (Process) null));
    final int[] ports = new int[REPLICAS];
    final int[] managementPorts = new int[REPLICAS];
    EmbeddedDatabase database;
    int databasePort;
    /** The SMTP server every replica hands answers to tips to. */
    GreenMail smtp;

    @BeforeAll
    void start() throws Exception {
        deleteTree(WORK);
        Files.createDirectories(WORK);
        databasePort = freePort();
        database = EmbeddedDatabase.startPersistent(WORK.resolve("pgdata"), databasePort);
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        for (int i = 0; i < REPLICAS; i++) {
            ports[i] = freePort();
            managementPorts[i] = freePort();
        }
        // The first replica migrates the schema; the others start together with it on purpose.
        for (int i = 0; i < REPLICAS; i++) {
            servers.set(i, startServer(i));
        }
        for (int i = 0; i < REPLICAS; i++) {
            assertTrue(LocalDesk.awaitReady(servers.get(i), managementPorts[i], Duration.ofMinutes(2)), "replica " + i + " is not ready");
        }
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = ports[0];
    }

    @AfterAll
    void stop() throws Exception {
        for (Process server : servers) {
            if (server != null) {
                server.destroy();
                server.waitFor(30, TimeUnit.SECONDS);
            }
        }
        if (database != null) {
            database.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        RestAssured.reset();
    }

    @Test
    @Order(1)
    void concurrentClaimsAcrossReplicasNeverGiveATicketToTwoPeople() throws Exception {
        List<Long> tickets = newTickets(60);
        Map<Long, String> claimedBy = new ConcurrentHashMap<>();
        AtomicInteger doubles = new AtomicInteger();
        runWorkers(8, worker -> {
            String me = Desk.unique("checker" + worker);
            String token = Tokens.of(me, "factchecker");
            for (int n = 0; ; n++) {
                Response r = at(worker + n).auth().oauth2(token).post("/api/tickets/claim-next");
                if (r.statusCode() != 200) {
                    assertEquals(404, r.statusCode(), r.asString());
                    return;
                }
                if (claimedBy.putIfAbsent(r.jsonPath().getLong("id"), me) != null) {
                    doubles.incrementAndGet();
                }
            }
        });
        assertEquals(0, doubles.get());
        assertEquals(tickets.size(), claimedBy.size());
        for (long ticket : tickets) {
            assertEquals(claimedBy.get(ticket), desk.as(desk.carol).get("/api/tickets/{id}", ticket).jsonPath().getString("assignee"));
        }

        // Everyone tries to claim the same tickets, each through another replica: one wins each.
        List<Long> contested = newTickets(10);
        Map<Long, AtomicInteger> winners = new ConcurrentHashMap<>();
        contested.forEach(t -> winners.put(t, new AtomicInteger()));
        runWorkers(6, worker -> {
            String token = Tokens.of(Desk.unique("rival" + worker), "factchecker");
            for (long ticket : contested) {
                int status = at(worker).auth().oauth2(token).post("/api/tickets/{id}/claim", ticket).statusCode();
                if (status == 200) {
                    winners.get(ticket).incrementAndGet();
                } else {
                    assertEquals(409, status);
                }
            }
        });
        winners.forEach((ticket, count) -> assertEquals(1, count.get(), "ticket " + ticket + " claimed " + count + " times"));
        assertAuditIntact();
    }

    @Test
    @Order(2)
    void scheduledWorkRunsOncePerDueItemNotOncePerReplica() throws Exception {
        List<String> deliveries = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            deliveries.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            desk.allowPrivateTargets(true);
            desk.as(desk.dave).body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                    "events", List.of("fact-check.published"))).post("/api/webhooks").then().statusCode(201);

            List<Long> tickets = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                tickets.add(approvedTicket(i));
            }
            String publishAt = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2).toString();
            for (int i = 0; i < tickets.size(); i++) {
                at(i).auth().oauth2(Tokens.of(desk.carol, "editor")).contentType("application/json")
                        .body(Map.of("publishAt", publishAt)).post("/api/tickets/{id}/publish", tickets.get(i))
                        .then().statusCode(200);
            }
            awaitTrue(Duration.ofSeconds(30), () -> tickets.stream().allMatch(t ->
                    "PUBLISHED".equals(desk.as(desk.carol).get("/api/tickets/{id}", t).jsonPath().getString("status"))));
            awaitTrue(Duration.ofSeconds(30), () -> deliveries.size() >= tickets.size());
            Thread.sleep(4000); // time for any second delivery or publication to show up
            for (long ticket : tickets) {
                List<String> actions = desk.as(desk.carol).get("/api/tickets/{id}/history", ticket).jsonPath().getList("items.action");
                assertEquals(1, actions.stream().filter(a -> a.equals("ticket.publish")).count(), actions.toString());
            }
            assertEquals(tickets.size(), deliveries.size(), deliveries.toString());
            assertEquals(tickets.size(), deliveries.stream().distinct().count());

            // Checkpoints every 3 s on each of three replicas: still one per interval.
            List<String> times = desk.as(desk.dave).queryParam("size", 200).get("/api/audit/checkpoints").jsonPath()
                    .getList("items.createdAt");
            List<Instant> created = times.stream().map(Instant::parse).sorted().toList();
            assertTrue(created.size() >= 2, "checkpoints: " + created);
            for (int i = 1; i < created.size(); i++) {
                Duration gap = Duration.between(created.get(i - 1), created.get(i));
                assertTrue(gap.toMillis() >= 2500, "two checkpoints " + gap.toMillis() + " ms apart: " + created);
            }
        } finally {
            desk.allowPrivateTargets(false);
            receiver.stop(0);
        }
    }

    @Test
    @Order(3)
    void aChangeThroughOneReplicaIsSeenAtOnceThroughTheOthers() {
        String me = Desk.unique("limited");
        String token = Tokens.of(me, "factchecker");
        List<Long> tickets = newTickets(2);
        setLimit(0, 1);
        try {
            at(1).auth().oauth2(token).post("/api/tickets/{id}/claim", tickets.get(0)).then().statusCode(200);
            at(2).auth().oauth2(token).post("/api/tickets/{id}/claim", tickets.get(1)).then().statusCode(409);
        } finally {
            setLimit(1, 0);
        }
        at(2).auth().oauth2(token).post("/api/tickets/{id}/claim", tickets.get(1)).then().statusCode(200);
    }

    @Test
    @Order(4)
    void liveUpdatesReachClientsOfEveryReplica() throws Exception {
        long ticket = newTickets(1).get(0);
        List<EventStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < REPLICAS; i++) {
                streams.add(EventStream.open(url(i) + "/api/events", Tokens.of(Desk.unique("watcher"), "editor")));
            }
            at(1).auth().oauth2(Tokens.of(Desk.unique("claimer"), "factchecker")).post("/api/tickets/{id}/claim", ticket)
                    .then().statusCode(200);
            for (EventStream stream : streams) {
                EventStream.Event event = stream.next("ticket");
                assertTrue(event.data().contains("\"ticketId\":" + ticket), event.data());
            }
        } finally {
            streams.forEach(EventStream::close);
        }
    }

    @Test
    @Order(5)
    void killingAReplicaMidLoadLosesNoAcknowledgedWrite() throws Exception {
        List<Long> tickets = newTickets(80);
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean killed = new AtomicBoolean();
        runWorkers(6, worker -> {
            String me = Desk.unique("loader" + worker);
            String token = Tokens.of(me, "factchecker");
            for (int n = 0; n < 200; n++) {
                int replica = (worker + n) % REPLICAS;
                if (replica == 1 && killed.get()) {
                    continue;
                }
                Response r;
                try {
                    r = at(replica).auth().oauth2(token).post("/api/tickets/claim-next");
                } catch (Exception connectionLost) {
                    continue; // not acknowledged: the client cannot know, and retries elsewhere
                }
                if (r.statusCode() == 404) {
                    return;
                }
                if (r.statusCode() == 200) {
                    acknowledged.put(r.jsonPath().getLong("id"), me);
                    if (acknowledged.size() == 20 && killed.compareAndSet(false, true)) {
                        servers.get(1).destroyForcibly(); // SIGKILL: no shutdown hook, no drain
                    }
                }
            }
        });
        assertTrue(killed.get());
        assertTrue(acknowledged.size() > 20);
        System.out.printf("scale-out: replica 1 killed (SIGKILL) after 20 claims; %d claims acknowledged in all%n",
                acknowledged.size());
        for (var entry : acknowledged.entrySet()) {
            assertEquals(entry.getValue(), desk.as(desk.carol).get("/api/tickets/{id}", entry.getKey()).jsonPath()
                    .getString("assignee"), "ticket " + entry.getKey());
        }
        assertAuditIntact();
        servers.set(1, startServer(1));
        assertTrue(LocalDesk.awaitReady(servers.get(1), managementPorts[1], Duration.ofMinutes(2)));
    }

    @Test
    @Order(6)
    void killingTheDatabaseMidLoadLosesNoCommittedTransitionAndTheServersRecover() throws Exception {
        newTickets(80);
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean restarted = new AtomicBoolean();
        AtomicInteger failuresDuringOutage = new AtomicInteger();
        AtomicLong restartedAt = new AtomicLong();
        AtomicLong firstSuccessAfterRestart = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> load = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        for (int w = 0; w < 6; w++) {
            int worker = w;
            load.add(pool.submit(() -> {
                String me = Desk.unique("survivor" + worker);
                String token = Tokens.of(me, "factchecker");
                for (int n = 0; !stop.get(); n++) {
                    try {
                        Response r = at(worker + n).auth().oauth2(token).post("/api/tickets/claim-next");
                        if (r.statusCode() == 200) {
                            acknowledged.put(r.jsonPath().getLong("id"), me);
                            if (restarted.get()) {
                                firstSuccessAfterRestart.compareAndSet(0, System.nanoTime());
                            }
                        } else if (r.statusCode() == 404) {
                            return null;
                        } else if (!restarted.get()) {
                            failuresDuringOutage.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failuresDuringOutage.incrementAndGet();
                    }
                    Thread.sleep(20);
                }
                return null;
            }));
        }
        awaitTrue(Duration.ofSeconds(30), () -> acknowledged.size() >= 15);
        killDatabase();
        Thread.sleep(1500);
        database = EmbeddedDatabase.startPersistent(WORK.resolve("pgdata"), databasePort);
        restartedAt.set(System.nanoTime());
        restarted.set(true);
        for (Future<?> worker : load) {
            worker.get(3, TimeUnit.MINUTES);
        }
        stop.set(true);
        pool.shutdown();

        assertTrue(failuresDuringOutage.get() > 0, "the outage was not noticed: did the kill happen?");
        assertTrue(firstSuccessAfterRestart.get() > 0, "no claim succeeded after the restart");
        System.out.printf("scale-out: database killed and restarted; %d claims acknowledged, %d requests failed during"
                        + " the outage, first success %d ms after the restart, no server restarted%n", acknowledged.size(),
                failuresDuringOutage.get(), (firstSuccessAfterRestart.get() - restartedAt.get()) / 1_000_000);
        for (var entry : acknowledged.entrySet()) {
            assertEquals(entry.getValue(), desk.as(desk.carol).get("/api/tickets/{id}", entry.getKey()).jsonPath()
                    .getString("assignee"), "ticket " + entry.getKey());
        }
        for (int i = 0; i < REPLICAS; i++) {
            at(i).auth().oauth2(Tokens.of(desk.carol, "editor")).get("/api/tickets").then().statusCode(200);
        }
        assertAuditIntact();
    }

    @Test
    @Order(7)
    void eachRequesterHearsOfEachChangeOnceAcrossReplicas() throws Exception {
        long ticket = approvedTicket(0);
        long claim = desk.as(desk.carol).get("/api/tickets/{id}", ticket).jsonPath().getLong("claim.id");
        List<String> requesters = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requesters.add(Desk.unique("requester" + i) + "@readers.example");
        }
        insertTips(claim, requesters); // as the tips inbox leaves them: a group attached to the claim

        String editor = Tokens.of(desk.carol, "editor");
        at(0).auth().oauth2(editor).contentType("application/json").body(Map.of())
                .post("/api/tickets/{id}/publish", ticket).then().statusCode(200);
        awaitMails(requesters, 1);

        at(1).auth().oauth2(editor).contentType("application/json").body(Map.of())
                .post("/api/tickets/{id}/correct", ticket).then().statusCode(200);
        var verdict = desk.as(desk.alice).get("/api/tickets/{id}/verdict", ticket).jsonPath();
        long evidence = desk.as(desk.alice).get("/api/tickets/{id}/evidence", ticket).jsonPath().getLong("items[0].id");
        desk.as(desk.alice).body(Map.of("ratingId", desk.ratingId("False"), "headline", "Corrected " + ticket,
                "summary", "s2", "explanation", "e2", "evidenceIds", List.of(evidence), "correctionNote", "A figure was wrong.",
                "version", verdict.getLong("draft.version"))).put("/api/tickets/{id}/verdict", ticket).then().statusCode(200);
        at(2).auth().oauth2(Tokens.of(desk.alice, "factchecker")).contentType("application/json").body(Map.of())
                .post("/api/tickets/{id}/submit", ticket).then().statusCode(200);
        at(0).auth().oauth2(Tokens.of(desk.bob, "reviewer")).contentType("application/json").body(Map.of())
                .post("/api/tickets/{id}/approve", ticket).then().statusCode(200);
        at(1).auth().oauth2(editor).contentType("application/json").body(Map.of())
                .post("/api/tickets/{id}/publish", ticket).then().statusCode(200);
        awaitMails(requesters, 2);

        at(2).auth().oauth2(editor).contentType("application/json").body(Map.of("reason", "The source was forged"))
                .post("/api/tickets/{id}/retract", ticket).then().statusCode(200);
        awaitMails(requesters, 3);

        Thread.sleep(4000); // time for any second send by another replica to show up
        for (String requester : requesters) {
            List<MimeMessage> mails = mailsTo(requester);
            assertEquals(3, mails.size(), requester);
            List<String> ids = new ArrayList<>();
            for (MimeMessage mail : mails) {
                ids.add(mail.getMessageID());
            }
            assertEquals(3, ids.stream().distinct().count(), "one Message-ID per change: " + ids);
            assertTrue(mails.get(2).getSubject().contains("retracted"), mails.get(2).getSubject());
        }
        assertEquals(0, mailsTo(NO_CONSENT).size(), "a requester who did not consent is never written to");
    }

    /** A requester whose tip came without consent, so without a contact the desk may use. */
    static final String NO_CONSENT = "silent@readers.example";

    void insertTips(long claim, List<String> contacts) throws Exception {
        java.security.SecureRandom random = new java.security.SecureRandom();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres", "postgres", "postgres")) {
            long group;
            try (var s = c.prepareStatement("""
                    INSERT INTO tip_group (text, language, first_at, last_at, tip_count, claim_id, attached_at, attached_by)
                    VALUES ('Is this true?', 'en', now(), now(), ?, ?, now(), 'scale-out') RETURNING id""")) {
                s.setInt(1, contacts.size() + 1);
                s.setLong(2, claim);
                try (var r = s.executeQuery()) {
                    r.next();
                    group = r.getLong(1);
                }
            }
            List<String> all = new ArrayList<>(contacts);
            all.add(null);
            for (String contact : all) {
                try (var s = c.prepareStatement("""
                        INSERT INTO tip (group_id, channel, text, language, received_at, token_hash, contact, contact_salt, consent)
                        VALUES (?, 'web', ?, 'en', now(), ?, ?, ?, ?)""")) {
                    byte[] token = new byte[32];
                    random.nextBytes(token);
                    byte[] salt = new byte[32];
                    random.nextBytes(salt);
                    s.setLong(1, group);
                    s.setString(2, contact == null ? "Is this true? Asked by " + NO_CONSENT : "Is this true?");
                    s.setBytes(3, token);
                    s.setString(4, contact);
                    s.setBytes(5, contact == null ? null : salt);
                    s.setBoolean(6, contact != null);
                    s.executeUpdate();
                }
            }
        }
    }

    void awaitMails(List<String> requesters, int each) throws Exception {
        awaitTrue(Duration.ofSeconds(60), () -> {
            for (String requester : requesters) {
                if (mailsTo(requester).size() < each) {
                    return false;
                }
            }
            return true;
        });
    }

    List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            for (var to : mail.getAllRecipients()) {
                if (to.toString().equals(address)) {
                    mails.add(mail);
                }
            }
        }
        return mails;
    }

    // --- helpers ------------------------------------------------------------------------------

    Process startServer(int replica) throws IOException {
        String publicKey = Tokens.publicKey();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + ports[replica], "-Dquarkus.management.port=" + managementPorts[replica],
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres",
                "-Dquarkus.datasource.username=postgres", "-Dquarkus.datasource.password=postgres",
                // Locally signed test tokens instead of a Keycloak (RealKeycloakIT covers the real one).
                "-Dquarkus.oidc.auth-server-url=", "-Dquarkus.oidc.public-key=" + publicKey,
                "-Dquarkus.oidc.token.issuer=" + Tokens.ISSUER,
                "-Dfactdesk.publishing.poll-every=1s", "-Dfactdesk.webhooks.poll-every=1s",
                "-Dfactdesk.audit.checkpoint-every=3s", "-Dquarkus.log.console.json.enabled=false",
                "-Dquarkus.mailer.host=127.0.0.1", "-Dquarkus.mailer.port=" + smtp.getSmtp().getPort(),
                "-Dquarkus.mailer.mock=false", "-Dfactdesk.mail.from=answers@factdesk.test",
                "-Dfactdesk.tips.answers-every=1s",
                "-jar", "target/quarkus-app/quarkus-run.jar");
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(WORK.resolve("server-" + replica + ".log").toFile()))
                .start();
    }

    String url(int replica) {
        return "http://127.0.0.1:" + ports[Math.floorMod(replica, REPLICAS)];
    }

    io.restassured.specification.RequestSpecification at(int replica) {
        return RestAssured.given().baseUri(url(replica)).port(ports[Math.floorMod(replica, REPLICAS)]);
    }

    List<Long> newTickets(int count) {
        List<Long> tickets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tickets.add(desk.newTicket("NORMAL"));
        }
        return tickets;
    }

    long approvedTicket(int replica) {
        long ticket = desk.newTicket("NORMAL");
        String checker = Tokens.of(desk.alice, "factchecker");
        at(replica).auth().oauth2(checker).post("/api/tickets/{id}/claim", ticket).then().statusCode(200);
        long evidence = desk.addEvidence(desk.alice, ticket);
        desk.as(desk.alice).body(Map.of("ratingId", desk.ratingId("False"), "headline", "Headline " + ticket,
                "summary", "Summary.", "explanation", "Explanation.", "evidenceIds", List.of(evidence)))
                .put("/api/tickets/{id}/verdict", ticket).then().statusCode(200);
        desk.awaitCaptureAttempts(ticket);
        at(replica + 1).auth().oauth2(checker).contentType("application/json").body(Map.of())
                .post("/api/tickets/{id}/submit", ticket).then().statusCode(200);
        at(replica + 2).auth().oauth2(Tokens.of(desk.bob, "reviewer")).contentType("application/json").body(Map.of())
                .post("/api/tickets/{id}/approve", ticket).then().statusCode(200);
        return ticket;
    }

    void setLimit(int replica, int limit) {
        String admin = Tokens.of(desk.dave, "admin");
        var settings = at(replica).auth().oauth2(admin).get("/api/settings").jsonPath();
        at(replica).auth().oauth2(admin).contentType("application/json")
                .body(Map.of("timeZone", settings.getString("timeZone"), "maxInProgress", limit,
                        "allowPrivateWebhookTargets", settings.getBoolean("allowPrivateWebhookTargets"),
                        "version", settings.getLong("version")))
                .put("/api/settings").then().statusCode(200);
    }

    void assertAuditIntact() {
        desk.as(desk.dave).get("/api/audit/verify").then().statusCode(200)
                .body("intact", org.hamcrest.Matchers.equalTo(true));
    }

    /** kill -9 of the postmaster (its pid is the first line of postmaster.pid); the backends follow. */
    void killDatabase() throws Exception {
        long pid = Long.parseLong(Files.readAllLines(WORK.resolve("pgdata/postmaster.pid")).get(0).strip());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        postmaster.destroyForcibly();
        postmaster.onExit().get(10, TimeUnit.SECONDS);
        try {
            database.close(); // lets go of the data directory's lock; there is no server left to stop
        } catch (RuntimeException alreadyGone) {
            // pg_ctl stop reports that no server is running
        }
    }

    interface Worker {
        void run(int worker) throws Exception;
    }

    static void runWorkers(int count, Worker work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < count; w++) {
                int worker = w;
                futures.add(pool.submit(() -> {
                    work.run(worker);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(3, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void awaitTrue(Duration timeout, Condition condition) throws Exception {
        Instant until = Instant.now().plus(timeout);
        while (!condition.holds()) {
            assertTrue(Instant.now().isBefore(until), "not within " + timeout);
            Thread.sleep(200);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var paths = Files.walk(path)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
