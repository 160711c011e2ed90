package org.factdesk;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Health, metrics and the OpenAPI document are served on the management interface only (in a
 * cluster: a port the ingress does not route to), and health answers name no internal address.
 */
@QuarkusTest
class ManagementInterfaceTest {

    static final List<String> MANAGEMENT_PATHS = List.of("health", "health/ready", "health/live", "health/started",
            "health/well", "metrics", "openapi", "swagger-ui");

    @TestHTTPResource(value = "/", management = true)
    URI management;

    @Test
    void managementEndpointsAreNotOnThePublicPort() {
        for (String path : MANAGEMENT_PATHS) {
            given().get("/q/" + path).then().statusCode(404);
        }
    }

    @Test
    void managementEndpointsAreOnTheManagementPort() {
        given().get(management.resolve("health/ready")).then().statusCode(200)
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"));
        given().get(management.resolve("health/live")).then().statusCode(200);
        given().get(management.resolve("health/started")).then().statusCode(200);
        given().get(management.resolve("metrics")).then().statusCode(200).body(containsString("# TYPE jvm_"));
        given().get(management.resolve("openapi?format=json")).then().statusCode(200)
                .body("info.title", equalTo("Factdesk API"));
    }

    @Test
    void healthAnswersNameNoAddress() {
        URI database = URI.create(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class).substring(5));
        String body = given().get(management.resolve("health")).then().extract().asString();
        for (String address : List.of("://", database.getHost(), ":" + database.getPort(), "localhost", "127.0.0.1",
                "auth.factdesk.test")) {
            assertFalse(body.contains(address), "the health answer names " + address + ": " + body);
        }
    }
}
