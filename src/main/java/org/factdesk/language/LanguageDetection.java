package org.factdesk.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.factdesk.common.FactdeskConfig;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which language a text is in, by Lingua, among the desk's languages ({@code factdesk.intake.languages}) only.
 * The low-accuracy mode (trigrams) keeps the models small and loads them on first use; it is reliable from a
 * sentence on, and a text too short or too mixed to tell gives no answer rather than a guess. Only the first
 * {@value #READ_CHARS} characters are read, so detection costs the same for any text. Thread-safe.
 */
@ApplicationScoped
public class LanguageDetection {

    /** The only language the check-worthiness model and the sentence embeddings read. */
    public static final String MODELS_READ = "en";
    static final int READ_CHARS = 3_000;
    /** How far ahead of the next language the best must be for an answer (Lingua's relative distance). */
    static final double MINIMUM_DISTANCE = 0.1;

    @Inject
    FactdeskConfig config;

    private Language[] desk;
    private volatile LanguageDetector detector;

    @PostConstruct
    void readLanguages() {
        desk = languages(); // an unknown code fails at start-up, not on the first article
    }

    /** The text's language as an ISO 639-1 code, when one of the desk's languages is clearly it. */
    public Optional<String> detect(String text) {
        if (text == null || text.isBlank() || desk.length < 2) {
            return Optional.empty(); // a desk of one language has nothing to tell apart
        }
        Language language = detector().detectLanguageOf(text.length() > READ_CHARS ? text.substring(0, READ_CHARS) : text);
        return language == Language.UNKNOWN ? Optional.empty()
                : Optional.of(language.getIsoCode639_1().name().toLowerCase(Locale.ROOT));
    }

    /** Whether the models read a text in this language (a language tag such as "en" or "en-GB"; null: assumed English). */
    public static boolean modelsRead(String language) {
        return language == null || language.equalsIgnoreCase(MODELS_READ) || language.toLowerCase(Locale.ROOT).startsWith(MODELS_READ + "-");
    }

    private LanguageDetector detector() {
        LanguageDetector d = detector;
        if (d == null) {
            synchronized (this) {
                if (detector == null) {
                    detector = LanguageDetectorBuilder.fromLanguages(desk).withLowAccuracyMode()
                            .withMinimumRelativeDistance(MINIMUM_DISTANCE).build();
                }
                d = detector;
            }
        }
        return d;
    }

    private Language[] languages() {
        return Arrays.stream(config.intake().languages().split(",")).filter(code -> !code.isBlank()).map(code -> {
            try {
                return Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("factdesk.intake.languages: '" + code + "' is not an ISO 639-1 code Lingua knows", e);
            }
        }).toArray(Language[]::new);
    }
}
