package org.factdesk.tip;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.factdesk.common.HttpUrl;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tips from the public through POST /public/tips and the form at /tips/new: what is kept, and what is refused. */
@QuarkusTest
class TipSubmissionTest {

    static final String HOSTILE = "\"><script>alert(1)</script><b>bold</b> & 🧐";

    @Test
    void anAcceptedTipIsStoredWithItsTokensHashOnly() {
        String text = Tips.uniqueText();
        JsonPath receipt = Tips.send(Map.of("text", text, "links", List.of("https://social.example/post/1"),
                "language", "es", "contact", "reader@example.org", "consent", true));
        String token = receipt.getString("token");
        assertTrue(ReceiptToken.wellFormed(token), token);
        assertEquals("/tips/" + token, receipt.getString("status"));
        assertTrue(receipt.getString("receivedAt").matches("\\d{4}-\\d{2}-\\d{2}T.*Z"), receipt.getString("receivedAt"));

        List<Object[]> rows = Tips.rows("SELECT channel, language, contact, consent, token_hash, links, t::text FROM tip t WHERE text = ?1", text);
        assertEquals(1, rows.size());
        Object[] tip = rows.get(0);
        assertEquals("web", tip[0]);
        assertEquals("es", tip[1]);
        assertEquals("reader@example.org", tip[2]);
        assertEquals(true, tip[3]);
        assertArrayEquals(ReceiptToken.hash(token), (byte[]) tip[4]);
        assertArrayEquals(new String[] {"https://social.example/post/1"}, (String[]) tip[5]);
        String wholeRow = (String) tip[6];
        assertFalse(wholeRow.contains(token), "the token itself is nowhere in the row");
        assertFalse(wholeRow.contains(HexFormat.of().formatHex(token.getBytes())), "nor its bytes");
    }

    @Test
    void badTipsAreRefusedWithAProblemAndLeaveNothing() {
        List<String> elevenLinks = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            elevenLinks.add("https://example.org/" + i);
        }
        Map<String, Object> contactWithoutConsent = new HashMap<>(Map.of("text", Tips.uniqueText(), "contact", "a@example.org"));
        Map<String, Object> contactRefused = new HashMap<>(contactWithoutConsent);
        contactRefused.put("consent", false);
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("oversized text", json(Map.of("text", "x".repeat(TipInput.TEXT_MAX + 1))));
        bodies.put("blank text", json(Map.of("text", "   ")));
        bodies.put("no text", json(Map.of("links", List.of("https://example.org/"))));
        bodies.put("too many links", json(Map.of("text", Tips.uniqueText(), "links", elevenLinks)));
        bodies.put("script URL", json(Map.of("text", Tips.uniqueText(), "links", List.of("javascript:alert(1)"))));
        bodies.put("URL too long", json(Map.of("text", Tips.uniqueText(), "links", List.of("https://example.org/" + "a".repeat(HttpUrl.MAX_LENGTH)))));
        bodies.put("bad language", json(Map.of("text", Tips.uniqueText(), "language", "english!")));
        bodies.put("bad contact", json(Map.of("text", Tips.uniqueText(), "contact", "not an address", "consent", true)));
        bodies.put("contact too long", json(Map.of("text", Tips.uniqueText(), "contact", "a".repeat(250) + "@example.org", "consent", true)));
        bodies.put("contact without consent", json(contactWithoutConsent));
        bodies.put("contact with consent false", json(contactRefused));
        bodies.put("text of the wrong type", "{\"text\": [\"a\"]}");
        bodies.put("links of the wrong type", "{\"text\": \"" + Tips.uniqueText() + "\", \"links\": \"https://example.org/\"}");
        bodies.put("consent of the wrong type", "{\"text\": \"" + Tips.uniqueText() + "\", \"consent\": {}}");
        bodies.put("unknown field", "{\"text\": \"" + Tips.uniqueText() + "\", \"priority\": \"HIGH\"}");
        bodies.put("malformed JSON", "{\"text\": \"unfinished");
        bodies.put("not an object", "[]");
        bodies.put("empty body", "");

