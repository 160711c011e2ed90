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
                "factdesk.people.cache-ttl", "1s",
                // RealKeycloakIT rotates the realm's key: the server fetches the new set at the first token that names
                // it, however recently it last did (Quarkus' default waits 10 minutes between such fetches).
                "quarkus.oidc.token.forced-jwk-refresh-interval", "0S");
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
