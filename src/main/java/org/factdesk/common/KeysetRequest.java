package org.factdesk.common;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

/**
 * {@code ?page=&size=} and {@code ?after=}: the long lists (tickets, claims, a ticket's history)
 * also page by key, which costs the same at any depth where an offset scans everything it skips.
 * {@code after} is the {@code next} of the page before; it cannot be combined with a page number.
 */
public class KeysetRequest extends PageRequest {

    @QueryParam("after")
    @Size(max = Cursor.MAX_LENGTH)
    public String after;

    public KeysetRequest() {
    }

    public KeysetRequest(int page, int size, String after) {
        super(page, size);
        this.after = after;
    }

    /** The offset to apply: 0 after a cursor (which must then come without a page number). */
    @Override
    public int offset() {
        if (after != null && page != 0) {
            throw Problems.badRequest("Parameters 'after' and 'page' cannot be combined: 'after' starts a page of its own.");
        }
        return super.offset();
    }
}
