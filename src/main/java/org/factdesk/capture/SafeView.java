package org.factdesk.capture;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A preserved page made safe to read: a static document with no script, no frame, no plugin, no form
 * target and no event handler, whose images and stylesheets come from the capture (the {@code r/N}
 * paths beside it) and never from the live web. The server also sends it with a CSP that sandboxes it
 * (no script, an opaque origin), so the removal here is the second of two locks, not the only one.
 */
final class SafeView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private SafeView() {
    }

    /** The page's HTML made safe; {@code captured} maps absolute URLs to the index of their record. */
    static String page(InputStream html, String charset, String baseUrl, Map<String, Integer> captured, Capture capture)
            throws IOException {
        Document document = Jsoup.parse(html, charset, baseUrl);
        document.select("script, iframe, frame, frameset, object, embed, applet, base, meta[http-equiv], portal, "
                + "template, svg script, math").remove();
        document.select("noscript").unwrap();
        for (Element element : document.getAllElements()) {
            List<String> drop = new ArrayList<>();
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().trim().toLowerCase(Locale.ROOT);
                if (name.startsWith("on") || name.equals("srcset") || name.equals("formaction") || name.equals("action")
                        || name.equals("ping") || name.endsWith("href") && !element.nameIs("a") && !element.nameIs("link")
                        || value.startsWith("javascript:") || value.startsWith("vbscript:")
                        || value.startsWith("data:") && !element.nameIs("img")) {
                    drop.add(attribute.getKey());
                }
            }
            drop.forEach(element::removeAttr);
        }
        for (Element link : document.select("link")) {
            String rel = link.attr("rel").toLowerCase(Locale.ROOT);
            if (!(rel.contains("stylesheet") || rel.contains("icon"))) {
                link.remove();
            } else {
                local(link, "href", captured);
            }
        }
        document.select("img[src], input[type=image][src], audio[src], video[src], source[src], track[src]")
                .forEach(e -> local(e, "src", captured));
        document.select("video[poster]").forEach(e -> local(e, "poster", captured));
        for (Element anchor : document.select("a[href]")) {
            String target = anchor.absUrl("href");
            if (target.startsWith("http://") || target.startsWith("https://")) {
                anchor.attr("href", target).attr("rel", "noopener noreferrer");
            } else {
                anchor.removeAttr("href");
            }
        }
        document.select("head").first().prependElement("meta").attr("name", "referrer").attr("content", "no-referrer");
        banner(document.body(), capture);
        return document.outerHtml();
    }

    /** A page for a preserved file that is not HTML (a PDF, an image): the banner and the file. */
    static String file(Capture capture, int index, String contentType) {
        Document document = Document.createShell("");
        document.title("Preserved copy of " + capture.url);
        banner(document.body(), capture);
        Element body = document.body();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("image/")) {
            body.appendElement("img").attr("src", "r/" + index).attr("alt", "The preserved image");
        }
        body.appendElement("p").appendElement("a").attr("href", "r/" + index).text("Open the preserved file");
        return document.outerHtml();
    }

    private static void local(Element element, String attribute, Map<String, Integer> captured) {
        Integer index = captured.get(element.absUrl(attribute));
        if (index == null) {
            element.removeAttr(attribute);
        } else {
            element.attr(attribute, "r/" + index);
        }
    }

    private static void banner(Element body, Capture capture) {
        Element banner = body.prependElement("div").attr("role", "note").attr("style",
                "all:initial;display:block;font:14px/1.4 system-ui,sans-serif;background:#fff8dc;color:#222;"
                        + "border-bottom:1px solid #c9b458;padding:8px 12px;");
        banner.appendText("Preserved copy of ");
        banner.appendElement("a").attr("href", capture.url).attr("rel", "noopener noreferrer").text(capture.url);
        banner.appendText(", captured " + WHEN.format(capture.capturedAt) + ". SHA-256 of the WARC file: "
                + capture.warcDigest + ". Scripts removed; links lead to the live web.");
    }
}
