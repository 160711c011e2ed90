package org.factdesk.intake;

import org.factdesk.intake.sourcing.Attribution;
import org.factdesk.intake.sourcing.SourcingSignal;
import org.factdesk.intake.sourcing.SourcingSignals;
import org.factdesk.intake.text.Sentence;
import org.factdesk.intake.text.SentenceSplitter;
import org.factdesk.intake.worthiness.CheckWorthiness;
import org.factdesk.intake.worthiness.Reason;
import org.factdesk.intake.worthiness.WorthinessScore;
import org.factdesk.language.LanguageDetection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What intake finds in a normalised text, sentence by sentence: check-worthiness with reasons (the leading
 * sentences read for meaning too), sourcing signals and the claimant. No database, no CDI: the server, the
 * tests and the benchmark run the same code.
 * Every step is linear in its input and no sentence is longer than {@link SentenceSplitter#MAX_SENTENCE_CHARS},
 * so the whole takes time proportional to the text. Stateless and thread-safe.
 */
public final class TextAnalysis {

    /** One analysed sentence. */
    public record Result(Sentence sentence, WorthinessScore worthiness, List<SourcingSignal> signals, String claimant) {
    }

    /** Thrown when the deadline passes; checked between steps, so the thread stops at the next one. */
    public static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded(int analysed, int sentences) {
            super("analysis budget exceeded after " + analysed + " of " + sentences + " sentences", null, false, false);
        }
    }

    private final SentenceSplitter splitter = new SentenceSplitter();
    private final SourcingSignals sourcing = new SourcingSignals();
    private final Attribution attribution = new Attribution();
    private final CheckWorthiness worthiness = CheckWorthiness.load();

    /** The most sentences of one text read for meaning (embedded), and the most characters they may hold together:
     * about 1 s of one analysis at most, whatever the sentences are made of. */
    public static final int READ_FOR_MEANING = 300;
    static final int READ_FOR_MEANING_CHARS = 60_000;

    public double modelThreshold() {
        return worthiness.threshold();
    }

    /**
     * Analyses text (as produced by {@code ArticleText}); throws {@link BudgetExceeded} once System.nanoTime() passes
     * deadline. Every sentence gets the first-pass score (named features and words); the {@value #READ_FOR_MEANING}
     * it ranks highest are then embedded and scored by the full model, so that a long text costs at most that many
     * embeddings (2–3 ms each): an article a desk would check is read for meaning whole.
     */
    public List<Result> analyse(String text, String language, long deadline) {
        if (text == null) {
            return List.of();
        }
        List<Sentence> sentences = splitter.split(text, language);
        List<Result> results = new ArrayList<>(sentences.size());
        boolean scored = LanguageDetection.modelsRead(language);
        WorthinessScore notScored = new WorthinessScore(0, List.of(new Reason("language", "Not scored: the model reads"
                + " English, and this text is in " + language, 0)));
        for (Sentence sentence : sentences) {
            check(deadline, results.size(), sentences.size());
            WorthinessScore score = scored ? worthiness.firstPass(sentence.text()) : notScored;
            check(deadline, results.size(), sentences.size());
            List<SourcingSignal> signals = sourcing.find(sentence.text());
            check(deadline, results.size(), sentences.size());
            String claimant = attribution.claimant(sentence.text()).orElse(null);
            results.add(new Result(sentence, score, signals, claimant));
        }
        List<Integer> leading = !scored ? List.of() : IntStream.range(0, results.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -results.get(i).worthiness().score()).thenComparing(i -> i))
                .limit(READ_FOR_MEANING).toList();
        int chars = 0;
        for (int i : leading) {
            check(deadline, results.size(), sentences.size());
            Result first = results.get(i);
            chars += Math.min(first.sentence().text().length(), CheckWorthiness.MEANING_CHARS);
            if (chars > READ_FOR_MEANING_CHARS) break;
            results.set(i, new Result(first.sentence(), worthiness.score(first.sentence().text()), first.signals(), first.claimant()));
        }
        return results;
    }

    /** Without a deadline: for tests and the benchmark. */
    public List<Result> analyse(String text, String language) {
        return analyse(text, language, Long.MAX_VALUE);
    }

    private static void check(long deadline, int analysed, int sentences) {
        // Compared as a difference: nanoTime may wrap, and Long.MAX_VALUE means "no deadline".
        if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
            throw new BudgetExceeded(analysed, sentences);
        }
    }
}
