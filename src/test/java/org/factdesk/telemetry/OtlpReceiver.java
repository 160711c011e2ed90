package org.factdesk.telemetry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver in this JVM (the JDK's HTTP server): it keeps every export's path and body and answers 200,
 * and points the server's trace exporter at itself. The test gets it in a field marked {@link InjectReceiver}.
 */
public class OtlpReceiver implements QuarkusTestResourceLifecycleManager {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectReceiver {
    }

    /** One export as received: the request path and the (decompressed) protobuf body. */
    public record Export(String path, byte[] body) {
    }

    private final List<Export> exports = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::receive);
        server.start();
        // The collector's base address, as an operator gives it: the exporter appends /v1/traces.
        return Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                }
            }
            exports.add(new Export(exchange.getRequestURI().getPath(), body));
            // An empty ExportTraceServiceResponse: everything accepted.
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    public List<Export> exports() {
        return List.copyOf(exports);
    }

    /** Whether an export so far holds this trace id (32 hex digits), which OTLP's protobuf carries as 16 raw bytes. */
    public boolean received(String traceId) {
        byte[] id = HexFormat.of().parseHex(traceId);
        return exports.stream().anyMatch(export -> indexOf(export.body(), id) >= 0);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(this, new TestInjector.AnnotatedAndMatchesType(InjectReceiver.class, OtlpReceiver.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
