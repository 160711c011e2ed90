package org.factdesk.common;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * {@code ?page=&size=} on every list endpoint. Both are capped (a 400 problem beyond): deep
 * offsets cost the database a scan of everything skipped, and {@code page * size} must not wrap.
 */
public class PageRequest {

    /** The largest page number any list (feeds included) accepts. */
    public static final int MAX_PAGE = 10_000;
    public static final String MAX_PAGE_TEXT = "" + MAX_PAGE;

    /** The largest page size any list (feeds included) accepts. */
    public static final int MAX_SIZE = 200;
    public static final String MAX_SIZE_TEXT = "" + MAX_SIZE;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(MAX_PAGE)
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Max(MAX_SIZE)
    public int size;

    public PageRequest() {
    }

    public PageRequest(int page, int size) {
        this.page = page;
        this.size = size;
    }

    /** Where this page starts, for {@code setFirstResult}. */
    public int offset() {
        return offset(page, size);
    }

    /** Computed in long, so that no page number can wrap into a negative offset. */
    public static int offset(int page, int size) {
        long offset = (long) page * size;
        if (page < 0 || size < 1 || page > MAX_PAGE || size > MAX_SIZE) {
            throw Problems.badRequest("Parameters 'page' and 'size' must be within 0–" + MAX_PAGE + " and 1–" + MAX_SIZE + ".");
        }
        return Math.toIntExact(offset);
    }
}
