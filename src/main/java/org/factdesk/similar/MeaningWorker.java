package org.factdesk.similar;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.factdesk.meaning.SentenceEmbeddings;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives claims and prior reviews without an embedding one, in the background (a claim is stored at once; its
 * meaning follows within seconds, until then it is found by its words). Texts are read in one short
 * transaction, embedded outside any, and written in another under an advisory lock, so that
 * {@code embedding_seq} grows in commit order ({@link MeaningIndex#lockWrites()}); a text changed in the meantime has
 * lost its embedding to the trigger and does not take the stale one (the write checks the text).
 * Replicas may embed the same row twice at worst: the second write finds it done.
 */
@ApplicationScoped
public class MeaningWorker {

    /** Texts embedded per table and round: about 0.2 s of embedding. */
    static final int BATCH = 64;

    /** The embedding model reads English: texts in other languages are found by their words only. */
    static final String ENGLISH = "(language IS NULL OR lower(language) = 'en' OR lower(language) LIKE 'en-%')";

    private record Text(long id, String text) {
    }

    @Scheduled(every = "${factdesk.intake.meaning-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        while (runDue() > 0) {
            // a full round: more may be waiting
        }
    }

    /** One round over both tables; the number of texts embedded (0: nothing was waiting). */
    public int runDue() {
        return embed("claim", "text") + embed("prior_review", "claim_text");
    }

    private static int embed(String table, String column) {
        List<Text> texts = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = Panache.getEntityManager().createNativeQuery("SELECT id, " + column + " FROM " + table
                    + " WHERE embedding IS NULL AND " + ENGLISH + " ORDER BY id LIMIT " + BATCH).getResultList();
            return rows.stream().map(r -> new Text(((Number) r[0]).longValue(), (String) r[1])).toList();
        });
        if (texts.isEmpty()) return 0;
        List<byte[]> vectors = new ArrayList<>(texts.size());
        for (Text text : texts) vectors.add(SentenceEmbeddings.toBytes(SentenceEmbeddings.embed(text.text())));
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Panache.getEntityManager();
            MeaningIndex.lockWrites();
            for (int i = 0; i < texts.size(); i++) {
                em.createNativeQuery("UPDATE " + table + " SET embedding = :e, embedding_seq = nextval('meaning_seq')"
                                + " WHERE id = :id AND embedding IS NULL AND " + column + " = :text")
                        .setParameter("e", vectors.get(i)).setParameter("id", texts.get(i).id())
                        .setParameter("text", texts.get(i).text()).executeUpdate();
            }
        });
        return texts.size();
    }
}
