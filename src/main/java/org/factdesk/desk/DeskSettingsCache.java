package org.factdesk.desk;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * The desk settings as every claim reads them, re-read at most every few seconds: a change made on
 * another replica takes effect there within that time, one made here at once.
 */
@ApplicationScoped
public class DeskSettingsCache {

    @ConfigProperty(name = "factdesk.desk.settings-cache-ttl", defaultValue = "5s")
    Duration ttl;

    private record Snapshot(int maxInProgress, long readAt) {
    }

    private volatile Snapshot snapshot;

    /** Within a transaction. */
    public int maxInProgress() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current == null || now - current.readAt > ttl.toNanos()) {
            current = new Snapshot(DeskSettings.get().maxInProgress, now);
            snapshot = current;
        }
        return current.maxInProgress;
    }

    public void invalidate() {
        snapshot = null;
    }
}
