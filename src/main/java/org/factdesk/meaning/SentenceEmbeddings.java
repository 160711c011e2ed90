package org.factdesk.meaning;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What a sentence means, as a point in 384 dimensions: all-MiniLM-L6-v2 (quantized), run in process by ONNX
 * Runtime from the model file in its Maven Central jar, so nothing is fetched at run time. Vectors have unit
 * length, so the cosine of two is their dot product. The model is loaded on first use (about 0.8 s, see
 * docs/intake-evaluation.md), not at start-up; embedding takes about 2 ms per sentence on the caller's thread
 * (bench/meaning.sh). Thread-safe.
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
        static final EmbeddingModel INSTANCE = load();

        /**
         * The model and tokenizer files of LangChain4j's jar, in a session set for a server rather than a batch
         * job: memory as the run needs it (no arena kept at its peak, no buffers planned ahead per input shape)
         * and the caller's thread only (the default pool's threads spin between runs, on the cores the desk's
         * requests need). Against the library's default session: 50 MB less resident memory once loaded
         * (bench/footprint.sh), the same median time per sentence and a shorter tail (bench/meaning.sh).
         */
        private static EmbeddingModel load() {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                 InputStream model = file("all-minilm-l6-v2-q.onnx");
                 InputStream tokenizer = file("all-minilm-l6-v2-q-tokenizer.json")) {
                options.setCPUArenaAllocator(false);
                options.setMemoryPatternOptimization(false);
                options.setIntraOpNumThreads(1);
                OrtSession session = environment.createSession(model.readAllBytes(), options);
                OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
                // one sentence at a time, so the executor (for lists of texts) is never used
                return new AbstractInProcessEmbeddingModel(Runnable::run) {
                    @Override
                    protected OnnxBertBiEncoder model() {
                        return encoder;
                    }
                };
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (OrtException e) {
                throw new IllegalStateException("the embedding model cannot be loaded", e);
            }
        }

        private static InputStream file(String name) {
            InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream("/" + name);
            if (in == null) throw new IllegalStateException(name + " is not on the class path");
            return in;
        }
    }
}
