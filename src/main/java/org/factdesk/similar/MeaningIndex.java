package org.factdesk.similar;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.factdesk.meaning.SentenceEmbeddings;
import org.factdesk.meaning.VectorIndex;

import java.util.List;

/**
 * This replica's in-memory copy of the stored embeddings, for exact search by meaning ({@link VectorIndex}):
 * claims (those taken from articles also apart, as the desk's accepted candidates), prior reviews, the
 * candidates the desk dismissed, and the groups of tips. Before each search it reads what was embedded since
 * its last read ({@code embedding_seq} above the highest it has seen): embeddings are written under an advisory
 * lock ({@link #lockWrites()}; tip groups' under the tips' own grouping lock), so sequence order is commit order
 * and nothing is skipped. Rows whose text changed since keep their old vector here until embedded again; every
 * search rescores its hits from the stored rows, so an outdated vector can only bring a candidate, never a wrong
 * score.
 */
@ApplicationScoped
public class MeaningIndex {

    /** Rows read per query while catching up (a fresh replica reads 100,000 embeddings in 20 queries). */
    static final int BATCH = 5_000;
    /** pg_advisory_xact_lock key of embedding writes ("meaning" in ASCII). */
    static final long WRITE_LOCK = 0x6d65616e696e67L;

    private final Table claims = new Table("claim", "article_id IS NOT NULL AND source_start IS NOT NULL");
    private final Table reviews = new Table("prior_review", "false");
    private final Table dismissed = new Table("article_sentence", "false");
    private final Table tipGroups = new Table("tip_group", "false");

    /** A table's embeddings, and apart those of its rows that meet {@code special}. */
    private static final class Table {
        final String name;
        final String special;
        final VectorIndex all = new VectorIndex(SentenceEmbeddings.DIMENSIONS);
        final VectorIndex marked = new VectorIndex(SentenceEmbeddings.DIMENSIONS);
        long seen;

        Table(String name, String special) {
            this.name = name;
            this.special = special;
        }

        synchronized void catchUp() {
            while (true) {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = Panache.getEntityManager().createNativeQuery("SELECT id, embedding, embedding_seq, "
                        + special + " FROM " + name + " WHERE embedding_seq > :seen ORDER BY embedding_seq LIMIT " + BATCH)
                        .setParameter("seen", seen).getResultList();
                for (Object[] row : rows) {
                    float[] vector = SentenceEmbeddings.fromBytes((byte[]) row[1]);
                    all.put(((Number) row[0]).longValue(), vector);
                    if (Boolean.TRUE.equals(row[3])) marked.put(((Number) row[0]).longValue(), vector);
                    seen = ((Number) row[2]).longValue();
                }
                if (rows.size() < BATCH) return;
            }
        }
    }

    /** Takes the lock under which embeddings are written, in the caller's transaction. */
    public static void lockWrites() {
        Panache.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", WRITE_LOCK)
                .getSingleResult();
    }

    /** Claims nearest in meaning, after catching up with what was embedded since the last call. */
    @Transactional
    public List<VectorIndex.Hit> claims(float[] query, int k) {
        claims.catchUp();
        return claims.all.nearest(query, k);
    }

    @Transactional
    public List<VectorIndex.Hit> reviews(float[] query, int k) {
        reviews.catchUp();
        return reviews.all.nearest(query, k);
    }

    /** Claims the desk took from articles (accepted candidates) nearest in meaning. */
    @Transactional
    public List<VectorIndex.Hit> accepted(float[] query, int k) {
        claims.catchUp();
        return claims.marked.nearest(query, k);
    }

    /** Candidates the desk dismissed nearest in meaning. */
    @Transactional
    public List<VectorIndex.Hit> dismissed(float[] query, int k) {
        dismissed.catchUp();
        return dismissed.all.nearest(query, k);
    }

    /** Groups of tips nearest in meaning (what each group asks: its first tip). */
    @Transactional
    public List<VectorIndex.Hit> tipGroups(float[] query, int k) {
        tipGroups.catchUp();
        return tipGroups.all.nearest(query, k);
    }
}
