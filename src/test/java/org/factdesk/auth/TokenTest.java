package org.factdesk.auth;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.smallrye.jwt.build.Jwt;
import org.factdesk.support.Desk;
import org.factdesk.support.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tokens the API must refuse, each with 401 and a Bearer challenge — never a 500. */
@QuarkusTest
class TokenTest {

    @Inject
    MeterRegistry registry;

    static final String SUBJECT = Desk.unique("tok");

    static void refused(String token) {
        given().auth().oauth2(token).get("/api/tickets").then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    static io.smallrye.jwt.build.JwtClaimsBuilder valid() {
        return Jwt.issuer(Tokens.ISSUER).subject(SUBJECT).audience(Tokens.AUDIENCE)
                .claim("realm_access", Map.of("roles", List.of("editor"))).expiresIn(600);
    }

    @Test
    void aWellFormedTokenIsAccepted() {
        given().auth().oauth2(valid().sign(Tokens.key())).get("/api/tickets").then().statusCode(200);
    }

    @Test
    void missingOrGarbled() {
        given().get("/api/tickets").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        refused("garbage");
        refused("a.b.c");
    }

    @Test
    void expired() {
        long hourAgo = Instant.now().minusSeconds(3600).getEpochSecond();
        refused(valid().issuedAt(hourAgo - 600).expiresAt(hourAgo).sign(Tokens.key()));
    }

    @Test
    void notYetValid() {
        refused(valid().claim("nbf", Instant.now().plusSeconds(3600).getEpochSecond()).sign(Tokens.key()));
    }

    @Test
    void wrongIssuer() {
        refused(valid().issuer("https://evil.example/realms/factdesk").sign(Tokens.key()));
    }

    @Test
    void wrongAudience() {
        refused(valid().audience("some-other-api").sign(Tokens.key()));
    }

    @Test
    void idTokenUsedAsAccessToken() {
        // Keycloak's ID tokens are meant for the web client, not for this API.
        refused(valid().audience("factdesk-web").claim("typ", "ID").claim("azp", "factdesk-web").sign(Tokens.key()));
    }

    @Test
    void unsignedAlgNone() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64("{\"iss\":\"" + Tokens.ISSUER + "\",\"sub\":\"x\",\"aud\":\"" + Tokens.AUDIENCE
                + "\",\"exp\":" + Instant.now().plusSeconds(600).getEpochSecond()
                + ",\"realm_access\":{\"roles\":[\"admin\"]}}");
        refused(header + "." + payload + ".");
    }

    @Test
    void signedWithAnUnknownKey() throws NoSuchAlgorithmException {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        refused(valid().jws().keyId("unknown-key").sign(generator.generateKeyPair().getPrivate()));
    }

    @Test
    void aRememberedTokenIsServedFromMemoryUntilItExpiresAndThenRefused() throws InterruptedException {
        long expires = Instant.now().getEpochSecond() + 3;
        String token = valid().subject(Desk.unique("brief")).expiresAt(expires).sign(Tokens.key());
        given().auth().oauth2(token).get("/api/tickets").then().statusCode(200);
        double served = rememberedServed();
        given().auth().oauth2(token).get("/api/tickets").then().statusCode(200);
        assertEquals(served + 1, rememberedServed(), "the second request is served from the memory of verified tokens");

        Thread.sleep(Math.max(0, (expires + 1) * 1000 - System.currentTimeMillis()));
        refused(token);
    }

    @Test
    void aCopyOfARememberedTokenWithAnyByteChangedIsVerifiedAfreshAndRefused() {
        String token = valid().subject(Desk.unique("copy")).sign(Tokens.key());
        given().auth().oauth2(token).get("/api/tickets").then().statusCode(200);
        given().auth().oauth2(token).get("/api/tickets").then().statusCode(200);

        String[] parts = token.split("\\.");
        char middle = parts[2].charAt(parts[2].length() / 2);
        String otherSignature = parts[2].substring(0, parts[2].length() / 2) + (middle == 'A' ? 'B' : 'A')
                + parts[2].substring(parts[2].length() / 2 + 1);
        refused(parts[0] + "." + parts[1] + "." + otherSignature);
        String admin = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"editor\"", "\"admin\"");
        refused(parts[0] + "." + b64(admin) + "." + parts[2]);
        given().auth().oauth2(token).get("/api/tickets").then().statusCode(200);
    }

    /** Requests the memory of verified tokens answered (Caffeine's hits, on /q/metrics as cache_gets_total). */
    double rememberedServed() {
        return registry.get("cache.gets").tag("cache", "verified-tokens").tag("result", "hit").functionCounter().count();
    }

    @Test
    void theSubjectNotTheNameIdentifiesThePerson() {
        long ticket = given().auth().oauth2(valid().preferredUserName("Carol Display").sign(Tokens.key()))
                .contentType("application/json").body(Map.of("text", "t", "language", "en"))
                .post("/api/claims").then().statusCode(201).extract().jsonPath().getLong("ticketId");
        given().auth().oauth2(valid().sign(Tokens.key())).get("/api/tickets/{id}/history", ticket).then()
                .body("items.reverse()[0].actor", equalTo(SUBJECT));
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
