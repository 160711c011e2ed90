package org.factdesk.meaning;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VectorIndexTest {

    private static final int DIMENSIONS = SentenceEmbeddings.DIMENSIONS;

    static float[] unit(Random random) {
        float[] v = new float[DIMENSIONS];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) v[i] /= (float) Math.sqrt(norm);
        return v;
    }

    /** A vector near {@code v}: a little noise added, length one again. */
    static float[] near(float[] v, Random random, double noise) {
        float[] w = v.clone();
        double norm = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] += (float) (random.nextGaussian() * noise);
            norm += w[i] * w[i];
        }
        for (int i = 0; i < w.length; i++) w[i] /= (float) Math.sqrt(norm);
        return w;
    }

    @Test
    void findsTheNearestOfEveryVectorWithCosinesCloseToTheFloatOnes() {
        Random random = new Random(7);
        List<float[]> vectors = IntStream.range(0, 3000).mapToObj(i -> unit(random)).toList();
        VectorIndex index = new VectorIndex(DIMENSIONS);
        for (int i = 0; i < vectors.size(); i++) index.put(i, vectors.get(i));
        assertEquals(3000, index.size());
        for (int q = 0; q < 50; q++) {
            int target = random.nextInt(vectors.size());
            float[] query = near(vectors.get(target), random, 0.03);
            List<VectorIndex.Hit> hits = index.nearest(query, 5);
            assertEquals(5, hits.size());
            assertEquals(target, hits.get(0).key(), "the vector the query was made from comes first");
            for (VectorIndex.Hit hit : hits) {
                double exact = SentenceEmbeddings.dot(query, vectors.get((int) hit.key()));
                assertEquals(exact, hit.cosine(), 0.01, "int8 keeps cosines within 0.01");
            }
            assertTrue(hits.stream().map(VectorIndex.Hit::cosine).sorted(Comparator.reverseOrder()).toList()
                    .equals(hits.stream().map(VectorIndex.Hit::cosine).toList()), "most similar first");
        }
    }

    @Test
    void aKeyPutAgainReplacesItsVector() {
        Random random = new Random(11);
        float[] a = unit(random), b = unit(random);
        VectorIndex index = new VectorIndex(DIMENSIONS);
        index.put(1, a);
        index.put(2, unit(random));
        index.put(1, b);
        assertEquals(2, index.size());
        VectorIndex.Hit hit = index.nearest(b, 1).get(0);
        assertEquals(1, hit.key());
        assertEquals(1.0, hit.cosine(), 0.01);
        assertTrue(index.nearest(a, 2).stream().allMatch(h -> h.cosine() < 0.5), "the old vector is gone");
    }
}
