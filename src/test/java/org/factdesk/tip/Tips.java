package org.factdesk.tip;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Short-hands of the tip tests: tips that join no other test's group, and the rows they leave. */
final class Tips {

    private Tips() {
    }

    /** A tip text no other tip is alike (so it starts its own group). */
    static String uniqueText() {
        return "Is it true " + UUID.randomUUID() + " " + UUID.randomUUID() + "?";
    }

    /** Sends a tip as JSON and answers the receipt. */
    static JsonPath send(Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).post("/public/tips").then().statusCode(201)
                .extract().jsonPath();
    }

    static String sendText(String text) {
        return send(Map.of("text", text)).getString("token");
    }

    static long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = Panache.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    static int update(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = Panache.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        });
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> rows(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = Panache.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return (List<Object[]>) query.getResultList();
        });
    }

    static long tipCount() {
        return count("SELECT count(*) FROM tip");
    }
}
