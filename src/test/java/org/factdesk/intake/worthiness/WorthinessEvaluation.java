package org.factdesk.intake.worthiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.factdesk.intake.text.ArticleText;
import org.factdesk.intake.text.Sentence;
import org.factdesk.intake.text.SentenceSplitter;
import org.factdesk.meaning.SentenceEmbeddings;
import org.factdesk.similar.MatchingEvaluation;
import org.factdesk.tip.TipGroupingEvaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.CRC32;

/**
 * Trains and evaluates the check-worthiness model on a labelled JSON-lines file ({"id","label","text"},
 * e.g. ClaimBuster), read from a path given on the command line and never copied into the project.
 * <pre>
 *   train    &lt;dataset.jsonl&gt; &lt;out-weights.json&gt;   fit on the training part, tune by cross-validation
 *   evaluate &lt;dataset.jsonl&gt;                        the shipped model and the baseline (held-out part, news),
 *                                                   then the matching figures on the claim pairs
 *   rank     &lt;article.txt&gt;                          sentences of an article, most check-worthy first
 *   compare  &lt;dataset.jsonl&gt;                        candidate scorers against the TF-IDF baseline ({@link ScorerComparison})
 * </pre>
 * The held-out part is fixed before any tuning: the sentences whose CRC32 of the id (decimal text,
 * UTF-8) is divisible by 5, about 20%. Training and tuning see only the others.
 */
public final class WorthinessEvaluation {

    static final String SPLIT_RULE = "held out: CRC32(id as decimal text, UTF-8) % 5 == 0 (about 20%), never used"
            + " for training or tuning; trained on the rest";
    static final String TUNING_RULE = "debateThreshold maximises the out-of-fold F1 of 5-fold cross-validation on the"
            + " training part (fold = CRC32(id) / 5 % 5); threshold, for news, maximises F2 (recall counting double) on the calibration sentences";
    private static final int FOLDS = 5;
    /**
     * Weights set by hand after fitting, with why. The debates have a single exclamation, so the data
     * cannot weigh it; an exclamation is emotive, not checkable, hence a mild negative.
     */
    private static final Map<String, Double> HAND_SET = Map.of("exclamation", -0.5);
    private static final String HAND_SET_NOTE = "exclamation set to -0.5 by hand after fitting: it fires on one"
            + " training sentence, so the data cannot weigh it; exclamations are emotive, not checkable";

