package org.factdesk.capture;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The link watch over one published source: what its original looked like when last checked, compared
 * with the capture the published version cites. {@code since} is when the present state was first seen.
 */
@Entity
public class SourceWatch extends PanacheEntityBase {

    public enum State { UNCHECKED, SAME, CHANGED, GONE }

    @Id
    public long captureId;

    @Enumerated(EnumType.STRING)
    public State state;

    public Instant nextCheck;

    public Instant checkedAt;

    public Instant since;

    /** The original's text when it was last found CHANGED (else null). */
    public String currentText;

    /** What the last check saw, in a sentence of ours ("answered 404", "could not be reached: …"). */
    public String detail;

    static List<SourceWatch> of(Collection<Long> captureIds) {
        return captureIds.isEmpty() ? List.of() : SourceWatch.list("captureId in ?1", captureIds);
    }
}
