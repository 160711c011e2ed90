package org.factdesk.capture;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The safe view against markup that tries to run something or to reach the live web. The CSP sandbox
 * is the first lock (checked in CaptureTest and in the browser by the e2e); this is the second.
 */
class SafeViewTest {

    static final String HOSTILE = """
            <html><head><base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example">
            <link rel="stylesheet" href="/s.css"><link rel="preload" href="https://evil.example/x.js" as="script">
            <link rel="import" href="https://evil.example/i.html"><script>alert(1)</script>
            <SCRIPT SRC="https://evil.example/a.js"></SCRIPT></head>
            <body onload="alert(2)"><h1 onclick="alert(3)">Figures</h1>
            <img src="/chart.png" onerror="alert(4)" srcset="https://evil.example/big.png 2x">
            <img src="https://tracker.example/pixel.gif">
            <a href=" javascript:alert(5)">bad</a><a href="/more">more</a><a href="vbscript:x">vb</a>
            <iframe srcdoc="<script>alert(6)</script>"></iframe><object data="x.swf"></object><embed src="y">
            <form action="https://evil.example/steal"><input name="q"><button formaction="https://evil.example/b">go</button></form>
            <svg><script>alert(7)</script><a xlink:href="javascript:alert(8)"><text>t</text></a></svg>
            <math><mtext><script>alert(9)</script></mtext></math>
            <noscript><p>Shown without scripts</p></noscript>
            <template><script>alert(10)</script></template>
            <div style="color:red">styled</div></body></html>""";

    @Test
    void nothingThatRunsOrLoadsFromTheLiveWebSurvives() throws Exception {
        Capture capture = Capture.newFor(1, 2L, "https://site.example/report", "alice", Instant.now());
        capture.capturedAt = Instant.parse("2026-12-01T10:15:00Z");
        capture.warcDigest = "sha256:" + "ab".repeat(32);
        // Addresses resolve as a browser resolves them, against the page's <base>, as the recorder fetched them.
        String html = SafeView.page(new ByteArrayInputStream(HOSTILE.getBytes(StandardCharsets.UTF_8)), "UTF-8",
                "https://site.example/report", Map.of("https://evil.example/s.css", 1, "https://evil.example/chart.png", 2),
                capture);
        Document view = Jsoup.parse(html);

        assertTrue(view.select("script, iframe, object, embed, base, meta[http-equiv], template, math").isEmpty(), html);
        for (Element element : view.getAllElements()) {
            for (var attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().toLowerCase(Locale.ROOT).strip();
                assertFalse(name.startsWith("on"), "event handler " + name + " on " + element.tagName());
                assertFalse(value.startsWith("javascript:") || value.startsWith("vbscript:"), name + "=" + value);
                assertFalse(name.equals("srcset") || name.equals("action") || name.equals("formaction"), name);
                if (name.equals("src") || element.nameIs("link") && name.equals("href")) {
                    assertTrue(value.startsWith("r/"), "only the capture's files load: " + name + "=" + value);
                }
            }
        }
        assertEquals(List.of("r/1"), view.select("link").eachAttr("href"), "only the captured stylesheet stays");
        assertEquals(List.of("r/2"), view.select("img[src]").eachAttr("src"), "the tracker, never captured, loads nothing");
        assertEquals("https://evil.example/more", view.select("a:contains(more)").attr("href"));
        assertTrue(html.contains("Shown without scripts") && html.contains("styled"), html);
        assertTrue(view.text().contains("Preserved copy of https://site.example/report, captured 1 December 2026, 10:15 UTC"),
                view.text());
        assertTrue(view.text().contains(capture.warcDigest));
    }

    @Test
    void theBannerEscapesWhatTheCapturedAddressSays() {
        Capture capture = Capture.newFor(1, 2L, "https://site.example/?q=<script>alert(1)</script>", "alice", Instant.now());
        capture.capturedAt = Instant.now();
        capture.warcDigest = "sha256:" + "00".repeat(32);
        String html = SafeView.file(capture, 0, "application/pdf");
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }
}