    record Example(String id, int label, String text) {}

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        if (args.length >= 3 && args[0].equals("train")) {
            train(Path.of(args[1]), Path.of(args[2]));
        } else if (args.length >= 2 && args[0].equals("evaluate")) {
            evaluate(Path.of(args[1]));
        } else if (args.length == 2 && args[0].equals("rank")) {
            rank(Path.of(args[1]));
        } else if (args.length == 2 && args[0].equals("compare")) {
            ScorerComparison.main(new String[]{args[1]});
        } else {
            System.err.println("usage: train <dataset.jsonl> <out-weights.json> | evaluate <dataset.jsonl>"
                    + " | rank <article.txt> | compare <dataset.jsonl>");
            System.exit(2);
        }
    }

    // ---- split ----

    static long crc(String id) {
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    static boolean heldOut(Example e) {
        return crc(e.id()) % 5 == 0;
    }

    /** Cross-validation fold inside the training part, independent of the held-out rule. */
    static int fold(Example e) {
        return (int) (crc(e.id()) / 5 % FOLDS);
    }

    static List<Example> read(Path dataset) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Example> examples = new ArrayList<>();
        for (String line : Files.readAllLines(dataset)) {
            if (line.isBlank()) continue;
            JsonNode node = json.readTree(line);
            examples.add(new Example(node.required("id").asText(), node.required("label").asInt(),
                    node.required("text").asText()));
        }
        return examples;
    }

    // ---- training ----

    /** Grams seen in fewer training sentences are left out of the vocabulary: a single sentence cannot weigh them. */
    static final int MIN_DOCUMENT_FREQUENCY = 2;
    /** scikit-learn's default C: the L2 strength every candidate in {@link ScorerComparison} was compared with. */
    static final double C = 1.0;

    /** The vocabulary and idf of a training part, and the features of the full and the first-pass model. */
    record Design(List<String> vocabulary, Map<String, Double> idf, Map<String, float[]> embeddings) {

        static Design of(List<Example> training, Map<String, float[]> embeddings) {
            Map<String, Integer> df = new HashMap<>();
            for (Example e : training) WordGrams.count(e.text(), true).keySet().forEach(g -> df.merge(g, 1, Integer::sum));
            List<String> vocabulary = df.entrySet().stream().filter(e -> e.getValue() >= MIN_DOCUMENT_FREQUENCY)
                    .map(Map.Entry::getKey).sorted().toList();
            Map<String, Double> idf = new HashMap<>();
            for (String gram : vocabulary) {
                idf.put(gram, round(Math.log((1.0 + training.size()) / (1.0 + df.get(gram))) + 1));
            }
            return new Design(vocabulary, idf, embeddings);
        }

        int dimension(boolean meaning) {
            return vocabulary.size() + Features.ALL.size() + (meaning ? SentenceEmbeddings.DIMENSIONS : 0);
        }

        /** Words first, then the named features, then (full model) the embedding. */
        Map<Integer, Double> features(Example e, boolean meaning, Map<String, Integer> index) {
            Map<Integer, Double> x = new HashMap<>();
            WordGrams.tfidf(e.text(), idf).forEach((gram, v) -> x.put(index.get(gram), v));
            double[] named = Features.extract(e.text());
            for (int i = 0; i < named.length; i++) if (named[i] != 0) x.put(vocabulary.size() + i, named[i]);
            if (meaning) {
                float[] v = embeddings.get(e.id());
                for (int i = 0; i < v.length; i++) x.put(vocabulary.size() + named.length + i, (double) v[i]);
            }
            return x;
        }

        double[] fit(List<Example> data, boolean meaning) {
            Map<String, Integer> index = index();
            return Lbfgs.fitLogistic(data.stream().map(e -> features(e, meaning, index)).toList(),
                    data.stream().mapToInt(Example::label).toArray(), dimension(meaning), C);
        }

        Map<String, Integer> index() {
            Map<String, Integer> index = new HashMap<>();
            for (String gram : vocabulary) index.put(gram, index.size());
            return index;
        }
    }

    /** Fits both models on the training part, the threshold by cross-validation inside it, and writes the model file. */
    private static void train(Path dataset, Path out) throws IOException {
        List<Example> all = read(dataset);
        List<Example> training = all.stream().filter(e -> !heldOut(e)).toList();
        Map<String, float[]> embeddings = ScorerComparison.embeddings(all, Path.of("target/claimbuster-minilm.bin"));
        int[] y = training.stream().mapToInt(Example::label).toArray();

        double[] outOfFold = new double[training.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            int k = fold;
            List<Example> fit = training.stream().filter(e -> fold(e) != k).toList();
            Design design = Design.of(fit, embeddings);
            double[] w = design.fit(fit, true);
            Map<String, Integer> index = design.index();
            for (int i = 0; i < training.size(); i++) {
                if (fold(training.get(i)) == k) outOfFold[i] = Lbfgs.predict(w, design.features(training.get(i), true, index));
            }
        }
        double debateThreshold = bestF1Threshold(outOfFold, y);
        System.out.printf("threshold %.2f (out-of-fold F1 %.3f, AP %.3f)%n", debateThreshold,
                Counts.at(outOfFold, y, debateThreshold).f1(), averagePrecision(outOfFold, y));

        Design design = Design.of(training, embeddings);
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("model", "logistic regression over the named features of org.factdesk.intake.worthiness.Features,"
                + " the TF-IDF of the sentence's words and word pairs (WordGrams, unit length) and its embedding ("
                + SentenceEmbeddings.MODEL + ", 384 dimensions); firstPass is the same without the embedding."
                + " score = 1 / (1 + exp(-(bias + named weights of the features that fire + sum of word weight x TF-IDF"
                + " + meaning . embedding)))");
        root.put("trainedOn", "ClaimBuster check-worthiness sentences (U.S. presidential debates, label 1 ="
                + " check-worthy factual claim; GPL-3.0, not shipped): " + training.size() + " training sentences, "
                + Arrays.stream(y).sum() + " check-worthy");
        root.put("split", SPLIT_RULE);
        root.put("tuning", "C = " + C + " (L2, scikit-learn's default, as in the comparison of candidates); vocabulary:"
                + " grams in at least " + MIN_DOCUMENT_FREQUENCY + " training sentences; " + TUNING_RULE);
        root.put("trainedAt", LocalDate.now().toString());
        root.put("handAdjusted", HAND_SET_NOTE);
        ObjectNode idf = root.putObject("idf");
        design.vocabulary().forEach(gram -> idf.put(gram, design.idf().get(gram)));
        List<Example> calibration = readJsonLines(CALIBRATION);
        calibration.forEach(e -> embeddings.put(e.id(), SentenceEmbeddings.embed(e.text())));
        ObjectNode calibrated = root.putObject("calibration");
        calibrated.put("method", "Platt scaling: every weight times a, the bias times a plus b, a and b fitted by logistic"
                + " regression of the label on the model's log-odds over " + calibration.size() + " news sentences written"
                + " and labelled for the project (" + CALIBRATION + ", never used for evaluation); the threshold moves with it");
        for (boolean meaning : new boolean[] {true, false}) {
            double[] w = design.fit(training, meaning);
            int offset = design.vocabulary().size();
            for (int j = 0; j < Features.ALL.size(); j++) {
                Double set = HAND_SET.get(Features.ALL.get(j).name());
                if (set != null) w[offset + j] = set;
            }
            Map<String, Integer> index = design.index();
            List<Map<Integer, Double>> logOdds = calibration.stream().map(e -> Map.of(0, logit(Lbfgs.predict(w,
                    design.features(e, meaning, index))))).toList();
            double[] ab = Lbfgs.fitLogistic(logOdds, calibration.stream().mapToInt(Example::label).toArray(), 1, 1e6);
            for (int j = 0; j < w.length - 1; j++) w[j] *= ab[0];
            w[w.length - 1] = ab[0] * w[w.length - 1] + ab[1];
            calibrated.putObject(meaning ? "full" : "firstPass").put("a", round(ab[0])).put("b", round(ab[1]));
            if (meaning) {
                // Debates: the cross-validated threshold, moved with the scores (for figures comparable with the baseline's).
                root.put("debateThreshold", round(1 / (1 + Math.exp(-(ab[0] * logit(debateThreshold) + ab[1])))));
                // News, what intake reads: the calibrated score that maximises F2 on the calibration sentences. Recall
                // weighs double: a person reads every candidate, and the desk's count per article bounds how many.
                double[] p = calibration.stream().mapToDouble(e -> Lbfgs.predict(w, design.features(e, true, index))).toArray();
                double newsThreshold = bestThreshold(p, calibration.stream().mapToInt(Example::label).toArray(), 2);
                root.put("threshold", newsThreshold);
                System.out.printf("calibrated on news: a %.3f, b %.3f; threshold %.2f%n", ab[0], ab[1], newsThreshold);
            }
            ObjectNode model = root.putObject(meaning ? "full" : "firstPass");
            model.put("bias", round(w[w.length - 1]));
            ObjectNode named = model.putObject("named");
            for (int j = 0; j < Features.ALL.size(); j++) {
                named.put(Features.ALL.get(j).name(), round(w[offset + j]));
            }
            ObjectNode words = model.putObject("words");
            for (int j = 0; j < offset; j++) {
                if (round(w[j]) != 0) words.put(design.vocabulary().get(j), round(w[j]));
            }
            if (meaning) {
                var array = model.putArray("meaning");
                for (int j = 0; j < SentenceEmbeddings.DIMENSIONS; j++) array.add(round(w[offset + Features.ALL.size() + j]));
            }
        }
        // One gram per line keeps the file readable and its diffs small.
        json.writer(new DefaultPrettyPrinter().withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE))
                .writeValue(out.toFile(), root);
        System.out.printf("wrote %s (%d grams)%n", out, design.vocabulary().size());
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    static double bestF1Threshold(double[] scores, int[] y) {
        return bestThreshold(scores, y, 1);
    }

    /** The threshold (in steps of 0.01) with the best F-beta. */
    static double bestThreshold(double[] scores, int[] y, double beta) {
        double best = 0.5, bestF = -1;
        for (int t = 5; t <= 95; t++) {
            double f = Counts.at(scores, y, t / 100.0).fBeta(beta);
            if (f > bestF) {
                bestF = f;
                best = t / 100.0;
            }
        }
        return best;
    }

    // ---- evaluation ----

    record Counts(int tp, int fp, int fn, int tn) {
        static Counts at(double[] scores, int[] y, double threshold) {
            int tp = 0, fp = 0, fn = 0, tn = 0;
            for (int i = 0; i < y.length; i++) {
                boolean predicted = scores[i] >= threshold;
                if (predicted && y[i] == 1) tp++;
                else if (predicted) fp++;
                else if (y[i] == 1) fn++;
                else tn++;
            }
            return new Counts(tp, fp, fn, tn);
        }

        double precision() { return tp + fp == 0 ? 0 : (double) tp / (tp + fp); }

        double recall() { return tp + fn == 0 ? 0 : (double) tp / (tp + fn); }

        double f1() {
            return fBeta(1);
        }

        /** F-beta: recall weighs beta times as much as precision. */
        double fBeta(double beta) {
            double p = precision(), r = recall(), b2 = beta * beta;
            return p + r == 0 ? 0 : (1 + b2) * p * r / (b2 * p + r);
        }
    }

    /** News sentences written and labelled for the project (see docs/intake-evaluation.md): evaluation only. */
    static final String NEWS = "/intake/news-sentences.jsonl";
    /** Other news sentences, written by someone else for the project: only for calibrating the scores. */
    static final String CALIBRATION = "/intake/news-calibration.jsonl";

    /**
     * The shipped model (full and first pass) and the baseline trained the same way on the same training part,
     * each at its own cross-validated threshold, on the held-out part and on the news sentences.
     */
    private static void evaluate(Path dataset) throws Exception {
        CheckWorthiness model = CheckWorthiness.load();
        List<Example> all = read(dataset);
        List<Example> training = all.stream().filter(e -> !heldOut(e)).toList();
        List<Example> heldOut = all.stream().filter(WorthinessEvaluation::heldOut).toList();
        List<Example> news = readJsonLines(NEWS);
        List<Example> calibration = readJsonLines(CALIBRATION);
        Map<String, float[]> embeddings = new HashMap<>(ScorerComparison.embeddings(all, Path.of("target/claimbuster-minilm.bin")));
        news.forEach(e -> embeddings.put(e.id(), SentenceEmbeddings.embed(e.text())));

        Function<List<Example>, ScorerComparison.Featurizer> baselineDesign = data -> new ScorerComparison.Tfidf(data, false);
        ScorerComparison.Featurizer baseline = baselineDesign.apply(training);
        double[] wb = Lbfgs.fitLogistic(training.stream().map(baseline::features).toList(),
                training.stream().mapToInt(Example::label).toArray(), baseline.dimension(), C);
        double baselineThreshold = ScorerComparison.cvThreshold(training, baselineDesign);

        double debateThreshold;
        try (var in = CheckWorthiness.class.getResourceAsStream(CheckWorthiness.RESOURCE)) {
            debateThreshold = new ObjectMapper().readTree(in).required("debateThreshold").asDouble();
        }
        System.out.println("Split: " + SPLIT_RULE);
        for (var set : List.of(Map.entry("held-out debate sentences", heldOut), Map.entry("news sentences (" + NEWS + ")", news))) {
            List<Example> examples = set.getValue();
            double threshold = examples == heldOut ? debateThreshold : model.threshold();
            int[] y = examples.stream().mapToInt(Example::label).toArray();
            System.out.printf("%n%s: %d sentences, %d check-worthy (%.1f%%)%n", set.getKey(), y.length, Arrays.stream(y).sum(),
                    100.0 * Arrays.stream(y).sum() / y.length);
            System.out.println("| system | threshold | precision | recall | F1 | average precision | Brier | ECE | flagged |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            report("shipped: full model", examples.stream().mapToDouble(e -> model.score(e.text(), embeddings.get(e.id())).score()).toArray(),
                    y, threshold);
            report("shipped: first pass (no meaning)", examples.stream().mapToDouble(e -> model.firstPass(e.text()).score()).toArray(),
                    y, threshold);
            double[] pb = examples.stream().mapToDouble(e -> Lbfgs.predict(wb, baseline.features(e))).toArray();
            report("baseline: TF-IDF word 1-2-grams", pb, y, baselineThreshold);
            if (examples == news) {
                report("baseline, threshold chosen on the calibration sentences (F2)", pb, y, bestThreshold(
                        calibration.stream().mapToDouble(e -> Lbfgs.predict(wb, baseline.features(e))).toArray(),
                        calibration.stream().mapToInt(Example::label).toArray(), 2));
            }
        }
        System.out.println();
        System.out.println("Claim matching on the labelled pairs (docs/matching-evaluation.md; PostgreSQL at 127.0.0.1:5432):");
        MatchingEvaluation.main(new String[0]);
        System.out.println();
        System.out.println("Tip grouping on the labelled tip pairs (docs/matching-evaluation.md):");
        TipGroupingEvaluation.main(new String[0]);
    }

    private static void report(String system, double[] p, int[] y, double threshold) {
        Counts c = Counts.at(p, y, threshold);
        System.out.printf("| %s | %.2f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.1f%% |%n", system, threshold, c.precision(),
                c.recall(), c.f1(), averagePrecision(p, y), ScorerComparison.brier(p, y), ScorerComparison.calibrationError(p, y),
                100.0 * (c.tp() + c.fp()) / y.length);
    }

    /** Labelled sentences from a test resource ({"id","label","text"} per line). */
    static List<Example> readJsonLines(String resource) throws IOException {
        try (var in = WorthinessEvaluation.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing test resource " + resource);
            ObjectMapper json = new ObjectMapper();
            List<Example> examples = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) continue;
                JsonNode node = json.readTree(line);
                examples.add(new Example(node.required("id").asText(), node.required("label").asInt(), node.required("text").asText()));
            }
            return examples;
        }
    }

    private static Integer[] ranking(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        return order;
    }

    private static double precisionAt(Integer[] order, int[] y, int k) {
        int hits = 0;
        for (int r = 0; r < k; r++) hits += y[order[r]];
        return (double) hits / k;
    }

    /** Binary relevance: DCG of the ranking over DCG of the ideal one (all check-worthy first). */
    private static double ndcg(Integer[] order, int[] y, int k) {
        double dcg = 0, ideal = 0;
        int positives = Arrays.stream(y).sum();
        for (int r = 0; r < k; r++) {
            double discount = 1 / (Math.log(r + 2) / Math.log(2));
            dcg += y[order[r]] * discount;
            if (r < positives) ideal += discount;
        }
        return dcg / ideal;
    }

    static double averagePrecision(double[] scores, int[] y) {
        Integer[] order = ranking(scores);
        double sum = 0;
        int hits = 0;
        for (int r = 0; r < order.length; r++) {
            if (y[order[r]] == 1) sum += (double) ++hits / (r + 1);
        }
        return sum / hits;
    }

    /** Probability that a random check-worthy sentence outscores a random other one (ties count half). */
    private static double rocAuc(double[] scores, int[] y) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 1) continue;
            for (int j = 0; j < y.length; j++) {
                if (y[j] != 0) continue;
                pairs++;
                wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
            }
        }
        return wins / pairs;
    }

    // ---- articles ----

    /** Sentences of an article with one paragraph per line: a split after ". ", ".’ " or ".” " before a capital. */
    /** The article's sentences as intake splits them. */
    static List<String> sentences(String text) {
        return new SentenceSplitter().split(ArticleText.normalize(text)).stream().map(Sentence::text).toList();
    }

    private static void rank(Path article) throws IOException {
        CheckWorthiness model = CheckWorthiness.load();
        List<String> sentences = sentences(Files.readString(article));
        record Ranked(String text, WorthinessScore score) {}
        sentences.stream().map(s -> new Ranked(s, model.score(s)))
                .sorted(Comparator.comparingDouble((Ranked r) -> r.score().score()).reversed())
                .forEach(r -> System.out.printf("%.3f %s%n      %s%n", r.score().score(), r.text(), r.score().reasons()
                        .stream().map(reason -> String.format("%s %+.2f", reason.feature(), reason.contribution()))
                        .toList()));
        System.out.printf("threshold %.3f%n", model.threshold());
        // Speed once the tokenizer and tagger are compiled: best of five rounds after a warm-up.
        for (int i = 0; i < 50; i++) {
            sentences.forEach(model::score);
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            sentences.forEach(model::score);
            best = Math.min(best, (System.nanoTime() - start) / 1e6 / sentences.size());
        }
        System.out.printf("scoring: %.2f ms per sentence (%d sentences, mean %.0f characters)%n", best, sentences.size(),
                sentences.stream().mapToInt(String::length).average().orElse(0));
    }
}
