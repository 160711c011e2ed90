package org.factdesk.common;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Keeps outgoing calls (webhooks, ClaimReview imports) away from the server's own network:
 * loopback, private, link-local (cloud metadata), unspecified and multicast addresses are refused
 * unless the desk allows them. Checked when a URL is accepted and again before each call (DNS can
 * change in between).
 */
public final class TargetGuard {

    private TargetGuard() {
    }

    /** Why the URL may not be called, if it may not. */
    public static Optional<String> refusal(String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("not a valid URL");
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            return Optional.of("only http and https URLs with a host are allowed");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress() || isUniqueLocal(address)) {
                    return Optional.of(uri.getHost() + " resolves to " + address.getHostAddress()
                            + ", a loopback, private or link-local address");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of(uri.getHost() + " cannot be resolved");
        }
    }

    /** IPv6 unique local addresses (fc00::/7), which Java does not count as site-local. */
    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
