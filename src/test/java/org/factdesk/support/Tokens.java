package org.factdesk.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;

/**
 * Access tokens shaped like Keycloak's (subject, realm_access.roles, audience), signed with the
 * test key whose public half the test profile trusts. They go through the real OIDC verification.
 */
public final class Tokens {

    public static final String ISSUER = "https://factdesk.test/issuer";
    public static final String AUDIENCE = "factdesk-api";
    private static final PrivateKey KEY = loadKey();

    private Tokens() {
    }

    public static String of(String subject, String... roles) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .audience(AUDIENCE)
                .preferredUserName(subject + "-name")
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .expiresIn(3600)
                .sign(KEY);
    }

    /**
     * The public half, as the test profile trusts it ({@code %test.quarkus.oidc.public-key}): for a packaged server
     * started by a test, which runs the production profile.
     */
    public static String publicKey() {
        String prefix = "%test.quarkus.oidc.public-key=";
        try {
            return Files.readAllLines(Path.of("src/main/resources/application.properties")).stream()
                    .filter(line -> line.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The private half of the key the test profile trusts. */
    public static PrivateKey key() {
        return KEY;
    }

    private static PrivateKey loadKey() {
        try (InputStream in = Tokens.class.getResourceAsStream("/test-signing-key.pem")) {
            return KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
