package org.factdesk.tip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.factdesk.audit.AuditEvent;
import org.factdesk.common.LeasedOutbox;
import org.factdesk.notification.GreenMailResource;
import org.factdesk.support.Desk;
import org.factdesk.webhook.WebhookSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers to requesters through a real SMTP server and a partner's receiver: written with the publication,
 * correction or retraction (and never sent inside the request), one per consenting requester and change,
 * with a Message-ID that stays the same across retries, in the tip's language, never again after a recorded
 * success nor by a sender whose lease was taken over; automatic answers as the desk settings say.
 */
@QuarkusTest
@QuarkusTestResource(value = AnswerMailResource.class, restrictToAnnotatedClass = true)
class TipAnswerMailTest {

    @GreenMailResource.InjectGreenMail
    GreenMail greenMail;

    @Inject
    TipIntake intake;

    @Inject
    TipAnswerSender sender;

    final Desk desk = new Desk();
    /** Words no other test's claims or tips have, so that grouping and similarity stay within this test. */
    final String topic = "zq" + UUID.randomUUID().toString().replace("-", "").replaceAll("[0-9]", "x").substring(0, 12);

    @BeforeEach
    void setUp() throws Exception {
        while (sender.sendDue() > 0) {
            // whatever earlier tests of this class left waiting
        }
        greenMail.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void serverRunning() {
        if (!greenMail.isRunning()) {
            greenMail.start();
        }
    }

    // --- publication, correction, retraction -----------------------------------------------------

    @Test
    void eachConsentingRequesterGetsOneMailPerChangeWithTheLinkAndAStableMessageId() throws Exception {
        Claim claim = newClaim("The " + topic + " bridge was sold to a foreign company");
        String ann = address("ann");
        String ben = address("ben");
        attach(claim, tip("Was the " + topic + " bridge really sold?", "en", ann, true));
        attach(claim, tip("Is it true that the " + topic + " bridge was sold", "en", ben, true));
        attach(claim, tip("Someone says the " + topic + " bridge was sold", "en", null, false));

        publish(claim, "No, the bridge was not sold");
        assertEquals(0, greenMail.getReceivedMessages().length, "nothing is sent inside the request");
        assertEquals(2, sender.sendDue());

        MimeMessage toAnn = onlyMailTo(ann);
        MimeMessage toBen = onlyMailTo(ben);
        assertEquals(2, greenMail.getReceivedMessages().length, "the tip without consent gets nothing");
        String link = AnswerMailResource.BASE_URL + "/fact-checks/" + claim.ticket() + "/no-the-bridge-was-not-sold";
        String body = text(toAnn);
        assertTrue(body.contains(link), body);
        assertTrue(body.contains("We have published a fact-check about it:"), body);
        assertTrue(body.contains("No, the bridge was not sold"), body);
        assertTrue(body.contains("Was the " + topic + " bridge really sold?"), body);
        assertEquals("[Example Checks] The answer to your question", toAnn.getSubject());
        assertEquals("answers@factcheck.example", toAnn.getFrom()[0].toString());
        assertEquals(answers(ann).get(0).messageId, toAnn.getMessageID());
        assertTrue(toAnn.getMessageID().matches("<tip-answer\\.[0-9a-f-]{36}@factcheck\\.example>"), toAnn.getMessageID());
        assertFalse(toAnn.getMessageID().equals(toBen.getMessageID()));
        assertEquals(TipAnswer.State.SENT, answers(ann).get(0).state);
        assertNotNull(answers(ann).get(0).sentAt);

        assertEquals(0, sender.sendDue(), "a sent answer is not sent again");
        assertEquals(2, greenMail.getReceivedMessages().length);

        correct(claim, "No, the bridge is still public");
        assertEquals(2, sender.sendDue());
        assertEquals(4, greenMail.getReceivedMessages().length);
        MimeMessage corrected = mailsTo(ann).get(1);
        assertEquals("[Example Checks] The answer to your question was corrected", corrected.getSubject());
        String correctedBody = text(corrected);
        assertTrue(correctedBody.contains("The fact-check was corrected"), correctedBody);
        assertTrue(correctedBody.contains(AnswerMailResource.BASE_URL + "/fact-checks/" + claim.ticket()
                + "/no-the-bridge-is-still-public"), correctedBody);

        desk.act(desk.carol, claim.ticket(), "retract", Map.of("reason", "The source was forged")).statusCode(200);
        assertEquals(2, sender.sendDue());
        assertEquals(6, greenMail.getReceivedMessages().length);
        MimeMessage retracted = mailsTo(ben).get(2);
        assertEquals("[Example Checks] The answer to your question was retracted", retracted.getSubject());
        String retractedBody = text(retracted);
        assertTrue(retractedBody.contains("was retracted"), retractedBody);
        assertTrue(retractedBody.contains("/fact-checks/" + claim.ticket() + "/"), retractedBody);
        assertEquals(List.of(TipAnswer.PUBLISHED, TipAnswer.CORRECTED, TipAnswer.RETRACTED),
                answers(ben).stream().map(a -> a.kind).toList());
        assertEquals(3, mailsTo(ben).stream().map(TipAnswerMailTest::messageId).distinct().count());
    }

    @Test
    void aSpanishTipIsAnsweredInSpanishAndUntrustedWordsStayOnTheirLines() throws Exception {
        Claim claim = newClaim("El puente " + topic + " fue vendido");
        String ana = address("ana");
        attach(claim, tip("¿Es verdad que el puente " + topic + " fue vendido?\r\nBcc: evil@example.org", "es-AR", ana, true));
        publish(claim, "No, el puente no fue vendido");
        assertEquals(1, sender.sendDue());

        MimeMessage mail = onlyMailTo(ana);
        assertEquals("[Example Checks] La respuesta a tu pregunta", mail.getSubject());
        String body = text(mail);
        assertTrue(body.contains("Hemos publicado una verificación al respecto:"), body);
        assertTrue(body.contains("fue vendido? Bcc: evil@example.org\""), "the requester's words on one line: " + body);
        assertNull(mail.getRecipients(Message.RecipientType.BCC));
    }

    @Test
    void aFailedSendIsRetriedLaterWithTheSameMessageIdAndNeverSentTwice() throws Exception {
        Claim claim = newClaim("The " + topic + " tunnel will close next year");
        String cy = address("cy");
        attach(claim, tip("Will the " + topic + " tunnel close?", "en", cy, true));
        greenMail.stop();
        publish(claim, "The tunnel stays open");

        assertEquals(1, sender.sendDue());
        TipAnswer failed = answers(cy).get(0);
        assertEquals(TipAnswer.State.PENDING, failed.state);
        assertEquals(1, failed.attempts);
        assertNotNull(failed.error);
        assertTrue(failed.nextAt.isAfter(Instant.now().plusSeconds(30)), "retried later, not at once");

        greenMail.start();
        assertEquals(0, sender.sendDue(), "not due again before its time");
        makeDue(failed.id);
        assertEquals(1, sender.sendDue());
        MimeMessage mail = onlyMailTo(cy);
        assertEquals(failed.messageId, mail.getMessageID(), "the same Message-ID as the failed attempt");
        TipAnswer sent = answers(cy).get(0);
        assertEquals(TipAnswer.State.SENT, sent.state);
        assertEquals(2, sent.attempts);

        makeDue(sent.id);
        assertEquals(0, sender.sendDue(), "a recorded success is final");
        assertEquals(1, mailsTo(cy).size());
    }

    @Test
    void aSenderWhoseLeaseWasTakenOverRecordsNothing() throws Exception {
        Claim claim = newClaim("The " + topic + " museum burned down");
        String dee = address("dee");
        attach(claim, tip("Did the " + topic + " museum burn down?", "en", dee, true));
        publish(claim, "The museum is intact");

        List<LeasedOutbox.Lease> leases = TipAnswerSender.OUTBOX.lease(100, sender.leaseTime());
        long answerId = answers(dee).get(0).id;
        LeasedOutbox.Lease lease = leases.stream().filter(l -> l.id() == answerId).findFirst().orElseThrow();
        // Another replica takes it over (the lease ran out meanwhile) before this sender records its outcome.
        UUID other = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> TipAnswer.update("leaseToken = ?1 where id = ?2", other, answerId));

        assertFalse(sender.record(lease, TipAnswer.State.SENT, null));
        TipAnswer answer = answers(dee).get(0);
        assertEquals(TipAnswer.State.PENDING, answer.state);
        assertEquals(0, answer.attempts);
        assertEquals(other, answer.leaseToken, "the other sender's lease stands");
        assertEquals(0, sender.sendDue(), "leased to the other sender");
        QuarkusTransaction.requiringNew().run(() -> TipAnswer.update("leaseToken = null, leaseUntil = null where id = ?1", answerId));
    }

