package org.factdesk.intake.worthiness;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Compares candidate check-worthiness scorers on the fixed held-out fifth of a labelled file (the same
 * split as {@link WorthinessEvaluation}): the shipped named features, a plain TF-IDF word 1–2-gram
 * logistic regression (the baseline the issue sets), and combinations with a sentence embedding
 * (all-MiniLM-L6-v2, quantized, in process). Every model is a logistic regression with the same L2
 * (C = 1) fitted by L-BFGS on the training part only; F1 at 0.5 and average precision are printed.
 * Embeddings are cached under target/ so that reruns are quick.
 */
public final class ScorerComparison {

    private static final int NAMED = Features.ALL.size();
    private static final int EMBEDDING = 384;

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        List<WorthinessEvaluation.Example> all = WorthinessEvaluation.read(Path.of(args[0]));
        List<WorthinessEvaluation.Example> train = all.stream().filter(e -> !WorthinessEvaluation.heldOut(e)).toList();
        List<WorthinessEvaluation.Example> test = all.stream().filter(WorthinessEvaluation::heldOut).toList();
        Map<String, float[]> embeddings = embeddings(all, Path.of("target/claimbuster-minilm.bin"));

        Map<String, Function<List<WorthinessEvaluation.Example>, Featurizer>> models = new LinkedHashMap<>();
        models.put("named features (33)", data -> new Dense(NAMED, e -> Features.extract(e.text())));
        models.put("TF-IDF word 1-2-grams (baseline)", data -> new Tfidf(data, false));
        models.put("embedding (384)", data -> new Dense(EMBEDDING, e -> toDouble(embeddings.get(e.id()))));
        models.put("embedding + named features", data -> new Dense(EMBEDDING + NAMED, e -> concat(toDouble(embeddings.get(e.id())),
                Features.extract(e.text()))));
        models.put("embedding + named + TF-IDF 1-2-grams", data -> new Combined(new Tfidf(data, true),
                e -> concat(toDouble(embeddings.get(e.id())), Features.extract(e.text()))));
        for (var model : models.entrySet()) {
            Featurizer f = model.getValue().apply(train);
            List<Map<Integer, Double>> x = train.stream().map(f::features).toList();
            int[] y = train.stream().mapToInt(WorthinessEvaluation.Example::label).toArray();
            double[] w = Lbfgs.fitLogistic(x, y, f.dimension(), 1.0);
            double[] p = test.stream().mapToDouble(e -> Lbfgs.predict(w, f.features(e))).toArray();
            int[] truth = test.stream().mapToInt(WorthinessEvaluation.Example::label).toArray();
            double threshold = cvThreshold(train, model.getValue());
            System.out.printf("%-40s F1@0.5 %.3f  F1@%.2f %.3f  AP %.3f  Brier %.3f  ECE %.3f  (dims %d)%n",
                    model.getKey(), f1(p, truth, 0.5), threshold, f1(p, truth, threshold),
                    WorthinessEvaluation.averagePrecision(p, truth), brier(p, truth), calibrationError(p, truth),
                    f.dimension());
        }
    }

    /** The threshold that maximises the out-of-fold F1 of 5-fold cross-validation inside the training part. */
    static double cvThreshold(List<WorthinessEvaluation.Example> train,
                              Function<List<WorthinessEvaluation.Example>, Featurizer> model) {
        double[] outOfFold = new double[train.size()];
        int[] y = train.stream().mapToInt(WorthinessEvaluation.Example::label).toArray();
        for (int fold = 0; fold < 5; fold++) {
            int k = fold;
            List<WorthinessEvaluation.Example> fit = train.stream().filter(e -> WorthinessEvaluation.fold(e) != k).toList();
            Featurizer f = model.apply(fit);
            double[] w = Lbfgs.fitLogistic(fit.stream().map(f::features).toList(),
                    fit.stream().mapToInt(WorthinessEvaluation.Example::label).toArray(), f.dimension(), 1.0);
            for (int i = 0; i < train.size(); i++) {
                if (WorthinessEvaluation.fold(train.get(i)) == k) outOfFold[i] = Lbfgs.predict(w, f.features(train.get(i)));
            }
        }
        double best = 0.5, bestF1 = -1;
        for (int t = 5; t <= 95; t++) {
            double f1 = f1(outOfFold, y, t / 100.0);
            if (f1 > bestF1) {
                bestF1 = f1;
                best = t / 100.0;
            }
        }
        return best;
    }

    interface Featurizer {
        Map<Integer, Double> features(WorthinessEvaluation.Example e);

        int dimension();
    }

    /** Features given whole, {@code dimension} of them. */
    record Dense(int dimension, Function<WorthinessEvaluation.Example, double[]> f) implements Featurizer {
        public Map<Integer, Double> features(WorthinessEvaluation.Example e) {
            double[] v = f.apply(e);
            Map<Integer, Double> m = new HashMap<>();
            for (int i = 0; i < v.length; i++) if (v[i] != 0) m.put(i, v[i]);
            return m;
        }
    }

    record Combined(Tfidf words, Function<WorthinessEvaluation.Example, double[]> dense) implements Featurizer {
        public Map<Integer, Double> features(WorthinessEvaluation.Example e) {
            Map<Integer, Double> m = new HashMap<>(words.features(e));
            double[] v = dense.apply(e);
            for (int i = 0; i < v.length; i++) if (v[i] != 0) m.put(words.dimension() + i, v[i]);
            return m;
        }

        public int dimension() {
            return words.dimension() + EMBEDDING + NAMED;
        }
    }

    /** sklearn's TfidfVectorizer(ngram_range=(1, 2)) defaults: smooth idf, raw counts, L2 norm. */
    static final class Tfidf implements Featurizer {
        final Map<String, Integer> vocabulary = new HashMap<>();
        final List<Double> idf = new ArrayList<>();
        final boolean numbers;

        Tfidf(List<WorthinessEvaluation.Example> data, boolean numbers) {
            this.numbers = numbers;
            Map<String, Integer> df = new HashMap<>();
            for (var e : data) {
                grams(e.text()).keySet().forEach(g -> df.merge(g, 1, Integer::sum));
            }
            df.keySet().stream().sorted().forEach(g -> {
                vocabulary.put(g, vocabulary.size());
                idf.add(Math.log((1.0 + data.size()) / (1.0 + df.get(g))) + 1);
            });
        }

        Map<String, Integer> grams(String text) {
            return WordGrams.count(text, numbers);
        }

        public Map<Integer, Double> features(WorthinessEvaluation.Example e) {
            Map<Integer, Double> v = new HashMap<>();
            grams(e.text()).forEach((g, c) -> {
                Integer i = vocabulary.get(g);
                if (i != null) v.put(i, c * idf.get(i));
            });
            double norm = Math.sqrt(v.values().stream().mapToDouble(d -> d * d).sum());
            if (norm > 0) v.replaceAll((i, d) -> d / norm);
            return v;
        }

        public int dimension() {
            return vocabulary.size();
        }
    }

    /** Mean squared error of the probabilities: lower is better, 0.25 is a coin. */
    static double brier(double[] p, int[] y) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) sum += (p[i] - y[i]) * (p[i] - y[i]);
        return sum / p.length;
    }

    /**
     * Expected calibration error over ten equal-width bins: how far, weighted by how many sentences each
     * bin holds, the share of check-worthy sentences is from the mean score ("0.8 means about 80 %").
     */
    static double calibrationError(double[] p, int[] y) {
        double[] sum = new double[10];
        double[] positives = new double[10];
        int[] count = new int[10];
        for (int i = 0; i < p.length; i++) {
            int bin = Math.min(9, (int) (p[i] * 10));
            sum[bin] += p[i];
            positives[bin] += y[i];
            count[bin]++;
        }
        double error = 0;
        for (int b = 0; b < 10; b++) {
            if (count[b] > 0) error += Math.abs(sum[b] / count[b] - positives[b] / count[b]) * count[b] / p.length;
        }
        return error;
    }

    static double f1(double[] p, int[] y, double threshold) {
        int tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < p.length; i++) {
            boolean flagged = p[i] >= threshold;
            if (flagged && y[i] == 1) tp++;
            else if (flagged) fp++;
            else if (y[i] == 1) fn++;
        }
        return 2.0 * tp / (2.0 * tp + fp + fn);
    }

    static Map<String, float[]> embeddings(List<WorthinessEvaluation.Example> all, Path cache) throws IOException {
        Map<String, float[]> vectors = new HashMap<>();
        if (Files.exists(cache)) {
            try (DataInputStream in = new DataInputStream(Files.newInputStream(cache))) {
                int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    String id = in.readUTF();
                    float[] v = new float[in.readInt()];
                    for (int j = 0; j < v.length; j++) v[j] = in.readFloat();
                    vectors.put(id, v);
                }
            }
            return vectors;
        }
        AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        long start = System.nanoTime();
        for (var e : all) {
            vectors.put(e.id(), model.embed(e.text()).content().vector());
        }
        System.out.printf("embedded %d sentences in %.1f s%n", all.size(), (System.nanoTime() - start) / 1e9);
        Files.createDirectories(cache.getParent());
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(cache))) {
            out.writeInt(vectors.size());
            for (var entry : vectors.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeInt(entry.getValue().length);
                for (float f : entry.getValue()) out.writeFloat(f);
            }
        }
        return vectors;
    }

    static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        return d;
    }

    static double[] concat(double[] a, double[] b) {
        double[] c = new double[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private ScorerComparison() {
    }
}
