package org.factdesk.intake.worthiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.factdesk.meaning.SentenceEmbeddings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How worth fact-checking a sentence is: one logistic regression over three kinds of evidence, each of which
 * shows in the reasons — the named features of {@link Features}, the words and word pairs that weighed most
 * ({@link WordGrams}, TF-IDF), and the sentence's meaning (its {@link SentenceEmbeddings embedding}, one reason
 * for all 384 dimensions). A second, cheaper model without the meaning, trained the same way, ranks a long
 * article's sentences first so that only the leading ones need an embedding. Weights, vocabulary and how they
 * were obtained are in a readable file; the training sentences themselves are not shipped. Immutable, hence
 * thread-safe.
 */
public final class CheckWorthiness {

    static final String RESOURCE = "/intake/check-worthiness.json";
    /** Word reasons listed per sentence, the strongest first. */
    static final int WORD_REASONS = 5;

    private final Map<String, Double> idf;
    private final Linear full;
    private final Linear firstPass;
    private final double threshold;

    private CheckWorthiness(Map<String, Double> idf, Linear full, Linear firstPass, double threshold) {
        this.idf = idf;
        this.full = full;
        this.firstPass = firstPass;
        this.threshold = threshold;
    }

    /** The shipped model, read once from the classpath resource /intake/check-worthiness.json. */
    public static CheckWorthiness load() {
        return Shipped.MODEL;
    }

    /** The score that maximised F1 in cross-validation on the training part (see the weights file). */
    public double threshold() {
        return threshold;
    }

    /** The full model: named features, words and the sentence's meaning (an embedding of it). */
    public WorthinessScore score(String sentence, float[] meaning) {
        return full.score(Features.extract(sentence), WordGrams.tfidf(sentence, idf), meaning);
    }

    /**
     * The most characters of a sentence read for its meaning: embedding costs grow faster than the text (a
     * 1,000-character run of short words takes 8 ms, a news sentence 2–3), and the first 400 characters say
     * what a sentence is about (debate and news sentences average under 200).
     */
    public static final int MEANING_CHARS = 400;

    /** The full model, embedding the sentence itself (its first {@value #MEANING_CHARS} characters). */
    public WorthinessScore score(String sentence) {
        return score(sentence, SentenceEmbeddings.embed(sentence.length() > MEANING_CHARS
                ? sentence.substring(0, MEANING_CHARS) : sentence));
    }

    /** The cheaper model, without meaning: for ranking which sentences of a long text to embed. */
    public WorthinessScore firstPass(String sentence) {
        return firstPass.score(Features.extract(sentence), WordGrams.tfidf(sentence, idf), null);
    }

    /** One logistic regression; {@code meaning} is null in a model that does not read it. */
    record Linear(double bias, double[] named, Map<String, Double> words, float[] meaning) {

        WorthinessScore score(double[] features, Map<String, Double> grams, float[] embedding) {
            double logOdds = bias;
            List<Reason> reasons = new ArrayList<>();
            for (int i = 0; i < features.length; i++) {
                if (features[i] == 0) continue;
                double contribution = named[i] * features[i];
                logOdds += contribution;
                Features.Feature feature = Features.ALL.get(i);
                reasons.add(new Reason(feature.name(), feature.label(), contribution));
            }
            List<Reason> wordReasons = new ArrayList<>();
            for (var gram : grams.entrySet()) {
                double contribution = words.getOrDefault(gram.getKey(), 0.0) * gram.getValue();
                logOdds += contribution;
                if (contribution != 0) wordReasons.add(new Reason("words", wordLabel(gram.getKey()), contribution));
            }
            wordReasons.sort(Comparator.comparingDouble((Reason r) -> Math.abs(r.contribution())).reversed());
            reasons.addAll(wordReasons.subList(0, Math.min(WORD_REASONS, wordReasons.size())));
            if (meaning != null) {
                double contribution = SentenceEmbeddings.dot(meaning, embedding);
                logOdds += contribution;
                reasons.add(new Reason("meaning", contribution > 0 ? "Means what check-worthy statements mean"
                        : "Means what statements not worth checking mean", contribution));
            }
            reasons.sort(Comparator.comparingDouble((Reason r) -> Math.abs(r.contribution())).reversed());
            return new WorthinessScore(1 / (1 + Math.exp(-logOdds)), reasons);
        }

        private static String wordLabel(String gram) {
            return "Words “" + gram.replace(WordGrams.NUMBER, "[number]") + "”";
        }
    }

    /**
     * Reads a model file. Every named feature must have a weight and every weight a feature, and the meaning
     * as many weights as the embedding has dimensions, so that nothing is silently lost.
     */
    static CheckWorthiness read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        Map<String, Double> idf = doubles(root.required("idf"));
        return new CheckWorthiness(idf, linear(root.required("full"), idf), linear(root.required("firstPass"), idf),
                root.required("threshold").asDouble());
    }

    private static Linear linear(JsonNode node, Map<String, Double> idf) {
        JsonNode namedNode = node.required("named");
        if (namedNode.size() != Features.ALL.size()) {
            throw new IllegalStateException("model has " + namedNode.size() + " named weights for "
                    + Features.ALL.size() + " features");
        }
        double[] named = new double[Features.ALL.size()];
        for (int i = 0; i < named.length; i++) {
            named[i] = namedNode.required(Features.ALL.get(i).name()).asDouble();
        }
        Map<String, Double> words = doubles(node.required("words"));
        if (!idf.keySet().containsAll(words.keySet())) {
            throw new IllegalStateException("model weighs words it has no idf for");
        }
        float[] meaning = null;
        if (node.has("meaning")) {
            JsonNode meaningNode = node.get("meaning");
            if (meaningNode.size() != SentenceEmbeddings.DIMENSIONS) {
                throw new IllegalStateException("model has " + meaningNode.size() + " meaning weights for "
                        + SentenceEmbeddings.DIMENSIONS + " dimensions");
            }
            meaning = new float[SentenceEmbeddings.DIMENSIONS];
            for (int i = 0; i < meaning.length; i++) meaning[i] = (float) meaningNode.get(i).asDouble();
        }
        return new Linear(node.required("bias").asDouble(), named, words, meaning);
    }

    private static Map<String, Double> doubles(JsonNode node) {
        Map<String, Double> map = new HashMap<>(node.size() * 2);
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asDouble()));
        return Map.copyOf(map);
    }

    private static final class Shipped {
        static final CheckWorthiness MODEL = readResource();

        private static CheckWorthiness readResource() {
            try (InputStream in = CheckWorthiness.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("missing classpath resource " + RESOURCE);
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
