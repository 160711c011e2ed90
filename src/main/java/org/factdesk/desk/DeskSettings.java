package org.factdesk.desk;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.ZoneId;

/** Desk-wide settings: a single row. */
@Entity
public class DeskSettings extends PanacheEntityBase {

    @Id
    public int id;

    /** Time zone for display, deadlines and scheduling; all times are stored in UTC. */
    public String timeZone;

    /** How many tickets one person may have in progress at once; 0 = no limit. */
    public int maxInProgress;

    /** Whether webhooks may target loopback, private or link-local addresses (tests, closed networks). */
    public boolean allowPrivateWebhookTargets;

    @Version
    public long version;

    public static DeskSettings get() {
        return findById(1);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
