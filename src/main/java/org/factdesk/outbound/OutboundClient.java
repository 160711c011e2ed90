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
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
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
import java.util.function.BooleanSupplier;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one way the server calls other servers (webhooks, ClaimReview imports, evidence captures).
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

        public Failure(Kind kind, String message) {
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
        return exchange(request, allowPrivate, deadline, maxBytes, answer -> {
            Map<String, String> headers = new HashMap<>();
            answer.headers().forEach(h -> headers.putIfAbsent(h.name().toLowerCase(Locale.ROOT), h.value()));
            byte[] bytes = answer.body().readAllBytes();
            if (answer.body().truncation() == Truncation.TIME) {
                throw new InterruptedIOException("deadline");
            }
            return new Response(answer.status(), headers, bytes, answer.body().truncation() == Truncation.LENGTH);
        });
    }

    /** Why a streamed body ended before the server's end of it. */
    public enum Truncation { NONE, LENGTH, TIME }

    /** A header as it came, name in the server's spelling. */
    public record HeaderLine(String name, String value) {
    }

    /**
     * An answer whose body is read as it arrives: status line, every header in order, the address it
     * came from, and the body, which ends at {@code maxBytes} or at the deadline and says which.
     */
    public record Answer(String protocol, int status, String reason, List<HeaderLine> headers, InetAddress address,
                         BoundedBody body) {
    }

    /** Reads an {@link Answer}; runs inside the call, so the body is open while it reads. */
    @FunctionalInterface
    public interface AnswerReader<T> {
        T read(Answer answer) throws IOException;
    }

    /**
     * Like {@link #send} for bodies too large to hold: the caller's reader streams the body (to a file,
     * a digest) in bounded steps. The body ends early, with its {@link Truncation}, at {@code maxBytes}
     * or when the deadline passes.
     */
    public <T> T exchange(Request request, boolean allowPrivate, Instant deadline, long maxBytes, AnswerReader<T> reader)
            throws Failure {
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
            List<HeaderLine> headers = Arrays.stream(response.getHeaders())
                    .map(h -> new HeaderLine(h.getName(), h.getValue())).toList();
            HttpEntity entity = response.getEntity();
            BoundedBody body = new BoundedBody(entity == null ? InputStream.nullInputStream() : entity.getContent(),
                    maxBytes, deadline, http::isCancelled);
            String protocol = response.getVersion() == null ? "HTTP/1.1" : response.getVersion().format();
            return reader.read(new Answer(protocol, response.getCode(), response.getReasonPhrase(), headers,
                    addresses.get(0), body));
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

    /** A body that ends at its byte limit or its deadline, whichever comes first, and says which. */
    public static final class BoundedBody extends InputStream {
        private final InputStream in;
        private final long maxBytes;
        private final Instant deadline;
        private final BooleanSupplier cancelled;
        private long read;
        private Truncation truncation = Truncation.NONE;
        private boolean ended;

        BoundedBody(InputStream in, long maxBytes, Instant deadline, BooleanSupplier cancelled) {
            this.in = in;
            this.maxBytes = maxBytes;
            this.deadline = deadline;
            this.cancelled = cancelled;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (ended || length == 0) {
                return ended ? -1 : 0;
            }
            if (!Instant.now().isBefore(deadline)) {
                return end(Truncation.TIME);
            }
            int n;
            try {
                // One byte past the limit tells a body of exactly maxBytes from a longer one.
                n = in.read(buffer, offset, (int) Math.min(Math.min(length, 8192), maxBytes + 1 - read));
            } catch (IOException e) {
                if (cancelled.getAsBoolean() || !Instant.now().isBefore(deadline)) {
                    return end(Truncation.TIME);
                }
                throw e;
            }
            if (n < 0) {
                ended = true;
                return -1;
            }
            if (read + n > maxBytes) {
                int kept = (int) (maxBytes - read);
                read = maxBytes;
                end(Truncation.LENGTH);
                return kept == 0 ? -1 : kept;
            }
            read += n;
            return n;
        }

        private int end(Truncation why) {
            ended = true;
            truncation = why;
            return -1;
        }

        /** Bytes handed out so far. */
        public long count() {
            return read;
        }

        public Truncation truncation() {
            return truncation;
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