    @Test
    void aContactRemovedBeforeTheSendIsDroppedAndNothingGoesOut() throws Exception {
        Claim claim = newClaim("The " + topic + " dam will be demolished");
        String eve = address("eve");
        TipIntake.Receipt receipt = tip("Is the " + topic + " dam to be demolished?", "en", eve, true);
        attach(claim, receipt);
        publish(claim, "The dam stays");
        QuarkusTransaction.requiringNew().run(() -> Tip.update("contact = null, contactSalt = null where id = ?1", receipt.tipId()));

        assertEquals(1, sender.sendDue());
        assertEquals(0, greenMail.getReceivedMessages().length);
        assertEquals(TipAnswer.State.DROPPED, answersOf(receipt.tipId()).get(0).state);
    }

    // --- partner channels -----------------------------------------------------------------------

    @Test
    void aPartnerChannelsRequesterIsAnsweredWithASignedPostToItsReplyUrl() throws Exception {
        List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/replies", exchange -> {
            Map<String, String> request = new HashMap<>();
            for (String header : List.of("webhook-id", "webhook-timestamp", "webhook-signature", "content-type")) {
                request.put(header, exchange.getRequestHeaders().getFirst(header));
            }
            request.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            received.add(request);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        desk.allowPrivateTargets(true);
        try {
            String name = "tipline-" + topic;
            String secret = WebhookSignature.newSecret();
            QuarkusTransaction.requiringNew().run(() -> {
                PartnerChannel channel = new PartnerChannel();
                channel.name = name;
                channel.secret = secret;
                channel.replyUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/replies";
                channel.active = true;
                channel.createdAt = Instant.now();
                channel.createdBy = desk.dave;
                channel.persist();
            });
            Claim claim = newClaim("The " + topic + " airport will move");
            TipIntake.Receipt receipt = intake.receive(new TipInput(name, "Is the " + topic + " airport moving?",
                    List.of(), "en", "requester-4711", true));
            attach(claim, receipt);
            publish(claim, "The airport stays where it is");

            assertEquals(1, sender.sendDue());
            assertEquals(1, received.size());
            Map<String, String> request = received.get(0);
            TipAnswer answer = answersOf(receipt.tipId()).get(0);
            assertEquals(TipAnswer.State.SENT, answer.state);
            assertEquals(answer.messageId, request.get("webhook-id"));
            assertEquals("v1," + hmac(secret, request.get("webhook-id") + "." + request.get("webhook-timestamp") + "."
                    + request.get("body")), request.get("webhook-signature"));
            JsonNode body = new ObjectMapper().readTree(request.get("body"));
            assertEquals("tip.answered", body.path("type").asText());
            assertEquals("requester-4711", body.path("requesterId").asText());
            assertEquals("answered", body.path("stage").asText());
            assertEquals(AnswerMailResource.BASE_URL + "/fact-checks/" + claim.ticket() + "/the-airport-stays-where-it-is",
                    body.path("url").asText());
            assertEquals(0, greenMail.getReceivedMessages().length, "a partner's requester gets no mail");
        } finally {
            receiver.stop(0);
            desk.allowPrivateTargets(false);
        }
    }

