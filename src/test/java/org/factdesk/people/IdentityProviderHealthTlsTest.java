package org.factdesk.people;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.SSLOptions;
import io.vertx.core.net.TrustOptions;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * In production the server reaches Keycloak over HTTPS with a certificate from the desk's own CA
 * (k8s/README.md, "TLS to Keycloak"): the health check must trust what OIDC trusts, the TLS
 * configuration named by quarkus.oidc.tls.tls-configuration-name, not only the JVM's trust store.
 */
class IdentityProviderHealthTlsTest {

    static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;
    static KeyStore serverKeys;
    static HttpsServer keycloak;

    @BeforeAll
    static void keycloakWithAPrivateCertificate() throws Exception {
        // A self-signed certificate for localhost, made by the JDK's keytool (no CA the JVM knows).
        Path keys = dir.resolve("keycloak.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "keycloak", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", keys.toString(),
                "-storepass", new String(PASSWORD)).redirectErrorStream(true).start();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + new String(keytool.getInputStream().readAllBytes()));
        }
        serverKeys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys)) {
            serverKeys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(serverKeys, PASSWORD);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(keyManagers.getKeyManagers(), null, null);

        keycloak = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        keycloak.setHttpsConfigurator(new HttpsConfigurator(server));
        keycloak.createContext("/realms/factdesk/.well-known/openid-configuration", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        keycloak.start();
    }

    @AfterAll
    static void stop() {
        keycloak.stop(0);
    }

    static IdentityProviderHealth check(Optional<String> tlsConfigurationName) {
        IdentityProviderHealth check = new IdentityProviderHealth();
        check.authServerUrl = Optional.of("https://localhost:" + keycloak.getAddress().getPort() + "/realms/factdesk");
        check.tlsConfigurationName = tlsConfigurationName;
        check.tlsRegistry = new TlsConfigurationRegistry() {
            @Override
            public Optional<TlsConfiguration> get(String name) {
                return name.equals("keycloak") ? Optional.of(trusting(serverKeys)) : Optional.empty();
            }

            @Override
            public Optional<TlsConfiguration> getDefault() {
                return Optional.empty();
            }

            @Override
            public void register(String name, TlsConfiguration configuration) {
                throw new UnsupportedOperationException();
            }
        };
        return check;
    }

    @Test
    void trustsTheCertificateOfTheTlsConfigurationOidcUses() {
        HealthCheckResponse answer = check(Optional.of("keycloak")).call();
        assertEquals(HealthCheckResponse.Status.UP, answer.getStatus(), answer.getData().toString());
    }

    @Test
    void withoutItTheJvmsTrustStoreRefusesThatCertificate() {
        HealthCheckResponse answer = check(Optional.empty()).call();
        assertEquals(HealthCheckResponse.Status.DOWN, answer.getStatus());
        assertEquals("SSLHandshakeException", answer.getData().map(Map::entrySet).orElseThrow().stream()
                .filter(e -> e.getKey().equals("error")).findFirst().orElseThrow().getValue());
    }

    /** A TLS configuration like quarkus.tls.keycloak.trust-store.pem.certs: trusts the given certificates only. */
    static TlsConfiguration trusting(KeyStore certificates) {
        return new TlsConfiguration() {
            @Override
            public SSLContext createSSLContext() throws Exception {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                trust.setCertificateEntry("keycloak", certificates.getCertificate("keycloak"));
                TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trustManagers.init(trust);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trustManagers.getTrustManagers(), null);
                return context;
            }

            @Override
            public KeyStore getKeyStore() {
                return null;
            }

            @Override
            public KeyCertOptions getKeyStoreOptions() {
                return null;
            }

            @Override
            public KeyStore getTrustStore() {
                return null;
            }

            @Override
            public TrustOptions getTrustStoreOptions() {
                return null;
            }

            @Override
            public SSLOptions getSSLOptions() {
                return null;
            }

            @Override
            public boolean isTrustAll() {
                return false;
            }

            @Override
            public Optional<String> getHostnameVerificationAlgorithm() {
                return Optional.of("HTTPS");
            }

            @Override
            public boolean usesSni() {
                return false;
            }

            @Override
            public boolean reload() {
                return false;
            }
        };
    }
}
