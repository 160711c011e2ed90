package org.factdesk.auth;

import io.quarkus.test.junit.QuarkusTest;
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

/** Tokens the API must refuse, each with 401 and a Bearer challenge — never a 500. */
@QuarkusTest
class TokenTest {

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
