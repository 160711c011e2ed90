package org.factdesk.outbound;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Keeps outgoing calls (webhooks, ClaimReview imports) away from the server's own network: a host
 * is resolved once, every address it has must be outside the special-purpose ranges below (unless
 * the desk allows private targets), and the caller then connects to exactly those addresses
 * ({@link org.factdesk.outbound.OutboundClient}), so a second DNS answer cannot slip in.
 * Refusals name only the host the user typed, never an address it resolved to.
 */
public final class TargetGuard {

    /** Name to addresses; replaceable so that tests can play DNS tricks on loopback. */
    @FunctionalInterface
    public interface Resolver {
        Resolver SYSTEM = InetAddress::getAllByName;

        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The special-purpose range an address is in, if any; replaceable in tests. */
    @FunctionalInterface
    public interface Classifier {
        Optional<Range> specialPurpose(InetAddress address);
    }

    /** A URL that may not be called, with a message fit for the person who gave it. */
    public static class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** A block of addresses ({@code cidr}, e.g. {@code 100.64.0.0/10}) and its registry name. */
    public record Range(String cidr, String name, byte[] network, int bits) {
        static Range of(String cidr, String name) {
            int slash = cidr.indexOf('/');
            return new Range(cidr, name, literal(cidr.substring(0, slash)).getAddress(),
                    Integer.parseInt(cidr.substring(slash + 1)));
        }

        public boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (network.length != bytes.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((network[i / 8] & mask) != (bytes[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * IANA IPv4 and IPv6 Special-Purpose Address Registries (all entries, whether "globally
     * reachable" or not: none is a partner's web server), plus multicast and the deprecated
     * IPv4-compatible and site-local IPv6 blocks, which the registries leave out. IPv4-mapped,
     * NAT64, 6to4 and Teredo addresses embed IPv4 addresses and are refused as a whole. Smaller
     * registry entries inside a listed block are covered by it: 192.0.0.0/24 holds the DS-Lite,
     * dummy, PCP, TURN and NAT64-discovery addresses; 2001::/23 the PCP, TURN and DNS-SD anycast
     * addresses, benchmarking, AMT, AS112-v6, ORCHIDv2 and drone remote ID blocks.
     */
    public static final List<Range> SPECIAL_PURPOSE = List.of(
            // IPv4 (RFC 6890 and updates)
            Range.of("0.0.0.0/8", "this network"),
            Range.of("10.0.0.0/8", "private use"),
            Range.of("100.64.0.0/10", "shared address space (carrier-grade NAT)"),
            Range.of("127.0.0.0/8", "loopback"),
            Range.of("169.254.0.0/16", "link-local"),
            Range.of("172.16.0.0/12", "private use"),
            Range.of("192.0.0.0/24", "IETF protocol assignments"),
            Range.of("192.0.2.0/24", "documentation (TEST-NET-1)"),
            Range.of("192.31.196.0/24", "AS112-v4"),
            Range.of("192.52.193.0/24", "AMT"),
            Range.of("192.88.99.0/24", "deprecated 6to4 relay anycast"),
            Range.of("192.168.0.0/16", "private use"),
            Range.of("192.175.48.0/24", "direct delegation AS112 service"),
            Range.of("198.18.0.0/15", "benchmarking"),
            Range.of("198.51.100.0/24", "documentation (TEST-NET-2)"),
            Range.of("203.0.113.0/24", "documentation (TEST-NET-3)"),
            Range.of("224.0.0.0/4", "multicast"),
            Range.of("240.0.0.0/4", "reserved"),
            Range.of("255.255.255.255/32", "limited broadcast"),
            // IPv6 (RFC 6890 and updates)
            Range.of("::1/128", "loopback"),
            Range.of("::/128", "unspecified"),
            Range.of("::ffff:0:0/96", "IPv4-mapped"),
            Range.of("::/96", "IPv4-compatible (deprecated)"),
            Range.of("64:ff9b::/96", "IPv4-IPv6 translation (NAT64)"),
            Range.of("64:ff9b:1::/48", "IPv4-IPv6 translation, local use"),
            Range.of("100::/64", "discard-only"),
            Range.of("100:0:0:1::/64", "dummy IPv6 prefix"),
            Range.of("2001::/32", "TEREDO"),
            Range.of("2001::/23", "IETF protocol assignments"),
            Range.of("2001:db8::/32", "documentation"),
            Range.of("2002::/16", "6to4"),
            Range.of("2620:4f:8000::/48", "direct delegation AS112 service"),
            Range.of("3fff::/20", "documentation"),
            Range.of("5f00::/16", "segment routing (SRv6) SIDs"),
            Range.of("fc00::/7", "unique-local"),
            Range.of("fe80::/10", "link-local unicast"),
            Range.of("fec0::/10", "site-local (deprecated)"),
            Range.of("ff00::/8", "multicast"));

    private static final TargetGuard SYSTEM = new TargetGuard(Resolver.SYSTEM, TargetGuard::specialPurposeRange);

    private final Resolver resolver;
    private final Classifier classifier;

    public TargetGuard(Resolver resolver, Classifier classifier) {
        this.resolver = resolver;
        this.classifier = classifier;
    }

    public static TargetGuard system() {
        return SYSTEM;
    }

    /** The most specific range the address is in (255.255.255.255 is "limited broadcast", not "reserved"). */
    public static Optional<Range> specialPurposeRange(InetAddress address) {
        return SPECIAL_PURPOSE.stream().filter(range -> range.contains(address))
                .max(Comparator.comparingInt(Range::bits));
    }

    /** Why the URL can never be called (scheme, host), whatever its host resolves to. */
    public static Optional<String> syntaxRefusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("not a valid URL");
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            return Optional.of("only http and https URLs with a host are allowed");
        }
        return Optional.empty();
    }

    /** Checks a URL as it is accepted (e.g. when a webhook is registered); the call itself checks again. */
    public Optional<String> refusal(String url, boolean allowPrivate) {
        Optional<String> syntax = syntaxRefusal(url);
        if (syntax.isPresent()) {
            return syntax;
        }
        try {
            addresses(URI.create(url).getHost(), allowPrivate);
            return Optional.empty();
        } catch (Refused e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Resolves the host once and answers the addresses to connect to, all of them allowed.
     * One forbidden address refuses the host: which one the client would pick is not ours to know.
     */
    public List<InetAddress> addresses(String host, boolean allowPrivate) throws Refused {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("this host cannot be resolved (" + host + ")");
        }
        if (addresses == null || addresses.length == 0) {
            throw new Refused("this host cannot be resolved (" + host + ")");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (classifier.specialPurpose(address).isPresent()) {
                    throw new Refused("the address of this host is not allowed (" + host + ")");
                }
            }
        }
        return Arrays.asList(addresses);
    }

    /** Parses an address literal without any name lookup, keeping IPv6 spellings in 16 bytes. */
    static InetAddress literal(String text) {
        try {
            InetAddress address = InetAddress.getByName(text); // a literal: never a DNS query
            if (text.contains(":") && address.getAddress().length == 4) {
                // Java turns ::ffff:a.b.c.d into an IPv4 address; the table needs the IPv6 block itself.
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(address.getAddress(), 0, mapped, 12, 4);
                return Inet6Address.getByAddress(null, mapped, null);
            }
            return address;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
