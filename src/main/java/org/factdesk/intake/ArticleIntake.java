package org.factdesk.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.factdesk.article.Article;
import org.factdesk.article.ArticleRequest;
import org.factdesk.intake.sourcing.Attribution;
import org.factdesk.intake.sourcing.SourcingSignal;
import org.factdesk.intake.sourcing.SourcingSignals;
import org.factdesk.intake.text.ArticleText;
import org.factdesk.intake.text.Sentence;
import org.factdesk.intake.text.SentenceSplitter;
import org.factdesk.intake.worthiness.CheckWorthiness;
import org.factdesk.intake.worthiness.WorthinessScore;

import java.util.List;
import java.util.Optional;

/**
 * Reads an article the way a desk does: splits its text into sentences, scores each for
 * check-worthiness with the reasons, flags weak sourcing and finds who is speaking. The models are
 * loaded once, on first use. Scoring, signals and attribution know English only; other languages
 * get their sentences split by their own rules and English-trained scores.
 */
@ApplicationScoped
public class ArticleIntake {

    private final SentenceSplitter splitter = new SentenceSplitter();
    private final SourcingSignals sourcing = new SourcingSignals();
    private final Attribution attribution = new Attribution();
    private final CheckWorthiness worthiness = CheckWorthiness.load();

    /** The plain text the server keeps for a request: HTML reduced to text, everything normalised. */
    public static String plainText(ArticleRequest request) {
        if (request.text() == null) {
            return null;
        }
        boolean html = request.format() == null ? ArticleText.looksLikeHtml(request.text()) : request.format().equals("html");
        return html ? ArticleText.fromHtml(request.text()) : ArticleText.normalize(request.text());
    }

    @ConfigProperty(name = "factdesk.intake.candidate-threshold")
    Optional<Double> configuredThreshold;

    /** The score from which a sentence is proposed as a candidate claim: configured, or the model's own. */
    public double threshold() {
        return configuredThreshold.orElseGet(worthiness::threshold);
    }

    /** Replaces the article's sentences with a fresh reading of its current text. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void analyse(Article article) {
        ArticleSentence.delete("articleId", article.id);
        if (article.text == null) {
            return;
        }
        for (Sentence sentence : splitter.split(article.text, article.language)) {
            ArticleSentence row = new ArticleSentence();
            row.articleId = article.id;
            row.position = sentence.index();
            row.start = sentence.start();
            row.end = sentence.end();
            row.text = sentence.text();
            WorthinessScore score = worthiness.score(sentence.text());
            row.score = score.score();
            row.reasons = score.reasons().stream()
                    .map(r -> new ArticleSentence.Reason(r.feature(), r.label(), r.contribution())).toList();
            row.signals = sourcing.find(sentence.text()).stream().map(s -> signal(s, sentence.start())).toList();
            row.claimant = attribution.claimant(sentence.text()).orElse(null);
            row.persist();
        }
    }

    /** Trigger offsets move from the sentence into the article's text, where clients highlight them. */
    private static ArticleSentence.Signal signal(SourcingSignal signal, int sentenceStart) {
        List<ArticleSentence.Span> triggers = signal.triggers().stream()
                .map(t -> new ArticleSentence.Span(sentenceStart + t.start(), sentenceStart + t.end(), t.text())).toList();
        return new ArticleSentence.Signal(signal.kind().name(), signal.explanation(), triggers);
    }
}
