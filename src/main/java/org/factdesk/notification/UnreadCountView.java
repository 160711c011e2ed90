package org.factdesk.notification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How many of the caller's notifications are unread: exact up to {@value NotificationService#UNREAD_COUNT_MAX}
 * ({@code exact}); above it {@code count} is that bound and {@code exact} false (shown as "99+" or the like).
 */
public record UnreadCountView(@Schema(minimum = "0", maximum = NotificationService.UNREAD_COUNT_MAX_TEXT) int count,
                              boolean exact) {
}
