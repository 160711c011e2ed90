package org.factdesk.people;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IdentityProviderHealthTest {

    @Test
    void anUnreachableIdentityProviderIsReportedWithoutItsAddress() {
        IdentityProviderHealth check = new IdentityProviderHealth();
        check.authServerUrl = Optional.of("http://127.0.0.1:1/realms/factdesk");
        HealthCheckResponse answer = check.call();
        assertEquals(HealthCheckResponse.Status.DOWN, answer.getStatus());
        assertEquals(Map.of("error", "ConnectException"), answer.getData().orElseThrow());
    }
}
