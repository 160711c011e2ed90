package org.factdesk.dev;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** A real Keycloak for the integration tests, and the server pointed at it. */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    private static KeycloakLauncher keycloak;

    @Override
    public Map<String, String> start() {
        keycloak = KeycloakLauncher.start();
        return Map.of(
                "quarkus.oidc.auth-server-url", KeycloakLauncher.REALM_URL,
                "quarkus.keycloak.admin-client.server-url", KeycloakLauncher.URL,
                "quarkus.keycloak.admin-client.client-secret", KeycloakLauncher.DEV_SERVER_CLIENT_SECRET,
                "factdesk.people.cache-ttl", "1s");
    }

    /** For the outage test: Keycloak goes away while the server runs. */
    public static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Override
    public void stop() {
        stopKeycloak();
    }
}
