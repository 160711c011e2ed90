package org.factdesk.people;

import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.factdesk.common.HealthData;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether the identity provider answers, as information (/q/health/well): a short Keycloak
 * outage must not take replicas out of service, since tokens verify with cached keys. Its address
 * is not reported (health data name no internal addresses).
 */
@Wellness
@ApplicationScoped
public class IdentityProviderHealth implements HealthCheck {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> authServerUrl;

    /** The TLS configuration OIDC uses, e.g. a private CA for Keycloak inside the cluster (k8s/README.md). */
    @ConfigProperty(name = "quarkus.oidc.tls.tls-configuration-name")
    Optional<String> tlsConfigurationName = Optional.empty();

    @Inject
    TlsConfigurationRegistry tlsRegistry;

    private volatile HttpClient http;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("identity-provider");
        if (authServerUrl.isEmpty()) {
            return response.up().withData("mode", "tokens verified with a configured public key").build();
        }
        String discovery = authServerUrl.get().replaceAll("/+$", "") + "/.well-known/openid-configuration";
        try {
            int status = http().send(HttpRequest.newBuilder(URI.create(discovery)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            return response.status(status == 200).withData("status", status).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return response.down().withData("error", HealthData.error(e)).build();
        }
    }

    /** Trusts what OIDC trusts: its named TLS configuration, else the JVM's trust store. */
    private HttpClient http() throws Exception {
        if (http == null) {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
            Optional<TlsConfiguration> tls = tlsConfigurationName.flatMap(name -> tlsRegistry.get(name));
            if (tlsConfigurationName.isPresent() && tls.isEmpty()) {
                throw new IllegalStateException("no TLS configuration " + tlsConfigurationName.get());
            }
            if (tls.isPresent()) {
                builder.sslContext(tls.get().createSSLContext());
            }
            http = builder.build();
        }
        return http;
    }
}
