package org.factdesk.intake.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleTextTest {

    @Test
    void paragraphsHeadingsAndListsBecomeLines() {
        String html = """
                <html><head><title>Not body text</title></head><body>
                <article><h1>Bases in   Syria</h1>
                <p>First paragraph,
                   wrapped in the source.</p><p>Second paragraph.</p>
                <ul><li>One</li><li>Two</li></ul>
                <blockquote>A quote.</blockquote><div>A div<div>nested div</div></div>
                <section>Section text</section></article></body></html>""";
        assertEquals("Bases in Syria\nFirst paragraph, wrapped in the source.\nSecond paragraph.\nOne\nTwo\nA quote.\n"
                + "A div\nnested div\nSection text", ArticleText.fromHtml(html));
    }

    @Test
    void lineBreakTagsAndTables() {
        assertEquals("Line one\nLine two\n\nAfter a blank line",
                ArticleText.fromHtml("<p>Line one<br>Line two<br><br><br>After a blank line</p>"));
        assertEquals("Name\nValue\nPutin\nPresident",
                ArticleText.fromHtml("<table><tr><th>Name</th><th>Value</th></tr><tr><td>Putin</td><td>President</td></tr></table>"));
    }

    @Test
    void inlineTagsDoNotBreakLines() {
        assertEquals("A very bold claim, said the U.S. official.",
                ArticleText.fromHtml("<p>A <em>very <strong>bold</strong></em> claim, said the <a href=\"/x\"><span>U.S.</span></a> official.</p>"));
    }

    @Test
    void scriptsStylesAndTemplatesAreDropped() {
        String html = "<body><script>var x = 'no';</script><style>p { color: red }</style><noscript>Enable JS</noscript>"
                + "<template><p>hidden</p></template><p>Visible.</p><nav>Home</nav><figure><img src=a.png>"
                + "<figcaption>A caption.</figcaption></figure></body>";
        assertEquals("Visible.\nHome\nA caption.", ArticleText.fromHtml(html));
    }

    @Test
    void entitiesAreDecodedAndQuotesKept() {
        assertEquals("Tom & Jerry’s “show” costs 5 €, it’s fine.",
                ArticleText.fromHtml("<p>Tom &amp; Jerry&rsquo;s &ldquo;show&rdquo; costs 5&nbsp;&euro;, it’s fine.</p>"));
    }

    @Test
    void preformattedTextKeepsItsLines() {
        assertEquals("Intro\nline 1\nline 2", ArticleText.fromHtml("<p>Intro</p><pre>line 1\nline 2</pre>"));
    }

    @Test
    void blankHtmlGivesEmptyText() {
        assertEquals("", ArticleText.fromHtml(""));
        assertEquals("", ArticleText.fromHtml(null));
        assertEquals("", ArticleText.fromHtml("<div> <p>&nbsp;</p> </div>"));
    }

    @Test
    void normalizeLineEndingsSpacesAndBlankLines() {
        assertEquals("One\nTwo\nThree", ArticleText.normalize("One\r\nTwo\rThree"));
        assertEquals("a b c d", ArticleText.normalize("a\u00A0b\u2009\u2009c\t\td"));
        assertEquals("First\n\nSecond", ArticleText.normalize("  First  \n \n\n\n\t\nSecond \n\n"));
        assertEquals("Line\nSeparated\n\nParagraph", ArticleText.normalize("Line\u2028Separated\u2029\u2029Paragraph"));
    }

    @Test
    void normalizeStripsControlAndInvisibleCharacters() {
        assertEquals("Bell and nul gone, soft hyphen gone.",
                ArticleText.normalize("\uFEFFBell\u0007 and nul\u0000 gone, soft hy\u00ADphen gone."));
        assertEquals("👩\u200D💻 stays", ArticleText.normalize("👩\u200D💻 stays"), "zero-width joiner builds the emoji");
    }

    @Test
    void normalizeComposesToNfcAndKeepsQuotes() {
        assertEquals("Café “quoted” ‘single’ \"straight\"", ArticleText.normalize("Cafe\u0301 “quoted” ‘single’ \"straight\""));
        assertEquals("Caf\u00E9", ArticleText.normalize("Cafe\u0301"));
        assertEquals("", ArticleText.normalize(null));
        assertEquals("", ArticleText.normalize(" \n\t "));
    }

    @Test
    void looksLikeHtml() {
        assertTrue(ArticleText.looksLikeHtml("  \n<!DOCTYPE html><html><body>x</body></html>"));
        assertTrue(ArticleText.looksLikeHtml("<p>Paragraph</p>"));
        assertTrue(ArticleText.looksLikeHtml("<div class=\"a\">x</div>"));
        assertTrue(ArticleText.looksLikeHtml("<article>x<br/>y</article>"));
        assertFalse(ArticleText.looksLikeHtml("Plain text with <p> later"));
        assertFalse(ArticleText.looksLikeHtml("<3 this story"));
        assertFalse(ArticleText.looksLikeHtml("<unknown>thing</unknown>"));
        assertFalse(ArticleText.looksLikeHtml(""));
        assertFalse(ArticleText.looksLikeHtml(null));
    }
}
