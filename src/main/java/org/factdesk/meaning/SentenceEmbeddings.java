package org.factdesk.meaning;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What a sentence means, as a point in 384 dimensions: all-MiniLM-L6-v2 (quantized), run in process by ONNX
 * Runtime from the model file in its Maven Central jar, so nothing is fetched at run time. Vectors have unit
 * length, so the cosine of two is their dot product. The model is loaded on first use (about 0.8 s and 90 MB,
 * see docs/intake-evaluation.md), not at start-up; embedding takes 2–3 ms per sentence on two cores.
 * Thread-safe.
 */
public final class SentenceEmbeddings {

    public static final int DIMENSIONS = 384;
    /** The model as records name it, so a stored vector says which model made it. */
    public static final String MODEL = "all-MiniLM-L6-v2-q";

    private SentenceEmbeddings() {
    }

    /**
     * A text without a letter or digit (blank, punctuation, zero-width or replacement characters) means nothing
     * to the model, which refuses it: the zero vector, at cosine 0 from everything.
     */
    public static float[] embed(String text) {
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return new float[DIMENSIONS];
        }
        float[] vector = Model.INSTANCE.embed(text).content().vector();
        if (vector.length != DIMENSIONS) {
            throw new IllegalStateException("the embedding model gave " + vector.length + " dimensions");
        }
        return vector;
    }

    /** The vector as stored: 384 float32, little-endian. */
    public static byte[] toBytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) buffer.putFloat(v);
        return buffer.array();
    }

    public static float[] fromBytes(byte[] bytes) {
        if (bytes.length != DIMENSIONS * Float.BYTES) {
            throw new IllegalArgumentException("a stored embedding has " + DIMENSIONS * Float.BYTES + " bytes, not " + bytes.length);
        }
        float[] vector = new float[DIMENSIONS];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    /** The dot product: for two embeddings, the cosine of the angle between them. */
    public static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static final class Model {
        static final EmbeddingModel INSTANCE = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }
}
