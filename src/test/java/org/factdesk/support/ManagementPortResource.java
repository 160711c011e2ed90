package org.factdesk.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * For {@code @QuarkusIntegrationTest}s: the packaged server's management interface (health,
 * metrics, the OpenAPI document) on a free port instead of the fixed 9000, at {@link #url(String)}.
 * ({@code @QuarkusTest}s get a random one from {@code quarkus.management.test-port=0} and inject
 * its URL with {@code @TestHTTPResource(management = true)}.)
 */
public class ManagementPortResource implements QuarkusTestResourceLifecycleManager {

    private static volatile int port;

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.management.port", Integer.toString(port));
    }

    /** A management URL, e.g. {@code url("health/well")}. */
    public static String url(String path) {
        return "http://127.0.0.1:" + port + "/q/" + path;
    }

    @Override
    public void stop() {
        // nothing runs here: the server it configured is stopped by Quarkus
    }
}
