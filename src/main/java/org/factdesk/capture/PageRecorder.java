package org.factdesk.capture;

import org.factdesk.outbound.OutboundClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fetches a page and the subresources it needs to be read (stylesheets, images, scripts, icons)
 * through the guarded {@link OutboundClient} and writes every exchange to a gzip-compressed WARC file:
 * a {@code request} and a {@code response} record each, with SHA-256 block and payload digests.
 * Bodies are spooled to a temporary file as they arrive, so memory stays flat whatever the size.
 *
 * <p>Redirects are followed hop by hop, each through the client again, so the address guard checks
 * every target. The page itself must arrive whole in time; subresources are best effort within what
 * is left of the budget (bytes and time), and one that fails is listed with its reason.
 */
final class PageRecorder {

    /** Limits of one capture. */
    record Budget(long maxBytes, long maxResourceBytes, int maxResources, Instant deadline, boolean allowPrivate) {
    }

    /**
     * A record written, or a subresource that could not be: its URL, the response's offset in the WARC
     * (null when failed), status, media type, payload size and digest, why it was cut short, or the error.
     */
    record Entry(String uri, Long offset, Integer status, String contentType, Long size, String payloadDigest,
                 String truncated, String error) {
    }

    /** What a capture recorded: the WARC, where the page ended up, its text and every record. */
    record Recorded(Path warc, String finalUrl, int status, String contentType, String text, boolean truncated,
                    List<Entry> entries) {
    }

    /** A capture that could not record the page itself; the reason is ours, fit for the desk. */
    static final class Failed extends Exception {
        Failed(String reason) {
            super(reason);
        }
    }

    /** The most hops of redirects followed for one URL. */
    static final int MAX_REDIRECTS = 5;
    /** The page's text kept for the desk and the link watch. */
    static final int TEXT_MAX = 200_000;
    /** The largest page parsed for subresources and text (a larger one is kept, but not read). */
    static final long PARSE_MAX = 10L * 1024 * 1024;

    private static final String ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

    private final OutboundClient client;

    PageRecorder(OutboundClient client) {
        this.client = client;
    }

    /** One exchange spooled to disk: the response's head and its body's file, length and digests. */
    private record Exchange(URI uri, OutboundClient.Answer head, Path body, long length, String payloadDigest,
                            String blockDigest, OutboundClient.Truncation truncation, Instant at) {
    }

