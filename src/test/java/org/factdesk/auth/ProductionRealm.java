package org.factdesk.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.factdesk.dev.KeycloakLauncher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production realm (src/main/keycloak/factdesk-realm.json, as the operator imports it: its
 * placeholders filled, nothing relaxed) imported under another name into the Keycloak the tests
 * already run, next to the relaxed local realm, and managed through Keycloak's admin API.
 */
final class ProductionRealm {

    static final String NAME = "factdesk-production";
    static final String URL = KeycloakLauncher.URL + "/realms/" + NAME;
    /** The desk's public address in this check; redirects to it are never followed. */
    static final String PUBLIC_URL = "https://factdesk.test";
    static final String WEB_CLIENT = "factdesk-web";
    static final String REDIRECT_URI = PUBLIC_URL + "/";
    private static final String ADMIN = KeycloakLauncher.URL + "/admin/realms/" + NAME;

    private static ProductionRealm imported;

    private final JsonNode realm;

    private ProductionRealm(JsonNode realm) {
        this.realm = realm;
    }

    /** Imported once per test run; a copy left by an earlier run is replaced. */
    static synchronized ProductionRealm imported() {
        if (imported == null) {
            ObjectNode realm = filledIn(Map.of("FACTDESK_PUBLIC_URL", PUBLIC_URL,
                    "FACTDESK_SERVER_CLIENT_SECRET", UUID.randomUUID().toString()));
            realm.put("realm", NAME);
            admin().delete(ADMIN).then().statusCode(oneOf(204, 404));
            admin().body(realm.toString()).post(KeycloakLauncher.URL + "/admin/realms").then().statusCode(201);
            imported = new ProductionRealm(realm);
        }
        return imported;
    }

    /** The realm file with its ${NAME} placeholders replaced, as the operator's import does it. */
    private static ObjectNode filledIn(Map<String, String> values) {
        try {
            String text = Files.readString(KeycloakLauncher.productionRealm());
            Matcher placeholder = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(text);
            StringBuilder filled = new StringBuilder();
            while (placeholder.find()) {
                String value = values.get(placeholder.group(1));
                if (value == null) {
                    throw new AssertionError("the realm has a placeholder this check does not fill: " + placeholder.group());
                }
                placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
            }
            placeholder.appendTail(filled);
            return (ObjectNode) new ObjectMapper().readTree(filled.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int failureFactor() {
        return realm.path("failureFactor").asInt();
    }

    /** A person with a desk role and no password yet; returns the user's id. */
    String createUser(String username, String email, String role) {
        String location = admin().body(Map.of("username", username, "email", email, "emailVerified", true,
                        "firstName", username, "lastName", "Checked", "enabled", true))
                .post(ADMIN + "/users").then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        Object roleRepresentation = admin().get(ADMIN + "/roles/" + role).then().statusCode(200)
                .extract().as(Map.class);
        admin().body(List.of(roleRepresentation)).post(ADMIN + "/users/" + id + "/role-mappings/realm")
                .then().statusCode(204);
        return id;
    }

    /** Sets a password the way an administrator does; the policy applies. */
    ValidatableResponse setPassword(String userId, String password) {
        return admin().body(Map.of("type", "password", "value", password, "temporary", false))
                .put(ADMIN + "/users/" + userId + "/reset-password").then();
    }

    /** What brute-force detection knows about the user (admin API: attack detection). */
    ValidatableResponse bruteForceStatus(String userId) {
        return admin().get(ADMIN + "/attack-detection/brute-force/users/" + userId).then().statusCode(200);
    }

    BrowserSignIn.Outcome signIn(String username, String password) {
        return new BrowserSignIn(URL).signIn(WEB_CLIENT, REDIRECT_URI, username, password);
    }

    /** The status of a password grant (resource owner credentials) for the client. */
    static int passwordGrant(String clientId, String username, String password) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "password").formParam("client_id", clientId)
                .formParam("username", username).formParam("password", password)
                .post(URL + "/protocol/openid-connect/token").then().extract().statusCode();
    }

    static synchronized void delete() {
        admin().delete(ADMIN).then().statusCode(204);
        imported = null;
    }

    private static String adminToken;
    private static Instant adminTokenAt = Instant.MIN;

    /**
     * As Keycloak's bootstrap administrator (the local launcher's admin/admin). Master tokens live a
     * minute; one is reused for 30 s, since each password grant costs a password hash.
     */
    static synchronized RequestSpecification admin() {
        if (adminTokenAt.isBefore(Instant.now().minusSeconds(30))) {
            adminToken = given().contentType(ContentType.URLENC)
                    .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                    .formParam("username", "admin").formParam("password", "admin")
                    .post(KeycloakLauncher.URL + "/realms/master/protocol/openid-connect/token")
                    .then().statusCode(200).extract().path("access_token");
            adminTokenAt = Instant.now();
        }
        return given().auth().oauth2(adminToken).contentType(ContentType.JSON);
    }

    static void assertSignedIn(BrowserSignIn.Outcome outcome, String who) {
        assertTrue(outcome.signedIn(REDIRECT_URI), who + " stopped at " + outcome.url() + " (status " + outcome.status() + ")");
    }
}