    // --- automatic answers ----------------------------------------------------------------------

    @Test
    void aTipCloseToAPublishedFactCheckIsAnsweredAtOnceOnlyWhenTheDeskTurnedThatOn() throws Exception {
        String text = "The " + topic + " lighthouse was painted purple by the council";
        Claim claim = newClaim(text);
        publish(claim, "The lighthouse is still white");

        settings(false, 0.8);
        TipIntake.Receipt off = tip(text, "en", address("off"), true);
        assertEquals(List.of(), answersOf(off.tipId()));
        try {
            settings(true, 1.0);
            TipIntake.Receipt tooFar = tip("Was the " + topic + " lighthouse painted purple by the town council?", "en",
                    address("far"), true);
            assertEquals(List.of(), answersOf(tooFar.tipId()), "below the threshold: no automatic answer");

            settings(true, 0.8);
            String fay = address("fay");
            TipIntake.Receipt on = tip(text, "en", fay, true);
            List<TipAnswer> answers = answersOf(on.tipId());
            assertEquals(1, answers.size());
            assertEquals(TipAnswer.AUTO, answers.get(0).kind);
            assertEquals(claim.ticket(), answers.get(0).ticketId);
            Tip tip = QuarkusTransaction.requiringNew().call(() -> Tip.<Tip>findById(on.tipId()));
            assertEquals(claim.id(), tip.autoAnsweredClaimId);
            assertEquals(1.0f, tip.autoAnsweredSimilarity);

            assertEquals(1, sender.sendDue());
            MimeMessage mail = onlyMailTo(fay);
            assertEquals("[Example Checks] We have checked this already", mail.getSubject());
            assertTrue(text(mail).contains(AnswerMailResource.BASE_URL + "/fact-checks/" + claim.ticket()
                    + "/the-lighthouse-is-still-white"));

            // Without a contact nobody is mailed, but the status page gives the answer all the same.
            TipIntake.Receipt anonymous = tip(text, "en", null, false);
            assertEquals(List.of(), answersOf(anonymous.tipId()));
            assertEquals(claim.id(), QuarkusTransaction.requiringNew().call(() ->
                    Tip.<Tip>findById(anonymous.tipId()).autoAnsweredClaimId));

            // The desk chain says it happened, with ids and the similarity only.
            AuditEvent event = QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                    "stream = 'desk' and action = 'tip.auto-answered'").stream()
                    .filter(e -> e.changes.path("tipId").asLong() == on.tipId()).findFirst().orElseThrow());
            assertEquals("system", event.actor);
            assertEquals(claim.id(), event.changes.path("claimId").asLong());
            assertEquals(List.of("claimId", "similarity", "ticketId", "tipId"),
                    iterable(event.changes.fieldNames()).stream().sorted().toList());
        } finally {
            settings(false, 0.8);
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    record Claim(long id, long ticket) {
    }

    Claim newClaim(String text) {
        JsonPath created = desk.as(desk.carol).body(Map.of("text", text, "language", "en", "claimant", "A councillor",
                "topics", List.of("local"))).post("/api/claims").then().statusCode(201).extract().jsonPath();
        return new Claim(created.getLong("id"), created.getLong("ticketId"));
    }

    TipIntake.Receipt tip(String text, String language, String contact, boolean consent) {
        return intake.receive(new TipInput(TipChannel.WEB, text, List.of(), language, contact, consent));
    }

    /** What an editor does in the tips inbox: the tip's group points at the claim. */
    static void attach(Claim claim, TipIntake.Receipt receipt) {
        QuarkusTransaction.requiringNew().run(() -> TipGroup.update(
                "claimId = ?1, attachedAt = ?2, attachedBy = 'test' where id = ?3", claim.id(), Instant.now(),
                receipt.groupId()));
    }

    void publish(Claim claim, String headline) {
        desk.act(desk.alice, claim.ticket(), "claim").statusCode(200);
        long evidence = desk.addEvidence(desk.alice, claim.ticket());
        desk.as(desk.alice).body(Map.of("ratingId", desk.ratingId("False"), "headline", headline, "summary", "Summary.",
                        "explanation", "Explanation.", "evidenceIds", List.of(evidence)))
                .put("/api/tickets/{id}/verdict", claim.ticket()).then().statusCode(200);
        desk.act(desk.alice, claim.ticket(), "submit").statusCode(200);
        desk.act(desk.bob, claim.ticket(), "approve").statusCode(200);
        desk.act(desk.carol, claim.ticket(), "publish").statusCode(200);
    }

    void correct(Claim claim, String headline) {
        desk.act(desk.carol, claim.ticket(), "correct").statusCode(200);
        JsonPath verdict = desk.as(desk.alice).get("/api/tickets/{id}/verdict", claim.ticket()).then().extract().jsonPath();
        long evidence = desk.as(desk.alice).get("/api/tickets/{id}/evidence", claim.ticket()).then().extract().jsonPath()
                .getLong("items[0].id");
        desk.as(desk.alice).body(Map.of("ratingId", desk.ratingId("False"), "headline", headline, "summary", "s2",
                "explanation", "e2", "evidenceIds", List.of(evidence), "correctionNote", "We misread the register.",
                "version", verdict.getLong("draft.version"))).put("/api/tickets/{id}/verdict", claim.ticket())
                .then().statusCode(200);
        desk.act(desk.alice, claim.ticket(), "submit").statusCode(200);
        desk.act(desk.bob, claim.ticket(), "approve").statusCode(200);
        desk.act(desk.carol, claim.ticket(), "publish").statusCode(200);
    }

    void settings(boolean autoAnswer, double threshold) {
        JsonPath now = desk.as(desk.dave).get("/api/settings").then().extract().jsonPath();
        desk.as(desk.dave).body(Map.of("timeZone", now.getString("timeZone"), "maxInProgress", now.getInt("maxInProgress"),
                "allowPrivateWebhookTargets", now.getBoolean("allowPrivateWebhookTargets"), "tipAutoAnswer", autoAnswer,
                "tipAutoAnswerThreshold", threshold, "version", now.getLong("version"))).put("/api/settings").then()
                .statusCode(200);
    }

    String address(String name) {
        return name + "." + topic + "@readers.example";
    }

    List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> mails = new java.util.ArrayList<>();
        for (MimeMessage mail : greenMail.getReceivedMessages()) {
            if (Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))) {
                mails.add(mail);
            }
        }
        return mails;
    }

    MimeMessage onlyMailTo(String address) throws Exception {
        List<MimeMessage> mails = mailsTo(address);
        assertEquals(1, mails.size(), "mails to " + address);
        return mails.get(0);
    }

    /** The decoded plain-text body (the raw one is quoted-printable). */
    static String text(MimeMessage mail) throws Exception {
        return (String) mail.getContent();
    }

    static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answers to the tip whose contact is this address, oldest first. */
    static List<TipAnswer> answers(String address) {
        return QuarkusTransaction.requiringNew().call(() -> TipAnswer.<TipAnswer>list(
                "tipId in (select t.id from Tip t where t.contact = ?1) order by id", address));
    }

    static List<TipAnswer> answersOf(long tipId) {
        return QuarkusTransaction.requiringNew().call(() -> TipAnswer.<TipAnswer>list("tipId = ?1 order by id", tipId));
    }

    static void makeDue(long answerId) {
        QuarkusTransaction.requiringNew().run(() -> TipAnswer.update("nextAt = ?1 where id = ?2", Instant.now().minusSeconds(1), answerId));
    }

    static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    static String hmac(String secret, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }
}
