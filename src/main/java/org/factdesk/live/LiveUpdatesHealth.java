package org.factdesk.live;

import io.smallrye.health.api.HealthGroup;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether this replica hears ticket changes (/q/health/group/live-updates, and with the other
 * information under /q/health/well). Not readiness: without live updates the API still works;
 * open screens just stop updating until the connection is back.
 */
@Wellness
@HealthGroup("live-updates")
@ApplicationScoped
public class LiveUpdatesHealth implements HealthCheck {

    @Inject
    ChangeFeed feed;

    @Override
    public HealthCheckResponse call() {
        ChangeFeed.State state = feed.state();
        var response = HealthCheckResponse.named("live-updates").status(state.listening());
        if (state.confirmedAt() != null) {
            response.withData("confirmedAt", state.confirmedAt().toString());
        }
        if (!state.listening() && state.lastError() != null) {
            response.withData("lastError", state.lastError());
        }
        return response.build();
    }
}
