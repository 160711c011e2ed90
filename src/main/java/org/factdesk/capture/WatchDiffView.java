package org.factdesk.capture;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * A published source under the link watch: its state, and the text of the preserved copy beside the
 * text the original has now ({@code currentText} only while it is CHANGED; either is null when erased).
 */
public record WatchDiffView(CaptureView.WatchView watch, Instant capturedAt,
                            @Schema(maxLength = PageRecorder.TEXT_MAX) String capturedText,
                            @Schema(maxLength = PageRecorder.TEXT_MAX) String currentText) {
}
