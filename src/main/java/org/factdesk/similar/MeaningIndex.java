package org.factdesk.similar;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.factdesk.meaning.SentenceEmbeddings;
import org.factdesk.meaning.VectorIndex;

import java.util.List;

/**
 * This replica's in-memory copy of the stored embeddings of claims and prior reviews, for exact search by
 * meaning ({@link VectorIndex}). Before each search it reads what was embedded since its last read
 * ({@code embedding_seq} above the highest it has seen): embeddings are written one batch at a time under
 * an advisory lock ({@link MeaningWorker}), so sequence order is commit order and nothing is skipped. Rows
 * whose text changed since keep their old vector here until embedded again; the search rescores every hit
 * from the stored row, so an outdated vector can only bring a candidate, never a wrong score.
 */
@ApplicationScoped
public class MeaningIndex {

    /** Rows read per query while catching up (a fresh replica reads 100,000 embeddings in 20 queries). */
    static final int BATCH = 5_000;

    private final VectorIndex claims = new VectorIndex(SentenceEmbeddings.DIMENSIONS);
    private final VectorIndex reviews = new VectorIndex(SentenceEmbeddings.DIMENSIONS);
    private long claimsSeen;
    private long reviewsSeen;

    /** Claims nearest in meaning, after catching up with what was embedded since the last call. */
    @Transactional
    public List<VectorIndex.Hit> claims(float[] query, int k) {
        synchronized (claims) {
            claimsSeen = catchUp("claim", claims, claimsSeen);
        }
        return claims.nearest(query, k);
    }

    @Transactional
    public List<VectorIndex.Hit> reviews(float[] query, int k) {
        synchronized (reviews) {
            reviewsSeen = catchUp("prior_review", reviews, reviewsSeen);
        }
        return reviews.nearest(query, k);
    }

    private static long catchUp(String table, VectorIndex index, long seen) {
        while (true) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Panache.getEntityManager().createNativeQuery("SELECT id, embedding, embedding_seq FROM "
                    + table + " WHERE embedding_seq > :seen ORDER BY embedding_seq LIMIT " + BATCH)
                    .setParameter("seen", seen).getResultList();
            for (Object[] row : rows) {
                index.put(((Number) row[0]).longValue(), SentenceEmbeddings.fromBytes((byte[]) row[1]));
                seen = ((Number) row[2]).longValue();
            }
            if (rows.size() < BATCH) return seen;
        }
    }
}
