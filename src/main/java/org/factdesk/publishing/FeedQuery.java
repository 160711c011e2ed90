package org.factdesk.publishing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.factdesk.claim.ClaimRequest;
import org.factdesk.common.Cursor;
import org.factdesk.common.Limits;
import org.factdesk.common.PageRequest;
import org.factdesk.rating.RatingScaleResource;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.factdesk.common.StorableDate;

/** Filters and paging shared by every feed. Dates are UTC days, {@code to} inclusive. */
public class FeedQuery {

    @QueryParam("topic")
    @Size(max = ClaimRequest.TOPIC_MAX)
    public String topic;

    /** A rating label, e.g. {@code False} or {@code Mostly true}. */
    @QueryParam("rating")
    @Size(max = RatingScaleResource.LABEL_MAX)
    public String rating;

    @QueryParam("language")
    @Size(max = Limits.LANGUAGE_TAG_MAX)
    public String language;

    @QueryParam("from")
    @StorableDate
    public LocalDate from;

    @QueryParam("to")
    @StorableDate
    public LocalDate to;

    /** Capped like every list's ({@link PageRequest}). */
    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(PageRequest.MAX_PAGE)
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(1)
    @Max(PageRequest.MAX_SIZE)
    public int size;

    /** The next link's cursor: the entries after it, at the same cost however deep (not with {@code page}). */
    @QueryParam("after")
    @Size(max = Cursor.MAX_LENGTH)
    public String after;

    /** The query string of this feed at another page (for paging links). */
    public String queryAt(int otherPage) {
        return query(otherPage, null);
    }

    /** The query string of the page after this cursor (the next link). */
    public String queryAfter(String cursor) {
        return query(0, cursor);
    }

    /** This page's own query string. */
    public String self() {
        return query(page, after);
    }

    private String query(int otherPage, String cursor) {
        Map<String, String> params = new LinkedHashMap<>();
        if (topic != null) params.put("topic", topic);
        if (rating != null) params.put("rating", rating);
        if (language != null) params.put("language", language);
        if (from != null) params.put("from", from.toString());
        if (to != null) params.put("to", to.toString());
        if (size != 50) params.put("size", Integer.toString(size));
        if (otherPage > 0) params.put("page", Integer.toString(otherPage));
        if (cursor != null) params.put("after", cursor);
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return query.toString();
    }

    java.time.Instant fromInstant() {
        return from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    java.time.Instant toInstant() {
        return to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