        long before = Tips.tipCount();
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            String answer = given().contentType(ContentType.JSON).body(body.getValue()).post("/public/tips").then()
                    .statusCode(400).contentType(startsWith("application/problem+json"))
                    .extract().asString();
            assertFalse(answer.contains("java.") || answer.contains("org.factdesk") || answer.contains("Exception"),
                    body.getKey() + " answered " + answer);
        }
        given().contentType(ContentType.JSON).body(contactWithoutConsent).post("/public/tips").then().statusCode(400)
                .body("detail", containsString("consent")).body("field", equalTo("consent"));
        assertEquals(before, Tips.tipCount(), "nothing stored from a refused tip");
    }

    @Test
    void aBodyLargerThanAnyValidTipIs413() {
        long before = Tips.tipCount();
        given().contentType(ContentType.JSON).body(json(Map.of("text", "x".repeat(TipSubmission.MAX_BODY_BYTES))))
                .post("/public/tips").then().statusCode(413).contentType(startsWith("application/problem+json"));
        // the largest valid tip passes the limit, in JSON's dearest form (every character escaped)
        String longest = "\\u00e9".repeat(TipInput.TEXT_MAX);
        given().contentType(ContentType.JSON).body("{\"text\": \"" + longest + "\"}").post("/public/tips").then().statusCode(201);
        assertEquals(before + 1, Tips.tipCount());
    }

    @Test
    void theHoneypotRefusesATipAndKeepsNothing() {
        long before = Tips.tipCount();
        given().contentType(ContentType.JSON).body(Map.of("text", Tips.uniqueText(), "website", "https://spam.example/"))
                .post("/public/tips").then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Tip refused")).body("field", equalTo("website"));
        given().contentType(ContentType.URLENC).formParam("text", Tips.uniqueText()).formParam("website", "x")
                .post("/tips/new").then().statusCode(400).contentType(startsWith("text/html"))
                .body(containsString("looks automated"));
        assertEquals(before, Tips.tipCount());
    }

    @Test
    void theFormRendersInEnglishAndSpanishWithoutScript() {
        String english = given().get("/tips/new?lang=en").then().statusCode(200).contentType(startsWith("text/html"))
                .header("Cache-Control", containsString("no-store"))
                .header("Content-Language", "en")
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Send us a claim to check"))
                .body(containsString("<label for=\"text\">"))
                .body(containsString("<label for=\"contact\">"))
                .body(containsString("<label for=\"consent\">"))
                .body(containsString("<form method=\"post\" action=\"/tips/new\""))
                .body(not(containsString("<script")))
                .body(not(containsString("style=")))
                .extract().asString();
        Matcher honeypot = Pattern.compile("<input id=\"website\" name=\"website\"[^>]*>").matcher(english);
        assertTrue(honeypot.find(), "a honeypot field");
        assertTrue(honeypot.group().contains("tabindex=\"-1\"") && honeypot.group().contains("autocomplete=\"off\""), honeypot.group());
        assertTrue(english.contains("<div class=\"hp\" aria-hidden=\"true\">"), "visually hidden");
        given().get("/tips/page.css").then().statusCode(200).body(containsString(".hp {"));

        given().get("/tips/new?lang=es").then().statusCode(200).header("Content-Language", "es")
                .body(containsString("<html lang=\"es\">")).body(containsString("Envíenos una afirmación para verificar"));
        // the browser's preference when the address names none; an unknown one falls back to the desk's language
        given().header("Accept-Language", "es-MX,es;q=0.9,en;q=0.5").get("/tips/new").then().statusCode(200)
                .body(containsString("<html lang=\"es\">"));
        given().header("Accept-Language", "de-DE, fr;q=0.5").get("/tips/new").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"));
        given().header("Accept-Language", ";;;=q").get("/tips/new?lang=xx-").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"));
    }

    @Test
    void aFormPostWithoutJavaScriptGivesAReceiptToFollow() {
        String text = Tips.uniqueText();
        String receipt = given().contentType(ContentType.URLENC).formParam("lang", "es").formParam("text", text)
                .formParam("links", "https://video.example/watch?v=1\r\n\r\n  https://post.example/2  \r\n")
                .formParam("language", "es").formParam("contact", "lector@example.org").formParam("consent", "true")
                .formParam("website", "")
                .post("/tips/new").then().statusCode(201).contentType(startsWith("text/html"))
                .header("Cache-Control", containsString("no-store"))
                .header("Location", startsWith("http://localhost:8080/tips/"))
                .body(containsString("Gracias: hemos recibido su aviso")).extract().asString();
        Matcher link = Pattern.compile("href=\"/tips/([A-Za-z0-9_-]{43})\\?lang=es\"").matcher(receipt);
        assertTrue(link.find(), receipt);
        List<Object[]> rows = Tips.rows("SELECT links, contact, consent, token_hash FROM tip WHERE text = ?1", text);
        assertEquals(1, rows.size());
        assertArrayEquals(new String[] {"https://video.example/watch?v=1", "https://post.example/2"}, (String[]) rows.get(0)[0]);
        assertEquals("lector@example.org", rows.get(0)[1]);
        assertEquals(true, rows.get(0)[2]);
        assertArrayEquals(ReceiptToken.hash(link.group(1)), (byte[]) rows.get(0)[3]);
        given().get("/tips/{token}?lang=es", link.group(1)).then().statusCode(200).body(containsString("Recibido"));
    }

    @Test
    void theFormShowsEachErrorNextToItsFieldAndEscapesWhatWasTyped() {
        long before = Tips.tipCount();
        String page = given().contentType(ContentType.URLENC).formParam("text", HOSTILE)
                .formParam("links", "javascript:alert(1)").formParam("contact", HOSTILE)
                .post("/tips/new").then().statusCode(400).contentType(startsWith("text/html"))
                .header("Cache-Control", containsString("no-store"))
                .extract().asString();
        assertFalse(page.contains("<script>alert(1)"), "hostile text is escaped");
        assertFalse(page.contains("<b>bold</b>"), "hostile text is escaped");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "and shown again as text");
        assertTrue(page.contains("id=\"links-error\""), "the links' error beside them");
        assertTrue(page.contains("id=\"contact-error\""), "the contact's error beside it");
        assertFalse(page.contains("id=\"text-error\""), "the text was fine");
        assertTrue(page.contains("aria-describedby=\"contact-hint contact-error\" aria-invalid=\"true\""), page);
        assertTrue(page.contains("role=\"alert\""), "a summary at the top");

        // a contact without the consent box: said next to the box
        given().contentType(ContentType.URLENC).formParam("text", Tips.uniqueText()).formParam("contact", "a@example.org")
                .post("/tips/new").then().statusCode(400).body(containsString("id=\"consent-error\""));
        // no text at all, in Spanish
        given().contentType(ContentType.URLENC).formParam("lang", "es").formParam("text", "")
                .post("/tips/new").then().statusCode(400).body(containsString("id=\"text-error\""))
                .body(containsString("Escriba qué quiere que verifiquemos"));
        assertEquals(before, Tips.tipCount());
    }

    static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
