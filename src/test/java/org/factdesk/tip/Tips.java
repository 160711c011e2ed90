package org.factdesk.tip;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Short-hands of the tip tests: tips that join no other test's group, and the rows they leave. */
final class Tips {

    private Tips() {
    }

    /** The words of /tip/words.txt in a random order, each handed out once per run. */
    private static final Iterator<String> WORDS = shuffledWords();

    /**
     * Real words no other tip of the run has: tips made of them neither share words nor mean alike, so each test's
     * tips group only with each other (random letters or ids would not do: they all read alike to the model).
     */
    static synchronized String[] words(int count) {
        String[] words = new String[count];
        for (int i = 0; i < count; i++) {
            if (!WORDS.hasNext()) throw new IllegalStateException("/tip/words.txt has no word left for this run: add words");
            words[i] = WORDS.next();
        }
        return words;
    }

    /** A tip text no other tip is alike (so it starts its own group). */
    static String uniqueText() {
        return String.join(" ", words(3));
    }

    private static Iterator<String> shuffledWords() {
        try (InputStream in = Tips.class.getResourceAsStream("/tip/words.txt")) {
            List<String> words = new ArrayList<>(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList());
            Collections.shuffle(words);
            return words.iterator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