    Recorded record(String url, Budget budget) throws Failed, IOException {
        Path warc = Files.createTempFile("factdesk-capture-", ".warc.gz");
        boolean done = false;
        try (FileChannel channel = FileChannel.open(warc, StandardOpenOption.WRITE);
             WarcWriter writer = new WarcWriter(channel, WarcCompression.GZIP)) {
            writer.write(new Warcinfo.Builder().date(Instant.now())
                    .fields(Map.of("software", List.of("Factdesk"), "format", List.of("WARC File Format 1.1"),
                            "description", List.of("Preserved copy of " + url)))
                    .build());
            List<Entry> entries = new ArrayList<>();
            long[] used = {0};
            Exchange page;
            try {
                page = fetch(url, budget, budget.maxBytes(), writer, entries, used);
            } catch (OutboundClient.Failure e) {
                throw new Failed(e.getMessage());
            }
            if (page.truncation() == OutboundClient.Truncation.TIME) {
                throw new Failed("no complete answer from " + page.uri().getHost() + " within the time limit");
            }
            String type = page.head().headers().stream().filter(h -> h.name().equalsIgnoreCase("Content-Type"))
                    .map(OutboundClient.HeaderLine::value).findFirst().orElse("");
            boolean truncated = page.truncation() != OutboundClient.Truncation.NONE;
            String text = "";
            if (page.length() <= PARSE_MAX && isHtml(type)) {
                Document document;
                try (InputStream in = Files.newInputStream(page.body())) {
                    document = Jsoup.parse(in, charsetOf(type), page.uri().toString());
                }
                text = textOf(document);
                List<String> resources = new ArrayList<>(subresources(document));
                for (String resource : resources.subList(0, Math.min(resources.size(), budget.maxResources()))) {
                    long left = budget.maxBytes() - used[0];
                    if (left <= 0 || !Instant.now().isBefore(budget.deadline())) {
                        truncated = true;
                        break;
                    }
                    try {
                        Exchange got = fetch(resource, budget, Math.min(budget.maxResourceBytes(), left), writer,
                                entries, used);
                        Files.deleteIfExists(got.body());
                        truncated |= got.truncation() == OutboundClient.Truncation.TIME;
                    } catch (OutboundClient.Failure e) {
                        entries.add(new Entry(resource, null, null, null, null, null, null, e.getMessage()));
                    }
                }
                truncated |= resources.size() > budget.maxResources();
            } else if (page.length() <= PARSE_MAX && type.toLowerCase(Locale.ROOT).startsWith("text/plain")) {
                String charset = charsetOf(type);
                text = cap(new String(Files.readAllBytes(page.body()), charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset)));
            }
            Files.deleteIfExists(page.body());
            done = true;
            return new Recorded(warc, page.uri().toString(), page.head().status(), type, text, truncated, entries);
        } finally {
            if (!done) {
                Files.deleteIfExists(warc);
            }
        }
    }

    /** Fetches a URL, following redirects, and writes each hop; answers the last hop (its body still on disk). */
    private Exchange fetch(String url, Budget budget, long maxBytes, WarcWriter writer, List<Entry> entries, long[] used)
            throws OutboundClient.Failure, IOException {
        String target = url;
        long spent = 0;
        for (int hop = 0; ; hop++) {
            Exchange exchange = exchange(target, budget, maxBytes - spent);
            spent += exchange.length();
            used[0] += exchange.length();
            long offset = writer.position();
            write(writer, exchange);
            entries.add(new Entry(exchange.uri().toString(), offset, exchange.head().status(), contentType(exchange),
                    exchange.length(), exchange.payloadDigest(), truncation(exchange.truncation()), null));
            Optional<String> location = redirect(exchange);
            if (location.isEmpty() || hop == MAX_REDIRECTS) {
                return exchange;
            }
            Files.deleteIfExists(exchange.body());
            try {
                target = exchange.uri().resolve(location.get().trim()).toString();
            } catch (IllegalArgumentException e) {
                throw new OutboundClient.Failure(OutboundClient.Failure.Kind.FAILED,
                        exchange.uri().getHost() + " redirected to an address that is not a URL");
            }
        }
    }

    private Exchange exchange(String url, Budget budget, long maxBytes) throws OutboundClient.Failure {
        URI uri = URI.create(url);
        Map<String, String> headers = Map.of("Accept", ACCEPT, "Accept-Encoding", "identity");
        Instant at = Instant.now();
        return client.exchange(OutboundClient.Request.get(url, headers), budget.allowPrivate(), budget.deadline(),
                Math.max(0, maxBytes), answer -> {
                    MessageDigest payload = sha256();
                    Path body = Files.createTempFile("factdesk-capture-", ".body");
                    long length = 0;
                    try (OutputStream out = Files.newOutputStream(body)) {
                        byte[] buffer = new byte[8192];
                        for (int n; (n = answer.body().read(buffer)) >= 0; ) {
                            out.write(buffer, 0, n);
                            payload.update(buffer, 0, n);
                            length += n;
                        }
                    } catch (IOException e) {
                        Files.deleteIfExists(body);
                        throw e;
                    }
                    // The block is the HTTP head (which states the kept length) and the body: known only now.
                    byte[] httpHeader;
                    try (FileChannel channel = FileChannel.open(body, StandardOpenOption.READ)) {
                        httpHeader = httpResponse(answer, channel, length).serializeHeader();
                    }
                    MessageDigest block = sha256();
                    block.update(httpHeader);
                    try (InputStream in = Files.newInputStream(body)) {
                        byte[] buffer = new byte[64 * 1024];
                        for (int n; (n = in.read(buffer)) >= 0; ) {
                            block.update(buffer, 0, n);
                        }
                    }
                    return new Exchange(uri, answer, body, length, new WarcDigest(payload).toString(),
                            new WarcDigest(block).toString(), answer.body().truncation(), at);
                });
    }

    private static void write(WarcWriter writer, Exchange exchange) throws IOException {
        OutboundClient.Answer head = exchange.head();
        HttpRequest.Builder request = new HttpRequest.Builder("GET", pathOf(exchange.uri()))
                .addHeader("Host", exchange.uri().getRawAuthority())
                .addHeader("User-Agent", "Factdesk")
                .addHeader("Accept", ACCEPT)
                .addHeader("Accept-Encoding", "identity");
        try (FileChannel body = FileChannel.open(exchange.body(), StandardOpenOption.READ)) {
            WarcResponse.Builder response = new WarcResponse.Builder(exchange.uri()).date(exchange.at())
                    .body(httpResponse(head, body, exchange.length()))
                    .blockDigest(new WarcDigest(exchange.blockDigest()))
                    .payloadDigest(new WarcDigest(exchange.payloadDigest()))
                    .ipAddress(head.address());
            if (exchange.truncation() != OutboundClient.Truncation.NONE) {
                response.truncated(exchange.truncation() == OutboundClient.Truncation.TIME
                        ? WarcTruncationReason.TIME : WarcTruncationReason.LENGTH);
            }
            WarcResponse written = response.build();
            writer.write(written);
            HttpRequest sent = request.build();
            MessageDigest block = sha256();
            block.update(sent.serializeHeader());
            writer.write(new WarcRequest.Builder(exchange.uri()).date(exchange.at()).body(sent)
                    .blockDigest(new WarcDigest(block)).concurrentTo(written.id()).build());
        }
    }

    /**
     * The response's HTTP head as it came, less what no longer describes the stored body: the client
     * has undone the transfer coding, so {@code Transfer-Encoding} goes and the length is the kept one.
     */
    private static HttpResponse httpResponse(OutboundClient.Answer head, FileChannel body, long length) {
        HttpResponse.Builder http = new HttpResponse.Builder(head.status(), head.reason() == null ? "" : head.reason());
        for (OutboundClient.HeaderLine header : head.headers()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (!name.equals("transfer-encoding") && !name.equals("content-length")) {
                http.addHeader(header.name(), header.value());
            }
        }
        http.addHeader("Content-Length", Long.toString(length));
        // No media type of ours: the head keeps the server's Content-Type, or none.
        return http.body(null, body, length).build();
    }

    private static Optional<String> redirect(Exchange exchange) {
        int status = exchange.head().status();
        if (status < 300 || status > 399 || status == 304) {
            return Optional.empty();
        }
        return exchange.head().headers().stream().filter(h -> h.name().equalsIgnoreCase("Location"))
                .map(OutboundClient.HeaderLine::value).findFirst();
    }

    /** What the page needs to be read: stylesheets, images, scripts (kept, never run), icons, posters. */
    static Set<String> subresources(Document document) {
        Set<String> urls = new LinkedHashSet<>();
        for (Element e : document.select("link[href]")) {
            String rel = e.attr("rel").toLowerCase(Locale.ROOT);
            if (rel.contains("stylesheet") || rel.contains("icon")) {
                urls.add(e.absUrl("href"));
            }
        }
        document.select("img[src], script[src], input[type=image][src]").forEach(e -> urls.add(e.absUrl("src")));
        document.select("video[poster]").forEach(e -> urls.add(e.absUrl("poster")));
        urls.removeIf(u -> !(u.startsWith("http://") || u.startsWith("https://")));
        return urls;
    }

    private static String contentType(Exchange exchange) {
        return exchange.head().headers().stream().filter(h -> h.name().equalsIgnoreCase("Content-Type"))
                .map(OutboundClient.HeaderLine::value).findFirst().orElse(null);
    }

    private static String truncation(OutboundClient.Truncation truncation) {
        return switch (truncation) {
            case NONE -> null;
            case LENGTH -> "length";
            case TIME -> "time";
        };
    }

    private static String pathOf(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** The charset a Content-Type names, if this JVM knows it. */
    static String charsetOf(String contentType) {
        try {
            String charset = MediaType.parseLeniently(contentType).parameters().get("charset");
            return charset != null && Charset.isSupported(charset) ? charset : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The text a reader sees on the page, as the desk and the link watch compare it. */
    static String textOf(Document document) {
        return cap(document.body() == null ? "" : document.body().text());
    }

    static boolean isHtml(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/html") || type.startsWith("application/xhtml");
    }

    private static String cap(String text) {
        return text.length() <= TEXT_MAX ? text : text.substring(0, TEXT_MAX);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
