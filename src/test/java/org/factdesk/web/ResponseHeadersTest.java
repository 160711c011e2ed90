package org.factdesk.web;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.factdesk.publishing.FactCheckPage;
import org.factdesk.support.Desk;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security headers on every kind of answer of the public port, and the web app's caching. The
 * web app's files are stand-ins here (src/test/resources/META-INF/resources: Quinoa does not build
 * frontend/ in @QuarkusTest) served by the same static handler; WebAppIT checks the real build in
 * a browser.
 */
@QuarkusTest
class ResponseHeadersTest {

    /** The test profile's sign-in authority (factdesk.web.oidc-authority), as an origin. */
    static final String SIGN_IN_ORIGIN = "https://auth.factdesk.test";
    static final String ASSET = "/assets/index-C0ffee42.js";
    static final Pattern SCRIPT_OR_STYLE = Pattern.compile("<script(?![^>]*type=\"application/ld\\+json\")|<style|\\sstyle=|\\son[a-z]+=",
            Pattern.CASE_INSENSITIVE);

    final Desk desk = new Desk();

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        long ticket = desk.publish(Map.of("text", "Headers claim " + Desk.unique("h"), "language", "en"), "False",
                "Headers are sent");
        String page = FactCheckPage.path(ticket, "Headers are sent");

        Map<String, ExtractableResponse<Response>> answers = new LinkedHashMap<>();
        answers.put("API", desk.as(desk.alice).get("/api/me").then().statusCode(200).extract());
        answers.put("API without a token", given().get("/api/me").then().statusCode(401).extract());
        answers.put("API 404 problem", desk.as(desk.alice).get("/api/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json").extract());
        answers.put("API 400 problem", desk.as(desk.alice).get("/api/tickets?size=100000").then().statusCode(400)
                .contentType("application/problem+json").extract());
        answers.put("unknown path", given().get("/no-such-page").then().statusCode(404).extract());
        answers.put("public page", given().get(page).then().statusCode(200).extract());
        answers.put("public page's stylesheet", given().get("/fact-checks/page.css").then().statusCode(200)
                .contentType("text/css").extract());
        answers.put("public 404 page", given().get("/fact-checks/999999999/nothing").then().statusCode(404).extract());
        answers.put("old slug's redirect", given().redirects().follow(false).get("/fact-checks/{id}", ticket).then()
                .statusCode(301).extract());
        answers.put("feed", given().get("/feeds/atom.xml").then().statusCode(200).extract());
        answers.put("ClaimReview feed", given().get("/feeds/claimreview.json").then().statusCode(200).extract());
        answers.put("public checkpoints", given().get("/audit/checkpoints").then().statusCode(200).extract());
        answers.put("web app config", given().get("/config.json").then().statusCode(200).extract());
        answers.put("web app", given().get("/").then().statusCode(200).extract());
        answers.put("web app asset", given().get(ASSET).then().statusCode(200).extract());

