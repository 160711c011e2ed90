package org.factdesk.intake.worthiness;

import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import opennlp.tools.util.Span;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The named, explainable features of a sentence. The one place that defines them: the scorer and
 * the training command both call {@link #extract}, so a weight always means the same test.
 * Every feature is binary (1 when it fires), so a reason's contribution is its weight.
 */
final class Features {

    /** A feature: its key in the weights file, the label an editor reads, and when it fires. */
    record Feature(String name, String label, Predicate<Sentence> fires) {}

    /** A sentence as the features see it: straight quotes, tokens, lower-case tokens and UD tags. */
    record Sentence(String text, String lower, String[] tokens, String[] lowerTokens, String[] tags) {

        boolean finds(Pattern pattern) {
            return pattern.matcher(lower).find();
        }

        boolean anyToken(Set<String> words) {
            return Arrays.stream(lowerTokens).anyMatch(words::contains);
        }

        /** Words, not punctuation: the length buckets count these. */
        long words() {
            return Arrays.stream(tags).filter(tag -> !tag.equals("PUNCT") && !tag.equals("SYM")).count();
        }
    }

    private static final String NUMBER_WORDS = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
            + "|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half"
            + "|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|twentieth";
    private static final Pattern NUMBER = Pattern.compile("\\d|\\b(" + NUMBER_WORDS + ")\\b");
    private static final Pattern PERCENT = Pattern.compile("\\d ?%|\\bper ?cent\\b|\\bpercentage");
    private static final Pattern MONEY = Pattern.compile("[$€£] ?\\d|\\b(dollars?|euros?|pounds sterling|cents|bucks)\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(1[89]\\d\\d|20\\d\\d)s?\\b|'\\d0s\\b");
    // Case-sensitive on the original text: "march" and "may" are also verbs.
    private static final Pattern DATE = Pattern.compile("\\b(January|February|March|April|June|July|August"
            + "|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b"
            + "|\\bMay \\d|\\b\\d{1,2}(st|nd|rd|th)\\b|(?i:\\byesterday\\b|\\blast (week|month|year|night)\\b)");
    private static final Pattern TIME_SPAN = Pattern.compile("(\\d|\\b(" + NUMBER_WORDS + "|one|a))[- ]"
            + "(years?|decades?|months?|weeks?|days?|centur(y|ies))\\b|\\b(decades?|centur(y|ies))\\b");
    private static final Pattern OFFICIAL = Pattern.compile("\\b(president|prime minister|ministers?|ministry"
            + "|senators?|senate|congress(man|woman)?|governors?|mayors?|secretary|spokes(person|man|woman)"
            + "|officials?|ambassadors?|diplomats?|generals?|administration|government|parliament|department"
            + "|agency|court|judges?|army|military|police|chairman|ceo|commission|committee|united nations|nato)\\b");
    private static final Pattern ATTRIBUTION = Pattern.compile("\\b(according to|said|says|stated|told|reported"
            + "|announced|confirmed|cited|reiterated|testified|admitted|claimed|wrote|quoted|emphasized)\\b");
    private static final Pattern EVIDENCE = Pattern.compile("\\b(satellite|imagery|images|footage|data|reports?"
            + "|records?|documents?|transcripts?|surveys?|study|studies|census|polls?|statistics|figures|evidence"
            + "|analysis|audit|investigation|research)\\b");
    private static final Pattern STATISTICS = Pattern.compile("\\b(rates?|average|median|per capita|unemployment"
            + "|inflation|deficits?|debt|gdp|economy|growth|tax|taxes|income|wages|jobs|budget|spending|prices"
            + "|costs?|population|majority|total|number of)\\b");
    private static final Pattern COMPARISON = Pattern.compile("\\b(than|compared|as (many|much) as|up from"
            + "|down from|increase[sd]?|increasing|decrease[sd]?|declined?|doubled?|tripled?|quadrupled|halved"
            + "|rose|risen|fell|fallen|grew|grown|dropped|reduced|twice)\\b");
    private static final Set<String> SUPERLATIVES = Set.of("most", "least", "best", "worst", "only");
    // "-est" adjectives that are not superlatives.
    private static final Set<String> NOT_SUPERLATIVE = Set.of("honest", "modest", "earnest", "dishonest",
            "interest", "west", "rest", "test", "request", "protest", "forest", "manifest", "latest");
    private static final Pattern CONCRETE_ACTION = Pattern.compile("\\b(voted|votes? (for|against)|passed|signed"
            + "|vetoed|cut|cuts|spent|raised|lowered|lost|created|killed|invaded|built|sent|deployed|invested|paid"
            + "|cost|funded|approved|banned|launched|show(ing|s|ed|n)|departing|delivered|evacuated|distributed"
            + "|attacked|bombed|elected|appointed|fired|hired|sold|bought|imported|exported|earned|won)\\b");
    private static final Set<String> IRREGULAR_PAST = Set.of("was", "were", "had", "did", "said", "made", "went",
            "took", "gave", "came", "got", "left", "lost", "spent", "paid", "sent", "built", "held", "met", "told",
            "ran", "won", "became", "began", "brought", "bought", "fought", "sold", "saw", "knew", "found",
            "thought", "wrote", "grew", "rose", "fell", "led", "kept", "struck");
    private static final Set<String> BE_HAVE = Set.of("is", "are", "was", "were", "has", "have", "had");
    private static final Set<String> CLAUSE_OPENERS = Set.of("\"", "'", ":", ".", "?", "!");
    private static final Pattern QUESTION = Pattern.compile("\\?[\"')\\s]*$");
    private static final Pattern OPINION = Pattern.compile("\\b(i|we) (really |truly |strongly )?(think|believe"
            + "|feel|hope|guess|suppose|want|wish|trust)\\b|\\b(i|we)('m| am| are|'re) (sure|convinced|confident"
            + "|proud)\\b|\\bin my (view|opinion)\\b|\\blet me\\b|\\b(frankly|honestly)\\b");
    private static final Set<String> FIRST_PERSON = Set.of("i", "me", "my", "mine", "myself", "we", "us", "our",
            "ours", "ourselves");
    private static final Set<String> SECOND_PERSON = Set.of("you", "your", "yours", "yourself", "yourselves");
    private static final Pattern FUTURE = Pattern.compile("\\b(will|won't|shall|going to|gonna)\\b|'ll\\b");
    private static final Pattern HEDGE = Pattern.compile("\\b(might|could|may|would|perhaps|maybe|possibly"
            + "|probably|likely)\\b");
    private static final Pattern OBLIGATION = Pattern.compile("\\b(must|should|ought to|needs? to|ha(ve|s) to"
            + "|got to)\\b");
    private static final Pattern CONDITIONAL = Pattern.compile("\\b(if|unless|whether)\\b");
    // Evaluative and figurative words: they colour a statement without adding anything checkable.
    private static final Pattern RHETORIC = Pattern.compile("\\b(pivotal|curated|labyrinthine|opulent"
            + "|significance|cornerstone|narratives?|rhetoric|crucial|critical|vital|profound|remarkable|striking"
            + "|starkly|extraordinary|incredible|tremendous|terrible|horrible|wonderful|great|disaster|disastrous"
            + "|shameful|outrageous|ridiculous|amazing|beautiful|fantastic|glimpse|calculus|tapestry|testament"
            + "|intricate|nuanced|beacon|unwavering|relentless|indispensable|existential|interplay|vision"
            + "|grappling|teetering|chess|hallmark|landscape|destiny|spirit|values)\\b");
    private static final Pattern GREETING = Pattern.compile("\\b(thank you|thanks|good (evening|morning"
            + "|afternoon|night)|hello|welcome|congratulations?|ladies and gentlemen|pleasure to|glad to be)\\b");

    static final List<Feature> ALL = List.of(
            new Feature("number", "contains a number", s -> s.finds(NUMBER)),
            new Feature("percentage", "gives a percentage", s -> s.finds(PERCENT)),
            new Feature("money", "mentions an amount of money", s -> s.finds(MONEY)),
            new Feature("quantity", "counts or measures something (number + noun)", Features::quantity),
            new Feature("year", "mentions a year", s -> s.finds(YEAR)),
            new Feature("date", "mentions a date (month, day or weekday)", s -> DATE.matcher(s.text()).find()),
            new Feature("time_span", "gives a duration or age (years, decades)", s -> s.finds(TIME_SPAN)),
            new Feature("named_entity", "names a person, place or organisation", s -> names(s) >= 1),
            new Feature("several_names", "names three or more people, places or organisations", s -> names(s) >= 3),
            new Feature("official", "refers to an official or institution", s -> s.finds(OFFICIAL)),
            new Feature("attribution", "attributes the statement to a source (according to, said)",
                    s -> s.finds(ATTRIBUTION)),
            new Feature("evidence", "cites evidence (data, reports, records, imagery)", s -> s.finds(EVIDENCE)),
            new Feature("statistics", "uses statistical or economic terms", s -> s.finds(STATISTICS)),
            new Feature("comparison", "compares or describes a change (more than, increased, doubled)",
                    s -> s.finds(COMPARISON)),
            new Feature("superlative", "uses a superlative (largest, most, only)", Features::superlative),
            new Feature("concrete_action", "reports a concrete action (voted, spent, cut, showed)",
                    s -> s.finds(CONCRETE_ACTION)),
            new Feature("past_tense", "is in the past tense", Features::pastTense),
            new Feature("states_fact", "states something as fact (is, was, has)", s -> s.anyToken(BE_HAVE)),
            new Feature("very_short", "is very short (6 words or fewer)", s -> s.words() <= 6),
            new Feature("short", "is short (7 to 12 words)", s -> s.words() > 6 && s.words() <= 12),
            new Feature("long", "is long (26 to 40 words)", s -> s.words() > 25 && s.words() <= 40),
            new Feature("very_long", "is very long (more than 40 words)", s -> s.words() > 40),
            new Feature("question", "is a question", s -> QUESTION.matcher(s.text()).find()),
            new Feature("opinion", "is opinion (first person)", s -> s.finds(OPINION)),
            new Feature("first_person", "speaks in the first person (I, we)", s -> s.anyToken(FIRST_PERSON)),
            new Feature("second_person", "addresses the listener (you)", s -> s.anyToken(SECOND_PERSON)),
            new Feature("future", "is about the future or a promise (will)", s -> s.finds(FUTURE)),
            new Feature("hedge", "is hedged or speculative (might, could)", s -> s.finds(HEDGE)),
            new Feature("obligation", "says what should happen (must, should)", s -> s.finds(OBLIGATION)),
            new Feature("conditional", "is conditional (if, whether)", s -> s.finds(CONDITIONAL)),
            new Feature("rhetoric", "uses evaluative or figurative language", s -> s.finds(RHETORIC)),
            new Feature("exclamation", "is an exclamation", s -> s.text().contains("!")),
            new Feature("greeting", "is a greeting or thanks", s -> s.finds(GREETING)));

    private Features() {}

    /** Feature values in the order of {@link #ALL}. Thread-safe. */
    static double[] extract(String text) {
        Sentence sentence = analyse(text);
        double[] values = new double[ALL.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ALL.get(i).fires().test(sentence) ? 1 : 0;
        }
        return values;
    }

    static Sentence analyse(String text) {
        // Curly quotes become straight ones so that the tokenizer and the patterns see one apostrophe.
        String plain = text.strip().replace('‘', '\'').replace('’', '\'').replace('“', '"').replace('”', '"');
        String[] tokens = tokenize(plain);
        String[] tags = tag(tokens);
        String[] lower = Arrays.stream(tokens).map(t -> t.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        return new Sentence(plain, plain.toLowerCase(Locale.ROOT), tokens, lower, tags);
    }

    /**
     * Longer runs of non-space characters stay one token. The tokenizer's work on a run grows with the square of its
     * length (each split point's context holds the run's prefix and suffix), and no word or figure is that long.
     */
    static final int MAX_TOKEN_CHARS = 64;

    private static String[] tokenize(String plain) {
        Span[] runs = WhitespaceTokenizer.INSTANCE.tokenizePos(plain);
        if (Arrays.stream(runs).allMatch(run -> run.length() <= MAX_TOKEN_CHARS)) {
            return Nlp.TOKENIZER.get().tokenize(plain);
        }
        List<String> tokens = new ArrayList<>();
        for (Span run : runs) {
            String text = run.getCoveredText(plain).toString();
            tokens.addAll(run.length() > MAX_TOKEN_CHARS ? List.of(text) : List.of(Nlp.TOKENIZER.get().tokenize(text)));
        }
        return tokens.toArray(String[]::new);
    }

    /**
     * How many tokens of a sentence the tagger reads. Tagging is most of the cost per token, and a sentence of 1,000
     * characters (the splitter's limit) can hold 750 tokens ("“x” “x” …") where prose holds about 200; the longest
     * sentence of the training data has 152 words. Tokens beyond get "PUNCT" or "X" (other), so the length
     * features still count them.
     */
    static final int MAX_TAGGED_TOKENS = 250;

    private static String[] tag(String[] tokens) {
        if (tokens.length <= MAX_TAGGED_TOKENS) {
            return Nlp.TAGGER.get().tag(tokens);
        }
        String[] tags = Arrays.copyOf(Nlp.TAGGER.get().tag(Arrays.copyOf(tokens, MAX_TAGGED_TOKENS)), tokens.length);
        for (int i = MAX_TAGGED_TOKENS; i < tokens.length; i++) {
            tags[i] = tokens[i].codePoints().anyMatch(Character::isLetterOrDigit) ? "X" : "PUNCT";
        }
        return tags;
    }

    /** A number followed by a noun: "1.6 million jobs", "72 years", "three bases". */
    private static boolean quantity(Sentence s) {
        for (int i = 0; i < s.tokens().length - 1; i++) {
            if (!s.tags()[i].equals("NUM") || s.lowerTokens()[i].equals("one")) continue;
            int next = i + 1;
            while (next < s.tags().length && (s.tags()[next].equals("NUM") || s.tags()[next].equals("ADJ"))) next++;
            if (next < s.tags().length && s.tags()[next].equals("NOUN")) return true;
        }
        return false;
    }

    private static boolean superlative(Sentence s) {
        for (int i = 0; i < s.tokens().length; i++) {
            String word = s.lowerTokens()[i];
            if (SUPERLATIVES.contains(word)) return true;
            if (word.length() > 5 && word.endsWith("est") && s.tags()[i].equals("ADJ")
                    && !NOT_SUPERLATIVE.contains(word)) return true;
        }
        return false;
    }

    private static boolean pastTense(Sentence s) {
        for (int i = 0; i < s.tokens().length; i++) {
            String word = s.lowerTokens()[i];
            boolean verb = s.tags()[i].equals("VERB") || s.tags()[i].equals("AUX");
            if (verb && (IRREGULAR_PAST.contains(word) || word.length() > 4 && word.endsWith("ed"))) return true;
        }
        return false;
    }

    /**
     * Runs of proper nouns ("Vladimir Putin" is one): tokens the tagger calls PROPN, or capitalised
     * words that do not open the sentence or a quotation (where capitals say nothing).
     */
    static int names(Sentence s) {
        int names = 0;
        boolean inName = false;
        for (int i = 0; i < s.tokens().length; i++) {
            String token = s.tokens()[i];
            boolean capitalised = Character.isUpperCase(token.codePointAt(0)) && !token.equals("I");
            boolean opensClause = i == 0 || CLAUSE_OPENERS.contains(s.tokens()[i - 1]);
            boolean name = capitalised && (s.tags()[i].equals("PROPN") || !opensClause && !s.tags()[i].equals("PRON"));
            if (name && !inName) names++;
            inName = name;
        }
        return names;
    }

    /** The models are thread-safe and loaded once; the tokenizer and tagger are not, hence one per thread. */
    private static final class Nlp {
        private static final TokenizerModel TOKENS = load("/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin", TokenizerModel::new);
        private static final POSModel POS = greedy(load("/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin", POSModel::new));
        static final ThreadLocal<TokenizerME> TOKENIZER = ThreadLocal.withInitial(() -> new TokenizerME(TOKENS));
        static final ThreadLocal<POSTaggerME> TAGGER =
                ThreadLocal.withInitial(() -> new POSTaggerME(POS, POSTagFormat.UD));

        /**
         * The same model, decoded with a beam of one instead of the default three: a third of the model evaluations
         * per token and none of the beam's bookkeeping, and on the 6,636 sentences of the training data every tag is
         * the same (the features only read each token's best tag). Tagging is most of the analysis' cost per token.
         */
        private static POSModel greedy(POSModel model) {
            return new POSModel(model.getLanguage(), (MaxentModel) model.getArtifact("pos.model"), 1, null, model.getFactory());
        }

        private interface Reader<T> {
            T read(InputStream in) throws IOException;
        }

        private static <T> T load(String resource, Reader<T> reader) {
            try (InputStream in = Features.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("OpenNLP model not on the classpath: " + resource);
                return reader.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
