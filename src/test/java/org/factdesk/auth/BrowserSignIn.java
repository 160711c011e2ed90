package org.factdesk.auth;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A person signing in at Keycloak's login page, the way a browser does it: the authorization
 * request (code + PKCE), the login form posted with the cookies Keycloak set, redirects followed
 * as long as they stay at Keycloak. Keycloak marks its cookies {@code Secure} even on
 * http://localhost, which {@link java.net.CookieManager} would then withhold: this keeps its own jar.
 */
final class BrowserSignIn {

    /** Where the sign-in stopped: a redirect away from Keycloak, or a Keycloak page. */
    record Outcome(URI url, int status, Document page) {

        /** Back at the web app with an authorization code: signed in. */
        boolean signedIn(String redirectUri) {
            return status == 302 && url.toString().startsWith(redirectUri) && url.getQuery().contains("code=");
        }

        /** Keycloak's "set up a one-time code" page (the CONFIGURE_TOTP required action). */
        boolean asksToSetUpOneTimeCode() {
            Element form = page == null ? null : page.selectFirst("form[action*=execution=CONFIGURE_TOTP]");
            return form != null && form.selectFirst("input[name=totp]") != null
                    && form.selectFirst("input[name=totpSecret]") != null && page.getElementById("kc-totp-settings") != null;
        }

        /** The login form again (a wrong password, or a locked account: Keycloak does not say which). */
        boolean showsLoginForm() {
            return page != null && page.getElementById("kc-form-login") != null;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private final String realmUrl;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    BrowserSignIn(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    /** Opens the web app's sign-in at Keycloak, then posts user name and password. */
    Outcome signIn(String clientId, String redirectUri, String username, String password) {
        String verifier = randomToken();
        Outcome login = follow(URI.create(realmUrl + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", clientId, "response_type", "code", "scope", "openid", "redirect_uri", redirectUri,
                "state", randomToken(), "code_challenge", s256(verifier), "code_challenge_method", "S256"))), null);
        if (!login.showsLoginForm()) {
            throw new AssertionError("no login form at " + login.url() + " (status " + login.status() + ")");
        }
        Element loginForm = login.page().getElementById("kc-form-login");
        return follow(URI.create(loginForm.absUrl("action")),
                form(Map.of("username", username, "password", password, "credentialId", "")));
    }

    /** One request, then Keycloak's own redirects (GET), until a page or a redirect elsewhere. */
    private Outcome follow(URI url, String postBody) {
        try {
            for (int hops = 0; hops < 10; hops++) {
                HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10));
                if (!cookies.isEmpty()) {
                    request.header("Cookie", cookies.entrySet().stream()
                            .map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
                }
                if (postBody != null) {
                    request.header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(postBody));
                }
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                response.headers().allValues("Set-Cookie").forEach(header -> HttpCookie.parse(header)
                        .forEach(cookie -> cookies.put(cookie.getName(), cookie.getValue())));
                var location = response.headers().firstValue("Location");
                if (response.statusCode() / 100 == 3 && location.isPresent()) {
                    URI next = url.resolve(location.get());
                    if (!next.toString().startsWith(realmUrl)) {
                        return new Outcome(next, response.statusCode(), null);
                    }
                    url = next;
                    postBody = null;
                    continue;
                }
                return new Outcome(url, response.statusCode(), Jsoup.parse(response.body(), url.toString()));
            }
            throw new AssertionError("more than 10 redirects from " + url);
        } catch (IOException e) {
            throw new AssertionError("Keycloak did not answer at " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
