package org.factdesk.people;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Without a reachable Keycloak (the test profile points the admin client nowhere). */
@QuarkusTest
class PeopleTest {

    final Desk desk = new Desk();

    @TestHTTPResource(value = "health", management = true)
    URI health;

    @Test
    void withKeycloakUnreachableAndNoEarlierListTheDirectoryAnswers503NotA500() {
        desk.as(desk.carol).get("/api/people").then().statusCode(503)
                .contentType("application/problem+json")
                .body("title", equalTo("Directory unavailable"));
        given().get("/api/people").then().statusCode(401);
    }

    @Test
    void identityProviderStateIsInformationNotReadiness() {
        given().get(health + "/ready").then().statusCode(200);
        given().get(health + "/well").then().statusCode(200)
                .body("checks.find { it.name == 'identity-provider' }.status", equalTo("UP"));
    }
}
