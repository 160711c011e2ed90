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

    /** Whether a tip that matches a published fact-check closely enough is answered with it at once. */
    public boolean tipAutoAnswer;

    /** How alike (0 to 1, pg_trgm similarity) the tip and the published claim must be for that answer. */
    public float tipAutoAnswerThreshold;

    /** Days a requester's contact is kept after the final answer (or after the tip was not taken up); 0: deleted then. */
    public int tipContactRetentionDays;

    /** How many of an article's sentences intake proposes as candidate claims: the best-ranked ones over the model's threshold. */
    public int candidatesPerArticle;

    @Version
    public long version;

    public static DeskSettings get() {
        return findById(1);
    }

    /** The threshold as it was set (0.8, not the 0.800000011920929 a {@code real} column holds as a double). */
    public double autoAnswerThreshold() {
        return Double.parseDouble(Float.toString(tipAutoAnswerThreshold));
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
