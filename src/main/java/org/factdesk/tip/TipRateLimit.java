package org.factdesk.tip;

import io.netty.util.NetUtil;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.factdesk.common.FactdeskConfig;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The public endpoints' rate limits (factdesk.tips.*): per client and for all clients together,
 * fixed windows of {@code rate-window}, counted in PostgreSQL ({@code tip_rate}) so that they hold
 * across replicas. Each count is one atomic upsert on the database's clock, so replicas whose clocks
 * differ still share one window. A client is stored only as an HMAC under the desk's own key
 * ({@link DeskSecrets}): a leaked table names no address, and nobody without the key can test one.
 * <p>
 * Any channel that takes tips from the public can use it ({@link #admit(String)} for its own kind of
 * requester).
 */
@ApplicationScoped
public class TipRateLimit {

    /** Why a tip was not taken: which limit, and when the window ends. */
    public record Refusal(boolean global, long retryAfterSeconds) {

        public String detail() {
            return (global ? "The desk is receiving too many tips right now" : "Too many tips came from your address")
                    + ": try again in " + retryAfterSeconds + " seconds.";
        }

        /** 429 with {@code Retry-After}, as every public channel answers it. */
        public HttpProblem problem() {
            return HttpProblem.builder().withStatus(Status.TOO_MANY_REQUESTS).withTitle("Too many tips")
                    .withDetail(detail()).withHeader("Retry-After", retryAfterSeconds).build();
        }
    }

    /** The limits in force; 0 is no limit. */
    record Limits(int perClient, int global, Duration window) {
    }

    static final String KEY_NAME = "tip-rate-key";
    private static final byte[] GLOBAL = "global".getBytes(StandardCharsets.US_ASCII);

    /**
     * One window of one key, on the database's clock. A count that starts a new window starts again
     * at 1; it never passes the int range however long a flood lasts.
     */
    static final String COUNT_SQL = """
            INSERT INTO tip_rate AS r (key, window_start, count)
            VALUES (:key, to_timestamp(floor(extract(epoch FROM clock_timestamp()) / :seconds) * :seconds), 1)
            ON CONFLICT (key) DO UPDATE SET
                count = CASE WHEN r.window_start = EXCLUDED.window_start THEN LEAST(r.count, 2147483646) + 1 ELSE 1 END,
                window_start = EXCLUDED.window_start
            RETURNING count, ceil(extract(epoch FROM r.window_start + make_interval(secs => :seconds) - clock_timestamp()))""";

    @Inject
    FactdeskConfig config;

    @Inject
    DeskSecrets secrets;

    /**
     * Quarkus believes X-Forwarded-For / Forwarded only with proxy-address-forwarding on, and then from
     * every peer unless trusted-proxies names some: a client could then pick its own address and escape
     * its limit. So forwarding without named proxies is refused at start.
     */
    @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false")
    boolean forwarding;

    @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies")
    Optional<List<String>> trustedProxies;

    void refuseForwardingFromAnyone(@Observes StartupEvent start) {
        if (forwarding && trustedProxies.map(List::isEmpty).orElse(true)) {
            throw new IllegalStateException("quarkus.http.proxy.proxy-address-forwarding is on but quarkus.http.proxy.trusted-proxies"
                    + " names no proxy: any client could choose the address the tip rate limits count. Name the proxies (see README).");
        }
    }

    /** Set by tests, so that one application start serves every limit they try. */
    private volatile Limits override;

    void use(Limits limits) {
        override = limits;
    }

    Limits limits() {
        Limits limits = override;
        return limits != null ? limits : new Limits(config.tips().perAddressLimit(), config.tips().globalLimit(),
                config.tips().rateWindow());
    }

    /**
     * Counts one tip from this client address (as the HTTP layer reports it: the peer, or what a
     * trusted proxy forwarded) and answers the refusal if a limit is exceeded. IPv6 clients are counted
     * by their /64, which one household or host usually holds whole.
     */
    public Optional<Refusal> admitAddress(String address) {
        return admit("address " + network(address));
    }

    /** Counts one tip from this requester (any string that names one, e.g. a channel's own id) against the limits. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Refusal> admit(String requester) {
        Limits limits = limits();
        long seconds = Math.max(1, limits.window().toSeconds());
        if (limits.perClient() > 0) {
            Optional<Refusal> refused = count(hmac(requester), limits.perClient(), seconds, false);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return limits.global() > 0 ? count(GLOBAL, limits.global(), seconds, true) : Optional.empty();
    }

    private Optional<Refusal> count(byte[] key, int limit, long seconds, boolean global) {
        Object[] row = (Object[]) Panache.getEntityManager().createNativeQuery(COUNT_SQL)
                .setParameter("key", key).setParameter("seconds", seconds).getSingleResult();
        int count = ((Number) row[0]).intValue();
        long retryAfter = Math.max(1, ((Number) row[1]).longValue());
        return count > limit ? Optional.of(new Refusal(global, retryAfter)) : Optional.empty();
    }

    /** Counts of windows that ended: they limit nothing any more (every replica may run this; it is idempotent). */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetEndedWindows() {
        long seconds = Math.max(1, limits().window().toSeconds());
        Panache.getEntityManager().createNativeQuery(
                        "DELETE FROM tip_rate WHERE window_start < clock_timestamp() - make_interval(secs => :seconds)")
                .setParameter("seconds", seconds).executeUpdate();
    }

    private byte[] hmac(String requester) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.key(KEY_NAME), "HmacSHA256"));
            return mac.doFinal(requester.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** An IPv6 address's /64 (as hex), an IPv4 address itself; anything else as given. Parses literals only: no DNS. */
    static String network(String address) {
        byte[] bytes = address == null ? null : NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null) {
            return String.valueOf(address);
        }
        if (bytes.length == 16 && !isV4Mapped(bytes)) {
            return "v6 " + java.util.HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) + "::/64";
        }
        byte[] v4 = bytes.length == 16 ? Arrays.copyOfRange(bytes, 12, 16) : bytes;
        return "v4 " + NetUtil.bytesToIpAddress(v4);
    }

    private static boolean isV4Mapped(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
    }
}