        answers.forEach((kind, answer) -> {
            for (String name : List.of("Content-Security-Policy", "Strict-Transport-Security", "X-Content-Type-Options",
                    "X-Frame-Options", "Referrer-Policy", "Permissions-Policy")) {
                assertEquals(1, answer.headers().getValues(name).size(), kind + ": one " + name);
            }
            Map<String, String> csp = directives(answer.header("Content-Security-Policy"));
            assertEquals("'self'", csp.get("default-src"), kind);
            assertEquals("'self'", csp.get("script-src"), kind + ": scripts from the origin only, none inline");
            assertEquals("'self'", csp.get("style-src"), kind + ": styles from the origin only, none inline");
            assertEquals("'self' " + SIGN_IN_ORIGIN, csp.get("connect-src"), kind + ": the web app may call its identity provider");
            assertEquals("'self' " + SIGN_IN_ORIGIN, csp.get("frame-src"), kind + ": and frame it for the silent sign-in");
            assertEquals("'none'", csp.get("object-src"), kind);
            assertEquals("'none'", csp.get("base-uri"), kind);
            assertEquals("'self'", csp.get("form-action"), kind);
            assertEquals("'none'", csp.get("frame-ancestors"), kind);
            assertEquals("max-age=31536000", answer.header("Strict-Transport-Security"), kind);
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), kind);
            assertEquals("DENY", answer.header("X-Frame-Options"), kind);
            assertEquals("no-referrer", answer.header("Referrer-Policy"), kind);
            assertTrue(answer.header("Permissions-Policy").contains("camera=()"), kind);
        });

        // The web app is told the same authority the policy allows.
        assertEquals(SIGN_IN_ORIGIN + "/realms/factdesk", answers.get("web app config").path("oidcAuthority"));
        // Resources keep their own caching: the filter touches only the web app's files.
        assertEquals("no-transform, max-age=60", answers.get("public page").header("Cache-Control"));
    }

    @Test
    void thePublicPagesNeedNoInlineScriptOrStyle() {
        long ticket = desk.publish(Map.of("text", "Inline claim " + Desk.unique("i"), "claimant", "A mayor",
                "language", "en"), "False", "No inline code");
        for (String html : List.of(
                given().get(FactCheckPage.path(ticket, "No inline code")).then().statusCode(200).extract().asString(),
                given().get("/fact-checks/999999999/nothing").then().statusCode(404).extract().asString())) {
            Matcher inline = SCRIPT_OR_STYLE.matcher(html);
            assertFalse(inline.find(), () -> "inline script or style: …" + html.substring(Math.max(0, inline.start() - 40),
                    Math.min(html.length(), inline.end() + 60)));
            assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/fact-checks/page.css\">"));
        }
        String css = given().get("/fact-checks/page.css").then().statusCode(200).extract().asString();
        assertTrue(css.contains(".rating"), "the stylesheet has the pages' rules");
    }

    @Test
    void indexHtmlIsRevalidatedAndOnlyHashedAssetsAreImmutable() {
        for (String entry : List.of("/", "/index.html")) {
            assertEquals("no-cache", given().get(entry).then().statusCode(200).contentType("text/html")
                    .extract().header("Cache-Control"), entry);
        }
        assertEquals("public, max-age=31536000, immutable", given().get(ASSET).then().statusCode(200)
                .extract().header("Cache-Control"));
        // A rolling deploy: the new index.html names an asset this replica does not have. Its 404 must
        // not be kept for a year.
        String missing = given().get("/assets/index-Deadbeef.js").then().statusCode(404).extract().header("Cache-Control");
        assertTrue(missing == null || !missing.contains("immutable") && !missing.contains("max-age"), missing);
    }

    @Test
    void onlyTheSilentSignInPageMayBeFramedAndOnlyByTheWebApp() {
        ExtractableResponse<Response> silent = given().get("/silent-renew.html").then().statusCode(200)
                .contentType("text/html").extract();
        Map<String, String> csp = directives(silent.header("Content-Security-Policy"));
        assertEquals("'self'", csp.get("frame-ancestors"), "the web app's hidden iframe may show it");
        assertEquals("SAMEORIGIN", silent.header("X-Frame-Options"));
        assertEquals("'self'", csp.get("script-src"), "its script is the bundle's, none inline");
        assertEquals("no-cache", silent.header("Cache-Control"), "it names hashed assets, like index.html");
        for (String other : List.of("/", "/index.html", "/silent-renew.html/x", "/api/me")) {
            ExtractableResponse<Response> answer = given().get(other).then().extract();
            assertEquals("DENY", answer.header("X-Frame-Options"), other);
            assertEquals("'none'", directives(answer.header("Content-Security-Policy")).get("frame-ancestors"), other);
        }
        assertTrue(ResponseHeaders.framedBySameOrigin(ResponseHeaders.securityHeaders(Optional.empty(), Duration.ZERO,
                LaunchMode.DEVELOPMENT)).get("Content-Security-Policy-Report-Only").contains("frame-ancestors 'self'"));
    }

    @Test
    void theWebAppsFilesAreSentCompressedWhenAskedAndTheApiIsNot() {
        // Raw bytes: REST Assured would otherwise ask for gzip itself and unpack the body.
        RestAssuredConfig raw = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        // The stand-in asset goes through the same static handler as the real build's /assets/*.js.
        for (String path : List.of(ASSET, "/", "/silent-renew.html", "/fact-checks/page.css")) {
            ExtractableResponse<Response> gzip = given().config(raw).header("Accept-Encoding", "gzip").get(path).then()
                    .statusCode(200).extract();
            assertEquals("gzip", gzip.header("Content-Encoding"), path);
            byte[] body = gzip.asByteArray();
            assertTrue(body.length > 2 && body[0] == (byte) 0x1f && body[1] == (byte) 0x8b, path + ": a gzip stream");
            ExtractableResponse<Response> plain = given().config(raw).get(path).then().statusCode(200).extract();
            String encoding = plain.header("Content-Encoding");
            assertTrue(encoding == null || encoding.equals("identity"), path + ": not compressed when not asked, was " + encoding);
        }
        String api = desk.as(desk.alice).config(raw).header("Accept-Encoding", "gzip").get("/api/me").then().statusCode(200)
                .extract().header("Content-Encoding");
        assertTrue(api == null || api.equals("identity"), "the API's JSON is not compressed: " + api);
    }

    @Test
    void thePolicyAllowsTheOriginOfTheConfiguredSignInAuthority() {
        assertEquals("http://localhost:8180", ResponseHeaders.origin("http://localhost:8180/realms/factdesk"));
        assertEquals("https://auth.example.org", ResponseHeaders.origin(" HTTPS://Auth.Example.org/realms/factdesk/ "));
        assertEquals("https://auth.example.org", ResponseHeaders.origin("https://someone:secret@auth.example.org/realms/x"));
        assertEquals("http://[::1]:8180", ResponseHeaders.origin("http://[::1]:8180/realms/factdesk"));
        for (String bad : List.of("auth.example.org/realms/factdesk", "ftp://auth.example.org/", "https:///realms",
                "https://auth example.org/")) {
            assertThrows(IllegalArgumentException.class, () -> ResponseHeaders.origin(bad), bad);
        }
        assertEquals("'self'", directives(ResponseHeaders.contentSecurityPolicy(Optional.empty())).get("connect-src"));
        assertEquals("max-age=0", ResponseHeaders.securityHeaders(Optional.empty(), Duration.ZERO, LaunchMode.NORMAL)
                .get("Strict-Transport-Security"));
        assertTrue(ResponseHeaders.securityHeaders(Optional.empty(), Duration.ZERO, LaunchMode.DEVELOPMENT)
                .containsKey("Content-Security-Policy-Report-Only"), "dev mode (Vite's dev server, the Dev UI) only reports");
        assertNull(ResponseHeaders.webAppCaching("/api/assets/1", 200).orElse(null));
    }

    static Map<String, String> directives(String policy) {
        return Arrays.stream(policy.split(";")).map(String::strip).filter(d -> !d.isEmpty())
                .collect(Collectors.toMap(d -> d.split(" ", 2)[0], d -> d.contains(" ") ? d.split(" ", 2)[1] : "",
                        (a, b) -> {
                            throw new AssertionError("directive given twice in " + policy);
                        }, LinkedHashMap::new));
    }
}
