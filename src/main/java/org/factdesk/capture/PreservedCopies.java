package org.factdesk.capture;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.factdesk.common.Problems;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reading preserved copies by their address ({@code /preserved/{id}/{key}/}): the safe view of the
 * page, one recorded file, or the whole WARC. Whoever has the address may read the copy; a wrong id,
 * a wrong key, an unfinished and an erased capture all answer the same 404.
 */
@ApplicationScoped
public class PreservedCopies {

    /** A file to send: its media type and its bytes, streamed from the store. */
    public record File(String contentType, InputStream content) {
    }

    @Inject
    CaptureService captures;

    @Inject
    CaptureStore store;

    public String view(long id, String key) {
        Capture capture = readable(id, key);
        int page = pageIndex(capture);
        try {
            WarcResponse response = response(capture, page);
            String type = response.http().headers().first("Content-Type").orElse("");
            // A page too large to parse is shown as a file, as the recorder did not read it either.
            if (!PageRecorder.isHtml(type) || capture.records.path(page).path("size").asLong() > PageRecorder.PARSE_MAX) {
                return SafeView.file(capture, page, type);
            }
            String charset = PageRecorder.charsetOf(type);
            try (InputStream body = response.http().bodyDecoded().stream()) {
                return SafeView.page(body, charset, capture.finalUrl, capturedFiles(capture), capture);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code index}th record's payload, as its server sent it (decoded), with its media type. */
    public File file(long id, String key, int index) {
        Capture capture = readable(id, key);
        JsonNode entry = capture.records.path(index);
        if (entry.isMissingNode() || entry.path("offset").isNull() || entry.path("offset").isMissingNode()) {
            throw gone();
        }
        try {
            WarcResponse response = response(capture, index);
            String type = response.http().headers().first("Content-Type").orElse("application/octet-stream");
            return new File(type, response.http().bodyDecoded().stream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The capture's WARC file, as stored (its SHA-256 is the one in the audit trail). */
    public File warc(long id, String key) {
        Capture capture = readable(id, key);
        return new File("application/warc", store.open(capture.warcDigest, 0).orElseThrow(PreservedCopies::gone));
    }

    private Capture readable(long id, String key) {
        return captures.byKey(id, key).filter(c -> c.state == Capture.State.DONE && c.erasedAt == null)
                .orElseThrow(PreservedCopies::gone);
    }

    private WarcResponse response(Capture capture, int index) throws IOException {
        long offset = capture.records.path(index).path("offset").asLong();
        InputStream in = store.open(capture.warcDigest, offset).orElseThrow(PreservedCopies::gone);
        WarcReader reader = new WarcReader(in);
        Optional<WarcRecord> record = reader.next();
        if (record.isEmpty() || !(record.get() instanceof WarcResponse response)) {
            reader.close();
            throw gone();
        }
        return response;
    }

    /** The page's own record: the last hop to the URL the page ended up at. */
    private static int pageIndex(Capture capture) {
        for (int i = 0; i < capture.records.size(); i++) {
            JsonNode entry = capture.records.get(i);
            if (entry.path("uri").asText().equals(capture.finalUrl) && entry.hasNonNull("offset")) {
                return i;
            }
        }
        throw gone();
    }

    /** Recorded files the view may show: answered 2xx, by absolute URL. */
    private static Map<String, Integer> capturedFiles(Capture capture) {
        Map<String, Integer> files = new HashMap<>();
        for (int i = 0; i < capture.records.size(); i++) {
            JsonNode entry = capture.records.get(i);
            int status = entry.path("status").asInt();
            if (entry.hasNonNull("offset") && status >= 200 && status < 300) {
                files.putIfAbsent(entry.path("uri").asText(), i);
            }
        }
        return files;
    }

    private static RuntimeException gone() {
        return Problems.notFound("Preserved copy", "at this address");
    }
}
