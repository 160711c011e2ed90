package org.factdesk.meaning;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentenceEmbeddingsTest {

    @Test
    void rewordingsAreCloserThanOtherClaimsAndVectorsHaveUnitLength() {
        float[] a = SentenceEmbeddings.embed("Road spending in the city doubled since 2020.");
        float[] b = SentenceEmbeddings.embed("The city now spends twice as much on roads as four years ago.");
        float[] c = SentenceEmbeddings.embed("The zoo welcomed a second giraffe this spring.");
        assertEquals(1.0, SentenceEmbeddings.dot(a, a), 1e-3);
        assertTrue(SentenceEmbeddings.dot(a, b) > SentenceEmbeddings.dot(a, c) + 0.2);
    }

    @Test
    void textsWithNothingToReadMeanNothing() {
        for (String text : new String[] {"", "   ", "\u200B\u200C\u200D\u2060", "\uFFFD", "?!", "\uD800"}) {
            assertArrayEquals(new float[SentenceEmbeddings.DIMENSIONS], SentenceEmbeddings.embed(text), text);
        }
    }

    /**
     * The session is set for a server (memory, threads), not for other numbers: vectors stored before it was must
     * still be comparable with new ones, so it gives the library's own session's vectors.
     */
    @Test
    void theServersSessionGivesTheVectorsOfTheLibrarysDefaultSession() {
        var libraryDefault = new AllMiniLmL6V2QuantizedEmbeddingModel();
        for (String text : new String[] {"Unemployment fell to 5.1 percent.",
                "The new bridge cost 30 million euros more than planned, the audit office said on Tuesday."}) {
            float[] expected = libraryDefault.embed(text).content().vector();
            assertArrayEquals(expected, SentenceEmbeddings.embed(text), 1e-5f, text);
        }
    }

    @Test
    void storedBytesGiveBackTheVector() {
        float[] a = SentenceEmbeddings.embed("Unemployment fell to 5.1 percent.");
        assertArrayEquals(a, SentenceEmbeddings.fromBytes(SentenceEmbeddings.toBytes(a)));
    }
}
