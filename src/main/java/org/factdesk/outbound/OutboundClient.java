package org.factdesk.outbound;

import jakarta.inject.Singleton;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one way the server calls other servers (webhooks, ClaimReview imports).
 * <ul>
 * <li>The host is resolved once, by {@link TargetGuard}, and the connection goes to exactly the
 * addresses it checked: Apache HttpClient's {@link DnsResolver} hook answers them, while the URL
 * keeps the name, so {@code Host}, TLS SNI and certificate checks use the name as usual.</li>
 * <li>One deadline covers connecting, the headers and the body: an alarm cancels the request
 * (closing its connection) when it passes, and the body is read in bounded steps that check it,
 * so a server that trickles its answer cannot hold the caller.</li>
 * <li>At most {@code maxBytes} of the body are read; redirects are not followed (callers that
 * follow them send each hop through here again), nothing is retried, no proxy is used.</li>
 * </ul>
 */
@Singleton
public class OutboundClient {

    public record Request(String method, String url, Map<String, String> headers, byte[] body) {
        public static Request get(String url, Map<String, String> headers) {
            return new Request("GET", url, headers, null);
        }

        public static Request post(String url, Map<String, String> headers, byte[] body) {
            return new Request("POST", url, headers, body);
        }
    }

    /** Status, headers (lower-case names, first value) and at most {@code maxBytes} of the body. */
    public record Response(int status, Map<String, String> headers, byte[] body, boolean truncated) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    /** A call that got no answer; the message names the host as the caller gave it, never an address. */
    public static class Failure extends Exception {
        public enum Kind { REFUSED, DEADLINE, FAILED }

        private final Kind kind;

        Failure(Kind kind, String message) {
            super(message);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    private static final ScheduledThreadPoolExecutor ALARMS = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "outbound-deadline");
        thread.setDaemon(true);
        return thread;
    });

    static {
        ALARMS.setRemoveOnCancelPolicy(true);
    }

    private final TargetGuard guard;
    private final TlsSocketStrategy tls;

    public OutboundClient() {
        this(TargetGuard.system(), null);
    }

    /** For tests: another resolver or classifier, and trust in a test certificate. */
    public OutboundClient(TargetGuard guard, SSLContext sslContext) {
        this.guard = guard;
        this.tls = sslContext == null ? ClientTlsStrategyBuilder.create().buildClassic()
                : ClientTlsStrategyBuilder.create().setSslContext(sslContext).buildClassic();
    }

    public Response send(Request request, boolean allowPrivate, Instant deadline, int maxBytes) throws Failure {
        Optional<String> syntax = TargetGuard.syntaxRefusal(request.url());
        if (syntax.isPresent()) {
            throw new Failure(Failure.Kind.REFUSED, syntax.get());
        }
        URI uri = URI.create(request.url());
        String host = uri.getHost();
        List<InetAddress> addresses;
        try {
            addresses = guard.addresses(host, allowPrivate);
        } catch (TargetGuard.Refused e) {
            throw new Failure(Failure.Kind.REFUSED, e.getMessage());
        }
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (left <= 0) {
            throw tooLate(host);
        }

        HttpUriRequestBase http = new HttpUriRequestBase(request.method(), uri);
        request.headers().forEach(http::setHeader);
        if (request.body() != null) {
            http.setEntity(new ByteArrayEntity(request.body(), null));
        }
        CloseableHttpClient client = pinnedClient(addresses, Timeout.ofMilliseconds(left));
        ScheduledFuture<?> alarm = ALARMS.schedule(http::cancel, left, TimeUnit.MILLISECONDS);
        try {
            ClassicHttpResponse response = client.executeOpen(null, http, null);
            Map<String, String> headers = new HashMap<>();
            for (Header header : response.getHeaders()) {
                headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            HttpEntity entity = response.getEntity();
            if (entity != null) {
                InputStream in = entity.getContent();
                byte[] buffer = new byte[8192];
                int read = 0;
                while (read >= 0 && body.size() <= maxBytes) {
                    if (!Instant.now().isBefore(deadline)) {
                        throw tooLate(host);
                    }
                    read = in.read(buffer, 0, Math.min(buffer.length, maxBytes + 1 - body.size()));
                    if (read > 0) {
                        body.write(buffer, 0, read);
                    }
                }
            }
            byte[] bytes = body.toByteArray();
            boolean truncated = bytes.length > maxBytes;
            return new Response(response.getCode(), headers,
                    truncated ? Arrays.copyOf(bytes, maxBytes) : bytes, truncated);
        } catch (IOException e) {
            if (http.isCancelled() || e instanceof InterruptedIOException || !Instant.now().isBefore(deadline)) {
                throw tooLate(host);
            }
            throw new Failure(Failure.Kind.FAILED, describe(e, host));
        } finally {
            alarm.cancel(false);
            // Never drain what is left of a body: the connection is dropped, not reused.
            client.close(CloseMode.IMMEDIATE);
        }
    }

    /** A client of its own for each call, whose only answer to "where is this host?" is the checked addresses. */
    private CloseableHttpClient pinnedClient(List<InetAddress> addresses, Timeout timeout) {
        InetAddress[] pinned = addresses.toArray(InetAddress[]::new);
        DnsResolver resolver = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String name) {
                return pinned.clone();
            }

            @Override
            public String resolveCanonicalHostname(String name) {
                return name;
            }
        };
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setTlsSocketStrategy(tls)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout).setSocketTimeout(timeout).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout).setResponseTimeout(timeout).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent("Factdesk")
                .build();
    }

    private static Failure tooLate(String host) {
        return new Failure(Failure.Kind.DEADLINE, "no complete answer from " + host + " within the time limit");
    }

    /** Our own words: the library's messages can carry the resolved address. */
    private static String describe(IOException e, String host) {
        String what;
        if (e instanceof ConnectException) {
            what = "cannot connect to " + host;
        } else if (e instanceof UnknownHostException) {
            what = host + " cannot be resolved";
        } else if (e instanceof SSLException) {
            what = "the secure connection to " + host + " failed";
        } else if (e instanceof NoHttpResponseException) {
            what = host + " closed the connection without an answer";
        } else if (e.getCause() instanceof ProtocolException || e instanceof org.apache.hc.client5.http.ClientProtocolException) {
            what = host + " did not answer in HTTP";
        } else {
            what = "the call to " + host + " failed";
        }
        return what + " (" + e.getClass().getSimpleName() + ")";
    }
}
