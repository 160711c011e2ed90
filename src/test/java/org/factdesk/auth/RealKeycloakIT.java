package org.factdesk.auth;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.common.mapper.TypeRef;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.factdesk.dev.KeycloakLauncher;
import org.factdesk.dev.KeycloakTestResource;
import org.factdesk.support.TestNet;
import org.factdesk.support.ManagementPortResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged server with a real Keycloak: tokens come from the password grant of the demo
 * users, and one ticket goes through its whole lifecycle. The production realm, imported next to
 * the relaxed local one, shows its password policy, second factor and lockout. The last test
 * stops Keycloak.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ManagementPortResource.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealKeycloakIT {

    static final String ALICE_SUBJECT = "a11ce000-0000-4000-8000-000000000001";
    static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    static String token(String user) {
        return TOKENS.computeIfAbsent(user, u -> given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", "factdesk-web")
                .formParam("username", u).formParam("password", u)
                .post(KeycloakLauncher.REALM_URL + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token"));
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON);
    }

    static ValidatableResponse act(String user, long ticket, String action, Map<String, ?> body) {
        return as(user).body(body).post("/api/tickets/{id}/{action}", ticket, action).then();
    }

    @Test
    @Order(1)
    void oneTicketThroughItsLifecycleWithRealTokens() {
        long ticket = as("carol").body(Map.of("text", "Aid convoys left the Al-Waleed airbase", "language", "en"))
                .post("/api/claims").then().statusCode(201).extract().jsonPath().getLong("ticketId");

        act("alice", ticket, "claim", Map.of()).statusCode(200).body("assignee", equalTo(ALICE_SUBJECT));
        long evidence = as("alice").body(Map.of("url", "https://example.org/imagery", "title", "Satellite imagery",
                        "sourceKind", "IMAGERY", "stance", "CONTEXT", "accessedOn", LocalDate.now().toString()))
                .post("/api/tickets/{id}/evidence", ticket).then().statusCode(201).extract().jsonPath().getLong("id");
        long rating = as("alice").get("/api/rating-scales?size=200").then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.active }.ratings.find { it.label == 'Unproven' }.id");
        as("alice").body(Map.of("ratingId", rating, "headline", "No imagery shows the convoys", "summary", "s",
                "explanation", "e", "evidenceIds", List.of(evidence))).put("/api/tickets/{id}/verdict", ticket).then().statusCode(200);

        // erin, another fact-checker, cannot touch alice's ticket.
        as("erin").body(Map.of("headline", "mine")).put("/api/tickets/{id}/verdict", ticket).then().statusCode(403);
        act("erin", ticket, "release", Map.of()).statusCode(403);
        act("erin", ticket, "submit", Map.of()).statusCode(403);

        // The server captures the source on entry; a submission waits for its first attempt.
        long until = System.currentTimeMillis() + 30_000;
        while (as("alice").get("/api/tickets/{id}/captures", ticket).then().statusCode(200).extract().jsonPath()
                .getInt("items[0].attempts") == 0 && System.currentTimeMillis() < until) {
            TestNet.sleep(200);
        }
        act("alice", ticket, "submit", Map.of()).statusCode(200);
        // A fact-checker's token is refused on reviewer and editor actions.
        act("alice", ticket, "approve", Map.of()).statusCode(403);
        act("alice", ticket, "publish", Map.of()).statusCode(403);
        act("alice", ticket, "discard", Map.of("reason", "x")).statusCode(403);

        act("bob", ticket, "approve", Map.of()).statusCode(200);
        act("carol", ticket, "publish", Map.of()).statusCode(200).body("status", equalTo("PUBLISHED"));
        as("dave").get("/api/tickets/{id}/history", ticket).then().statusCode(200)
                .body("items.actor", hasItem(ALICE_SUBJECT))
                .body("items.action", hasItems("ticket.claim", "ticket.approve", "ticket.publish"));
        as("dave").get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    @Order(2)
    void tokensForAnotherAudienceOrWithoutOneAreRefused() throws java.security.NoSuchAlgorithmException {
        given().auth().oauth2("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.").get("/api/tickets").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
        String adminCliToken = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(KeycloakLauncher.URL + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(adminCliToken).get("/api/tickets").then().statusCode(401);

        // An ID token is for the web client (aud factdesk-web), not an access token for the API.
        String idToken = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", "factdesk-web").formParam("scope", "openid")
                .formParam("username", "alice").formParam("password", "alice")
                .post(KeycloakLauncher.REALM_URL + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("id_token");
        given().auth().oauth2(idToken).get("/api/tickets").then().statusCode(401);

        // Right issuer, audience and claims, but signed with a key Keycloak never published.
        var generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = io.smallrye.jwt.build.Jwt.issuer(KeycloakLauncher.REALM_URL).subject(ALICE_SUBJECT)
                .audience("factdesk-api").claim("realm_access", Map.of("roles", List.of("admin"))).expiresIn(300)
                .jws().keyId("unknown-key-id").sign(generator.generateKeyPair().getPrivate());
        given().auth().oauth2(forged).get("/api/tickets").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    @Order(3)
    void theDeskDirectoryListsTheMembersWithTheirRoles() {
        as("carol").get("/api/people").then().statusCode(200)
                .body("stale", equalTo(false))
                .body("items.username", hasItems("alice", "bob", "carol", "dave", "erin"))
                .body("items.find { it.username == 'alice' }.subject", equalTo(ALICE_SUBJECT))
                .body("items.find { it.username == 'alice' }.roles", equalTo(List.of("factchecker")))
                .body("items.find { it.username == 'alice' }.name", equalTo("Alice Checker"));
        given().get(ManagementPortResource.url("health/well")).then().statusCode(200).body("checks.find { it.name == 'identity-provider' }.status", equalTo("UP"));
    }

    static final String GOOD_PASSWORD = "correct horse battery staple";

    @Test
    @Order(4)
    void theProductionRealmRefusesPasswordsAgainstItsPolicy() {
        ProductionRealm realm = ProductionRealm.imported();
        String eddie = realm.createUser("eddie", "e.ditor@newsroom.test", "editor");
        realm.setPassword(eddie, "Short-pw-1").statusCode(400).body("error", equalTo("invalidPasswordMinLengthMessage"));
        realm.setPassword(eddie, "x".repeat(129)).statusCode(400).body("error", equalTo("invalidPasswordMaxLengthMessage"));
        realm.setPassword(eddie, "I am Eddie, the editor").statusCode(400)
                .body("error", equalTo("invalidPasswordNotContainsUsernameMessage"));
        realm.setPassword(eddie, "e.ditor@newsroom.test").statusCode(400).body("error", equalTo("invalidPasswordNotEmailMessage"));
        realm.setPassword(eddie, GOOD_PASSWORD).statusCode(204);
        realm.setPassword(eddie, "another passphrase of length").statusCode(204);
        realm.setPassword(eddie, GOOD_PASSWORD).statusCode(400).body("error", equalTo("invalidPasswordHistoryMessage"));
    }

    @Test
    @Order(5)
    void theProductionRealmMakesEditorsAndAdminsSetUpAOneTimeCodeAtSignIn() {
        ProductionRealm realm = ProductionRealm.imported();
        for (String role : List.of("editor", "admin", "factchecker", "reviewer")) {
            String username = "signs-in-as-" + role;
            realm.setPassword(realm.createUser(username, role + "@newsroom.test", role), GOOD_PASSWORD).statusCode(204);
            BrowserSignIn.Outcome outcome = realm.signIn(username, GOOD_PASSWORD);
            // The password grant (Keycloak's admin-cli has it) cannot be a way around the code.
            int passwordGrant = ProductionRealm.passwordGrant("admin-cli", username, GOOD_PASSWORD);
            if (role.equals("editor") || role.equals("admin")) {
                // No code set up yet: Keycloak holds the sign-in at CONFIGURE_TOTP instead of returning to the app.
                assertTrue(outcome.asksToSetUpOneTimeCode(), role + " got " + outcome.url() + " (status " + outcome.status() + ")");
                assertEquals(401, passwordGrant, role + "'s password grant");
            } else {
                ProductionRealm.assertSignedIn(outcome, role);
                assertEquals(200, passwordGrant, role + "'s password grant");
            }
        }
        // The local realm stays easy: carol, the demo editor, signs in with her name as password, no code.
        BrowserSignIn.Outcome local = new BrowserSignIn(KeycloakLauncher.REALM_URL)
                .signIn(ProductionRealm.WEB_CLIENT, "http://localhost:8080/", "carol", "carol");
        assertTrue(local.signedIn("http://localhost:8080/"), "carol got " + local.url() + " (status " + local.status() + ")");
    }

    @Test
    @Order(6)
    void theProductionRealmLocksAnAccountAfterRepeatedWrongPasswords() {
        ProductionRealm realm = ProductionRealm.imported();
        String gus = realm.createUser("gus", "gus@newsroom.test", "factchecker");
        realm.setPassword(gus, GOOD_PASSWORD).statusCode(204);
        realm.bruteForceStatus(gus).body("disabled", equalTo(false)).body("numFailures", equalTo(0));

        for (int guess = 1; guess <= realm.failureFactor(); guess++) {
            assertTrue(realm.signIn("gus", "wrong guess number " + guess).showsLoginForm());
        }
        realm.bruteForceStatus(gus).body("disabled", equalTo(true));
        // Locked: the right password is refused too, with the same answer as a wrong one.
        BrowserSignIn.Outcome locked = realm.signIn("gus", GOOD_PASSWORD);
        assertTrue(locked.showsLoginForm(), "gus got " + locked.url() + " (status " + locked.status() + ")");
        ProductionRealm.delete();
    }

    /**
     * The server remembers verified tokens (auth/VerifiedTokens); a remembered one signed by a key the realm has since
     * disabled is refused as soon as the server has fetched the realm's new keys (at the first token signed by the new
     * one). The realm gets its key back at the end.
     */
    @Test
    @Order(7)
    void aRememberedTokenSignedByAKeyTheRealmNoLongerHasIsRefusedOnceTheNewKeysAreFetched() {
        String realm = KeycloakLauncher.URL + "/admin/realms/factdesk";
        String before = token("erin");
        as("erin").get("/api/tickets").then().statusCode(200);
        as("erin").get("/api/tickets").then().statusCode(200); // now remembered

        var keys = ProductionRealm.admin().get(realm + "/keys").then().statusCode(200).extract().jsonPath();
        String oldKid = keys.getString("active.RS256");
        String oldProvider = keys.getString("keys.find { it.kid == '" + oldKid + "' }.providerId");
        String realmId = ProductionRealm.admin().get(realm).then().statusCode(200).extract().path("id");
        String created = ProductionRealm.admin().body(Map.of("name", "rotated-rsa", "providerId", "rsa-generated",
                        "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                        "config", Map.of("priority", List.of("500"))))
                .post(realm + "/components").then().statusCode(201).extract().header("Location");
        try {
            keyEnabled(realm, oldProvider, false);
            TOKENS.clear();
            String after = token("erin");
            assertNotEquals(kid(before), kid(after), "Keycloak signs with the new key");
            as("erin").get("/api/tickets").then().statusCode(200);
            given().auth().oauth2(before).get("/api/tickets").then().statusCode(401)
                    .header("WWW-Authenticate", containsString("Bearer"));
        } finally {
            keyEnabled(realm, oldProvider, true);
            ProductionRealm.admin().delete(created).then().statusCode(204);
            TOKENS.clear();
        }
        as("erin").get("/api/tickets").then().statusCode(200);
    }

    private static void keyEnabled(String realm, String provider, boolean enabled) {
        Map<String, Object> component = ProductionRealm.admin().get(realm + "/components/" + provider)
                .then().statusCode(200).extract().as(new TypeRef<>() {});
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) component.get("config");
        config.put("enabled", List.of(String.valueOf(enabled)));
        config.put("active", List.of(String.valueOf(enabled)));
        ProductionRealm.admin().body(component).put(realm + "/components/" + provider).then().statusCode(204);
    }

    private static String kid(String token) {
        return JsonPath.from(new String(Base64.getUrlDecoder()
                .decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8)).getString("kid");
    }

    @Test
    @Order(8)
    void whenKeycloakStopsIssuedTokensKeepWorkingAndTheDirectoryServesItsLastList() throws InterruptedException {
        as("carol").get("/api/people").then().statusCode(200);
        token("alice");
        token("bob");
        KeycloakTestResource.stopKeycloak();
        Thread.sleep(1500); // past the directory's cache time

        as("alice").get("/api/tickets").then().statusCode(200);
        as("bob").get("/api/tickets?status=PUBLISHED").then().statusCode(200);
        as("carol").get("/api/people").then().statusCode(200)
                .body("stale", equalTo(true))
                .body("items.username", hasItem("alice"));
        given().get(ManagementPortResource.url("health/ready")).then().statusCode(200);
        given().get(ManagementPortResource.url("health/well")).then().statusCode(503)
                .body("checks.find { it.name == 'identity-provider' }.status", equalTo("DOWN"));
        given().auth().oauth2("not-a-token").get("/api/tickets").then().statusCode(401);
    }
}
