package org.factdesk.support;

import java.io.IOException;
import java.net.InetAddress;

/** Small helpers for tests that run their own servers on loopback. */
public final class TestNet {

    private TestNet() {
    }

    /** Sleeps without a checked exception (a test server trickling its answer). */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The address of an IP literal (no lookup). */
    public static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
