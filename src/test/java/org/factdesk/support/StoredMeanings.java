package org.factdesk.support;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** For tests that let the meaning worker run: the rest of the suite expects claims without embeddings. */
public final class StoredMeanings {

    private StoredMeanings() {
    }

    /** Clears every claim's embedding, so that similarity finds claims by their words again, as the other tests expect. */
    public static void forgetClaims() {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("UPDATE claim SET embedding = NULL, embedding_seq = NULL WHERE embedding IS NOT NULL").executeUpdate());
    }
}
