package org.factdesk.intake;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import org.factdesk.article.Article;
import org.factdesk.article.ArticleRequest;
import org.factdesk.common.FactdeskConfig;
import org.factdesk.common.Problems;
import org.factdesk.language.LanguageDetection;
import org.factdesk.similar.MeaningIndex;
import org.factdesk.intake.sourcing.SourcingSignal;
import org.factdesk.intake.text.ArticleText;
import org.factdesk.intake.text.SentenceSplitter;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Reads an article the way a desk does: splits its text into sentences, scores each for
 * check-worthiness with the reasons, flags weak sourcing and finds who is speaking ({@link TextAnalysis}).
 * The analysis runs before the write transaction, within a time budget and a limit of concurrent
 * analyses per replica, so that a large article holds neither a database connection nor all the cores;
 * the transaction only stores the finished analysis. The text's language is detected first
 * ({@link LanguageDetection}); scoring, signals and attribution know English only, so a text in another
 * language gets its sentences split by its own rules and no scores (the view says so).
 */
@ApplicationScoped
public class ArticleIntake {

    /** Seconds a client is asked to wait when every analysis slot is taken: a typical article takes well under one. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private final TextAnalysis analysis = new TextAnalysis();

    /** An analysis and the language detected in the text (null: none of the desk's languages clearly). */
    public record Analysis(String detectedLanguage, List<TextAnalysis.Result> results) {
    }

    @Inject
    FactdeskConfig config;

    @Inject
    LanguageDetection languages;

    /** Analysis slots of this replica; taken without waiting, so a full replica answers 503 at once. */
    Semaphore slots;

    @PostConstruct
    void init() {
        slots = new Semaphore(config.intake().maxConcurrentAnalyses());
    }

    /** The analysis slots (tests take them all to see a full replica). */
    Semaphore slots() {
        return slots;
    }

    /** The plain text the server keeps for a request: HTML reduced to text, everything normalised. */
    public static String plainText(ArticleRequest request) {
        if (request.text() == null) {
            return null;
        }
        boolean html = request.format() == null ? ArticleText.looksLikeHtml(request.text()) : request.format().equals("html");
        String text = html ? ArticleText.fromHtml(request.text()) : ArticleText.normalize(request.text());
        // NFC may lengthen a text (a few characters compose to two or three): the kept text has the stated bound too.
        if (text.length() > ArticleRequest.TEXT_MAX) {
            throw Problems.badRequest("Field 'text' is longer than " + ArticleRequest.TEXT_MAX
                    + " characters once normalised (Unicode NFC); send a shorter text.");
        }
        return text;
    }

    /** The score from which a sentence is proposed as a candidate claim: configured, or the model's own. */
    public double threshold() {
        return config.intake().candidateThreshold().orElseGet(analysis::modelThreshold);
    }

    /**
     * Analyses a text outside any transaction. 503 with Retry-After when this replica already runs its maximum
     * of analyses; 422 when the analysis does not finish within the budget (nothing is stored then).
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Analysis analyse(String text, String language) {
        if (text == null) {
            return new Analysis(null, List.of());
        }
        if (!slots.tryAcquire()) {
            throw HttpProblem.builder().withStatus(503).withTitle("Intake busy")
                    .withDetail("This server is already analysing " + config.intake().maxConcurrentAnalyses()
                            + " articles; send the article again in a few seconds.")
                    .withHeader("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        try {
            String detected = languages.detect(text).orElse(null);
            return new Analysis(detected, analysis.analyse(text, detected != null ? detected : language,
                    System.nanoTime() + config.intake().analysisBudget().toNanos()));
        } catch (TextAnalysis.BudgetExceeded e) {
            throw HttpProblem.builder().withStatus(422).withTitle("Article too costly to analyse")
                    .withDetail("Analysing this text took longer than " + config.intake().analysisBudget().toSeconds() + " s; nothing was stored."
                            + " Send a shorter text (sentences longer than " + SentenceSplitter.MAX_SENTENCE_CHARS
                            + " characters are split) or split the article.")
                    .build();
        } finally {
            slots.release();
        }
    }

    /**
     * Replaces the article's sentences with a finished analysis of its current text. A dismissed sentence that is
     * still in the text, word for word, stays dismissed, with its meaning.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(Article article, Analysis analysis) {
        article.detectedLanguage = analysis.detectedLanguage();
        @SuppressWarnings("unchecked")
        List<Object[]> dismissed = ArticleSentence.getEntityManager().createNativeQuery("SELECT text, dismissed_at, dismissed_by,"
                + " embedding FROM article_sentence WHERE article_id = :article AND dismissed_at IS NOT NULL")
                .setParameter("article", article.id).getResultList();
        Map<String, Object[]> dismissedByText = new HashMap<>();
        dismissed.forEach(row -> dismissedByText.putIfAbsent((String) row[0], row));
        ArticleSentence.delete("articleId", article.id);
        for (TextAnalysis.Result result : analysis.results()) {
            ArticleSentence row = new ArticleSentence();
            row.articleId = article.id;
            row.position = result.sentence().index();
            row.start = result.sentence().start();
            row.end = result.sentence().end();
            row.text = result.sentence().text();
            row.score = result.worthiness().score();
            row.reasons = result.worthiness().reasons().stream()
                    .map(r -> new ArticleSentence.Reason(r.feature(), r.label(), r.contribution())).toList();
            row.signals = result.signals().stream().map(s -> signal(s, result.sentence().start())).toList();
            row.claimant = result.claimant();
            Object[] before = dismissedByText.remove(row.text);
            if (before != null) {
                row.dismissedAt = (Instant) before[1];
                row.dismissedBy = (String) before[2];
            }
            row.persist();
            if (before != null && before[3] != null) {
                row.flush();
                MeaningIndex.lockWrites();
                ArticleSentence.getEntityManager().createNativeQuery("UPDATE article_sentence SET embedding = :e,"
                        + " embedding_seq = nextval('meaning_seq') WHERE id = :id").setParameter("e", before[3])
                        .setParameter("id", row.id).executeUpdate();
            }
        }
    }

    /** Trigger offsets move from the sentence into the article's text, where clients highlight them. */
    private static ArticleSentence.Signal signal(SourcingSignal signal, int sentenceStart) {
        List<ArticleSentence.Span> triggers = signal.triggers().stream()
                .map(t -> new ArticleSentence.Span(sentenceStart + t.start(), sentenceStart + t.end(), t.text())).toList();
        return new ArticleSentence.Signal(signal.kind(), signal.explanation(), triggers);
    }
}
