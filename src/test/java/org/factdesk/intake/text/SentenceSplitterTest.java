package org.factdesk.intake.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentenceSplitterTest {

    final SentenceSplitter splitter = new SentenceSplitter();

    /** Splits and checks what every result must satisfy: exact offsets, trimmed text, indices 0..n-1 in order. */
    List<String> sentences(String text, String language) {
        List<Sentence> sentences = splitter.split(text, language);
        int previousEnd = 0;
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            assertEquals(i, s.index());
            assertEquals(text.substring(s.start(), s.end()), s.text());
            assertEquals(s.text().strip(), s.text());
            assertTrue(s.start() >= previousEnd && s.end() > s.start(), "ordered, non-empty: " + s);
            previousEnd = s.end();
        }
        return sentences.stream().map(Sentence::text).toList();
    }

    List<String> sentences(String text) {
        List<String> english = sentences(text, null);
        assertEquals(english, sentences(text, "en-GB"), "en-GB uses the English rules");
        return english;
    }

    @Test
    void emptyAndBlankInputGiveNoSentences() {
        assertEquals(List.of(), splitter.split(""));
        assertEquals(List.of(), splitter.split(null));
        assertEquals(List.of(), sentences(" \n\n \n", null));
        assertEquals(List.of(), sentences("\n\n", "de"));
    }

    @Test
    void closingCurlyQuotesEndSentences() {
        assertEquals(List.of("It is on the edge of chaos.’", "These bases matter."),
                sentences("It is on the edge of chaos.’ These bases matter."));
        assertEquals(List.of("“We serve the people.”", "The minister left."),
                sentences("“We serve the people.” The minister left."));
        assertEquals(List.of("He called it ‘surgical.’", "‘Indispensable,’ he added."),
                sentences("He called it ‘surgical.’ ‘Indispensable,’ he added."));
    }

    @Test
    void straightQuotesEndSentences() {
        assertEquals(List.of("\"It is over,\" she said.", "Then she left."),
                sentences("\"It is over,\" she said. Then she left."));
        assertEquals(List.of("He said \"no.\"", "Then he left."), sentences("He said \"no.\" Then he left."));
        assertEquals(List.of("He called it 'done.'", "Nobody agreed."), sentences("He called it 'done.' Nobody agreed."));
        assertEquals(List.of("They called it \"a hoax\".", "It was not."), sentences("They called it \"a hoax\". It was not."));
    }

    @Test
    void questionAndExclamationInsideQuotes() {
        assertEquals(List.of("“Why now?” she asked.", "“Because!” he said."),
                sentences("“Why now?” she asked. “Because!” he said."));
        assertEquals(List.of("Who knows?", "Nobody does!", "Really?!", "Yes."),
                sentences("Who knows? Nobody does! Really?! Yes."));
        assertEquals(List.of("“Is it true?” Vladimir Putin asked.", "“Really!” Ash-Sharaa said, smiling."),
                sentences("“Is it true?” Vladimir Putin asked. “Really!” Ash-Sharaa said, smiling."));
        assertEquals(List.of("“Is it true?”", "Putin never answered."), sentences("“Is it true?” Putin never answered."));
        assertEquals(List.of("He asked, “Is it true?”", "The answer was no."),
                sentences("He asked, “Is it true?” The answer was no."));
    }

    @Test
    void titlesNeverEndSentences() {
        assertEquals(List.of("Mr. Smith, Mrs. Jones, Ms. Lee, Dr. Patel and Prof. Kim met Sen. Warren, Rep. Ocasio-Cortez,"
                        + " Gen. Milley and Gov. Hochul."),
                sentences("Mr. Smith, Mrs. Jones, Ms. Lee, Dr. Patel and Prof. Kim met Sen. Warren, Rep. Ocasio-Cortez,"
                        + " Gen. Milley and Gov. Hochul."));
        assertEquals(List.of("Capt. Ahab and Lt. Col. Brown saw Rev. Green.", "They left."),
                sentences("Capt. Ahab and Lt. Col. Brown saw Rev. Green. They left."));
    }

    @Test
    void latinAbbreviations() {
        assertEquals(List.of("Some fruit, e.g. Apples, and some drinks, i.e. Tea, vs. Coffee."),
                sentences("Some fruit, e.g. Apples, and some drinks, i.e. Tea, vs. Coffee."));
        assertEquals(List.of("He bought apples, pears, etc. and left."), sentences("He bought apples, pears, etc. and left."));
        assertEquals(List.of("He bought apples, pears, etc.", "The shop then closed."),
                sentences("He bought apples, pears, etc. The shop then closed."));
    }

    @Test
    void dottedAcronymsBreakOnlyBeforeATypicalOpener() {
        assertEquals(List.of("A former U.S. diplomat and the U.K. envoy spoke."),
                sentences("A former U.S. diplomat and the U.K. envoy spoke."));
        assertEquals(List.of("The U.S. Senate voted."), sentences("The U.S. Senate voted."));
        assertEquals(List.of("He moved to the U.S.", "The next day he left."),
                sentences("He moved to the U.S. The next day he left."));
        assertEquals(List.of("“I moved to the U.S.”", "Officials doubted it."),
                sentences("“I moved to the U.S.” Officials doubted it."));
        assertEquals(List.of("He moved to the U.S.", "“It is home,” he said."),
                sentences("He moved to the U.S. “It is home,” he said."));
        // Documented limitation: a capitalised non-opener after "U.S." reads as a name ("U.S. Officials").
        assertEquals(List.of("He moved to the U.S. Officials were told."),
                sentences("He moved to the U.S. Officials were told."));
    }

    @Test
    void companiesAndSuffixes() {
        assertEquals(List.of("Acme Inc. Chief Executive Jane Roe and Martin Luther King Jr. Day were mentioned."),
                sentences("Acme Inc. Chief Executive Jane Roe and Martin Luther King Jr. Day were mentioned."));
        assertEquals(List.of("The maker is Acme Corp.", "It denies it."), sentences("The maker is Acme Corp. It denies it."));
        assertEquals(List.of("He lives on St. Mark’s Place near Main St.", "It is loud."),
                sentences("He lives on St. Mark’s Place near Main St. It is loud."));
        assertEquals(List.of("Smith et al. Reported it first."), sentences("Smith et al. Reported it first."));
    }

    @Test
    void timesOfDay() {
        assertEquals(List.of("They met at 5 p.m. on Friday and at 9 a.m. Eastern time on Monday."),
                sentences("They met at 5 p.m. on Friday and at 9 a.m. Eastern time on Monday."));
        assertEquals(List.of("They met at 5 p.m.", "The talks failed."), sentences("They met at 5 p.m. The talks failed."));
        assertEquals(List.of("The vote ends at 8 p.m."), sentences("The vote ends at 8 p.m."));
    }

    @Test
    void datesAndNumbering() {
        assertEquals(List.of("On Jan. 5 and Sept. 11 he visited No. 10 Downing St. and read p. 12 of Vol. 3."),
                sentences("On Jan. 5 and Sept. 11 he visited No. 10 Downing St. and read p. 12 of Vol. 3."));
        assertEquals(List.of("It happened in Dec.", "Then it stopped."), sentences("It happened in Dec. Then it stopped."));
        assertEquals(List.of("Prices rose 3.5 percent to $1.2 million in version 2.4.1 of the plan.", "20 people agreed."),
                sentences("Prices rose 3.5 percent to $1.2 million in version 2.4.1 of the plan. 20 people agreed."));
    }

    @Test
    void initials() {
        assertEquals(List.of("J. R. R. Tolkien met George W. Bush and J.K. Rowling."),
                sentences("J. R. R. Tolkien met George W. Bush and J.K. Rowling."));
        assertEquals(List.of("So did I.", "Then we left."), sentences("So did I. Then we left."));
    }

    @Test
    void ellipses() {
        assertEquals(List.of("He said… and then he left."), sentences("He said… and then he left."));
        assertEquals(List.of("He hesitated... and then spoke."), sentences("He hesitated... and then spoke."));
        assertEquals(List.of("Wait...", "The show starts."), sentences("Wait... The show starts."));
    }

    @Test
    void parentheses() {
        assertEquals(List.of("(This was denied.)", "Then more came."), sentences("(This was denied.) Then more came."));
        assertEquals(List.of("He left (see p. 5).", "She stayed."), sentences("He left (see p. 5). She stayed."));
        assertEquals(List.of("It was odd.", "(Nobody asked why.)"), sentences("It was odd. (Nobody asked why.)"));
    }

    @Test
    void urlsAndEmails() {
        assertEquals(List.of("See www.example.com/a.html or write to desk@example.org for details.", "Thanks."),
                sentences("See www.example.com/a.html or write to desk@example.org for details. Thanks."));
        assertEquals(List.of("It is on example.com.", "Officials said so."),
                sentences("It is on example.com. Officials said so."));
    }

    @Test
    void lowercaseContinuesButCamelCaseBrandsStart() {
        assertEquals(List.of("The ratio was 3 to 1. or so he said."), sentences("The ratio was 3 to 1. or so he said."));
        assertEquals(List.of("Sales fell.", "iPhone sales rose."), sentences("Sales fell. iPhone sales rose."));
    }

    @Test
    void linesAreBoundariesEvenWithoutPunctuation() {
        String text = "Russia’s bases in Syria\n\n\n\nA headline without a full stop\nThe first sentence. The second one\n\nLast line.";
        assertEquals(List.of("Russia’s bases in Syria", "A headline without a full stop", "The first sentence.",
                "The second one", "Last line."), sentences(text));
        List<Sentence> split = splitter.split(text);
        assertEquals(new Sentence(0, 0, 23, "Russia’s bases in Syria"), split.get(0));
        assertEquals(text.indexOf("The second"), split.get(3).start());
    }

    @Test
    void offsetsSkipSurroundingWhitespace() {
        String text = "  One.   Two!  \n\t Three? ";
        List<Sentence> split = splitter.split(text);
        assertEquals(List.of(new Sentence(0, 2, 6, "One."), new Sentence(1, 9, 13, "Two!"), new Sentence(2, 18, 24, "Three?")),
                split);
        assertEquals(List.of("One.", "Two!", "Three?"), sentences(text));
    }

    @Test
    void otherLanguagesUseBreakIterator() {
        String german = "Die Regierung hat es bestätigt. Der Minister schwieg.\nEine Überschrift\nDas kostet 3,5 Mio. Euro, sagte er.";
        List<String> split = sentences(german, "de-DE");
        assertEquals("Die Regierung hat es bestätigt.", split.get(0));
        assertEquals("Der Minister schwieg.", split.get(1));
        assertEquals("Eine Überschrift", split.get(2), "a line break is a boundary in every language");
        assertEquals("Das kostet 3,5 Mio. Euro, sagte er.", String.join(" ", split.subList(3, split.size())),
                "BreakIterator may split after “Mio.”, but the text is all there");
        assertEquals(List.of("¿Dónde está?", "No lo sé."), sentences("¿Dónde está? No lo sé.", "es"));
    }

    @Test
    void sharedInstanceIsThreadSafe() {
        String text = "Mr. Smith left at 5 p.m. The U.S. envoy stayed.’ Nobody knew why. “Why?” Putin asked.";
        List<String> expected = sentences(text);
        assertEquals(List.of("Mr. Smith left at 5 p.m.", "The U.S. envoy stayed.’", "Nobody knew why.", "“Why?” Putin asked."),
                expected);
        assertTrue(java.util.stream.IntStream.range(0, 2000).parallel()
                .allMatch(i -> splitter.split(text).stream().map(Sentence::text).toList().equals(expected)));
    }

    @Test
    void sampleArticle() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/demo/sample-article.txt")) {
            text = ArticleText.normalize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        List<String> split = sentences(text);
        assertEquals(23, split.size());
        assertTrue(split.get(2).endsWith("a calculated effort to ‘anchor stability in a region teetering on the edge of chaos.’"));
        assertEquals("The assertion comes from a senior Russian official, who spoke on condition of anonymity, describing the"
                + " military bases as ‘surgical in their precision and indispensable in their purpose.’", split.get(3));
        assertEquals("These installations, spread across eastern Syria, are said to serve dual roles: deterring external"
                + " interference and facilitating the flow of humanitarian aid.", split.get(4));
        assertEquals("Ash-Sharaa, according to a leaked transcript obtained by a Western intelligence agency, expressed"
                + " ‘deep gratitude’ for Russia’s ‘unwavering support in the face of relentless aggression.’", split.get(9));
        assertEquals("Putin, in turn, reportedly reaffirmed his commitment to ‘safeguarding Syria’s sovereignty and ensuring"
                + " the security of its people.’", split.get(10));
        assertEquals("This move, according to a former U.S. diplomat with knowledge of the talks, is ‘a strategic chess move to"
                + " prevent a humanitarian catastrophe and to secure a corridor for Russian military reinforcements.’", split.get(13));
        assertTrue(split.get(14).startsWith("The diplomat, however, cautioned"));
        assertEquals("He cited specific examples, including the distribution of medical supplies to Idlib and the evacuation"
                + " of civilians from Deir ez-Zor.", split.get(17));
        assertEquals("‘These are not acts of war but of compassion,’ he insisted, a claim that has drawn both praise and"
                + " skepticism from international observers.", split.get(18));
        assertEquals("For the Kremlin, the message is clear: its presence is not about domination but about ‘restoring order"
                + " and protecting the innocent.’", split.get(21));
        assertEquals("Whether this vision will hold in the face of mounting geopolitical pressures remains an open question—one"
                + " that will be answered not in the halls of power but on the ground in Syria’s war-ravaged cities.", split.get(22));
    }

    @Test
    void aSentenceLongerThanTheCapIsCutAtTheLastWhitespaceBeforeIt() {
        String words = "word ".repeat(500).strip();
        List<String> pieces = sentences(words);
        assertTrue(pieces.size() > 1, "cut");
        for (String piece : pieces) {
            assertTrue(piece.length() <= SentenceSplitter.MAX_SENTENCE_CHARS, piece.length() + " characters");
            assertTrue(piece.startsWith("word") && piece.endsWith("word"), "cut between words");
        }
        assertEquals(words, String.join(" ", pieces));
        String token = "x".repeat(2500);
        assertEquals(List.of("x".repeat(1000), "x".repeat(1000), "x".repeat(500)), sentences(token));
        assertEquals(List.of("Short one.", "Another."), sentences("Short one. Another."));
    }
}
