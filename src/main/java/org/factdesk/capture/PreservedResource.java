package org.factdesk.capture;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.factdesk.common.Limits;

import java.io.InputStream;

/**
 * Preserved copies, for the desk and the public alike: whoever has the address (it holds a key of
 * 256 random bits) may read the copy. Every answer under {@code /preserved/} is sent with a CSP that
 * sandboxes it ({@code ResponseHeaders}): no script runs and it never shares the app's origin.
 */
@Path(CaptureView.PRESERVED + "{id}/{key}")
@PermitAll
public class PreservedResource {

    /** A key is 64 hex digits; a longer one is refused before it is looked up. */
    static final int KEY_MAX = 64;

    @Inject
    PreservedCopies copies;

    /** The page as a safe, static view: scripts removed, images and stylesheets from the capture. */
    @GET
    @Path("/")
    @Produces(MediaType.TEXT_HTML)
    public Response view(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id,
                         @PathParam("key") @Size(max = KEY_MAX) String key) {
        return Response.ok(copies.view(id, key)).build();
    }

    /** One recorded file (an image, a stylesheet, the page itself), decoded, with its recorded media type. */
    @GET
    @Path("r/{index}")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id, @PathParam("key") @Size(max = KEY_MAX) String key,
                         @PathParam("index") @Min(0) @Max(Integer.MAX_VALUE) int index) {
        PreservedCopies.File file = copies.file(id, key, index);
        return Response.ok(stream(file.content()), file.contentType()).build();
    }

    /** The WARC file, for any standard WARC tool; its SHA-256 is the one in the audit trail. */
    @GET
    @Path("capture.warc.gz")
    @Produces("application/warc")
    public Response warc(@PathParam("id") @Min(1) @Max(Limits.ID_MAX) long id, @PathParam("key") @Size(max = KEY_MAX) String key) {
        PreservedCopies.File file = copies.warc(id, key);
        return Response.ok(stream(file.content()), file.contentType())
                .header("Content-Disposition", "attachment; filename=\"capture-" + id + ".warc.gz\"").build();
    }

    private static StreamingOutput stream(InputStream content) {
        return out -> {
            try (InputStream in = content) {
                in.transferTo(out);
            }
        };
    }
}
