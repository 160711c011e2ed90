package org.factdesk.capture;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One preserved copy of an evidence item's source: a queued fetch until it is {@code DONE} (its WARC
 * stored under {@link #warcDigest}) or {@code FAILED} (its {@link #error} says why). The queue columns
 * ({@code attempts}, {@code next_at}, the lease) belong to {@link org.factdesk.common.LeasedOutbox}.
 */
@Entity
public class Capture extends PanacheEntityBase {

    public enum State { PENDING, DONE, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long ticketId;

    /** Null once the evidence item is removed; the capture stays for the versions that cite it. */
    public Long evidenceId;

    public String url;

    /** The unguessable part of the preserved copy's address: whoever has the address may read it. */
    public String viewKey;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public State state;

    public int attempts;

    public String error;

    public String requestedBy;

    public Instant requestedAt;

    public Instant capturedAt;

    /** {@code sha256:} and the hex SHA-256 of the whole WARC file, as the audit event states it. */
    public String warcDigest;

    public Long warcSize;

    public Integer pageStatus;

    public String pageType;

    public String finalUrl;

    /** The page or a subresource was cut short by the size or time budget. */
    public boolean truncated;

    @Column(name = "page_text")
    public String text;

    /** The WARC's records: {@code [{uri, offset, status, contentType, payloadDigest, truncated, error}]}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode records;

    public Instant erasedAt;

    private static final SecureRandom RANDOM = new SecureRandom();

    public static Capture newFor(long ticketId, Long evidenceId, String url, String requestedBy, Instant now) {
        Capture capture = new Capture();
        capture.ticketId = ticketId;
        capture.evidenceId = evidenceId;
        capture.url = url;
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        capture.viewKey = HexFormat.of().formatHex(key);
        capture.state = State.PENDING;
        capture.requestedBy = requestedBy;
        capture.requestedAt = now;
        return capture;
    }

    /** What the public is told of a cited copy now: erased, and whether the link watch found the original gone. */
    public record PublicStatus(boolean erased, boolean originalGone) {
    }

    /** The public status of these captures, by id; one query. */
    public static Map<Long, PublicStatus> publicStatusOf(Collection<Long> ids) {
        Map<Long, PublicStatus> statuses = new HashMap<>();
        if (!ids.isEmpty()) {
            List<?> rows = getEntityManager().createNativeQuery("""
                            SELECT c.id, c.erased_at IS NOT NULL, coalesce(w.state = 'GONE', false)
                            FROM capture c LEFT JOIN source_watch w ON w.capture_id = c.id WHERE c.id IN (:ids)""")
                    .setParameter("ids", ids).getResultList();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                statuses.put(((Number) r[0]).longValue(), new PublicStatus((Boolean) r[1], (Boolean) r[2]));
            }
        }
        return statuses;
    }

    /** The newest capture of an evidence item, or null. */
    public static Capture latestOf(long evidenceId) {
        return Capture.<Capture>find("evidenceId = ?1 order by id desc", evidenceId).firstResult();
    }
}
