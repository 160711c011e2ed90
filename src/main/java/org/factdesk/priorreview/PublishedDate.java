package org.factdesk.priorreview;

import org.factdesk.common.StorableDate;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

/**
 * A date or date-time as fact-checkers write it, with the offset it was written in. Reads ISO 8601
 * and its common variants (a space instead of {@code T}, no seconds, offsets written {@code +0200}
 * or {@code +02}, a zone name), RFC 1123, and written dates ({@code March 5, 2024},
 * {@code 5 Mar 2024}, {@code 2024/03/05}). A time without an offset is taken as UTC, a date
 * without a time as midnight UTC; neither has an offset to keep.
 *
 * @param instant the moment
 * @param offset  the offset the source wrote, or null when it wrote none
 */
record PublishedDate(Instant instant, ZoneOffset offset) {

    private static final Instant FIRST = LocalDate.of(StorableDate.MIN_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant AFTER_LAST = LocalDate.of(StorableDate.MAX_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    /** Numeric dates with an optional time and an optional offset or zone, '-' or '/' between the date's parts. */
    private static final List<DateTimeFormatter> NUMERIC = List.of(numeric('-'), numeric('/'));

    private static final List<DateTimeFormatter> WRITTEN = List.of(
            written("MMMM d, uuuu"), written("MMM d, uuuu"), written("MMM'.' d, uuuu"), written("d MMMM uuuu"),
            written("d MMM uuuu"), written("d/M/uuuu"), written("uuuuMMdd"));

    /** The date in {@code value}; IllegalArgumentException naming {@code field} when it is none or out of range. */
    static PublishedDate parse(String value, String field) {
        PublishedDate date = read(value.strip());
        if (date == null) {
            throw new IllegalArgumentException(field + " is not a date: " + value);
        }
        if (date.instant.isBefore(FIRST) || !date.instant.isBefore(AFTER_LAST)) {
            throw new IllegalArgumentException(field + " is not between the years " + StorableDate.MIN_YEAR + " and "
                    + StorableDate.MAX_YEAR + ": " + value);
        }
        return date;
    }

    /** The offset as ISO writes it ({@code +02:00}, {@code Z}), or null. */
    String offsetId() {
        return offset == null ? null : offset.getId();
    }

    private static PublishedDate read(String value) {
        try {
            // ISO, also with a zone in brackets: the offset as written, even where the zone's rules disagree
            OffsetDateTime iso = OffsetDateTime.parse(value, DateTimeFormatter.ISO_DATE_TIME);
            return new PublishedDate(iso.toInstant(), iso.getOffset());
        } catch (DateTimeException ignored) {
            // try the next form
        }
        for (DateTimeFormatter form : NUMERIC) {
            PublishedDate date = best(form, value);
            if (date != null) {
                return date;
            }
        }
        try {
            ZonedDateTime rfc = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            return new PublishedDate(rfc.toInstant(), rfc.getOffset());
        } catch (DateTimeException ignored) {
            // try the next form
        }
        for (DateTimeFormatter form : WRITTEN) {
            try {
                return new PublishedDate(LocalDate.parse(value, form).atStartOfDay(ZoneOffset.UTC).toInstant(), null);
            } catch (DateTimeException ignored) {
                // try the next form
            }
        }
        return null;
    }

    private static PublishedDate best(DateTimeFormatter form, String value) {
        TemporalAccessor parsed;
        try {
            parsed = form.parseBest(value, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
        } catch (DateTimeParseException e) {
            return null;
        }
        if (parsed instanceof ZonedDateTime zoned) {
            return new PublishedDate(zoned.toInstant(), zoned.getOffset());
        }
        if (parsed instanceof LocalDateTime local) {
            return new PublishedDate(local.toInstant(ZoneOffset.UTC), null);
        }
        return new PublishedDate(((LocalDate) parsed).atStartOfDay(ZoneOffset.UTC).toInstant(), null);
    }

    private static DateTimeFormatter numeric(char separator) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive()
                .appendValue(ChronoField.YEAR, 4).appendLiteral(separator)
                .appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, SignStyle.NEVER).appendLiteral(separator)
                .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NEVER)
                .optionalStart()
                .optionalStart().appendLiteral('T').optionalEnd()
                .optionalStart().appendLiteral(' ').optionalEnd()
                .appendValue(ChronoField.HOUR_OF_DAY, 1, 2, SignStyle.NEVER).appendLiteral(':')
                .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
                .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
                .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
                .optionalEnd()
                .optionalStart().appendLiteral(' ').optionalEnd()
                .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
                .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
                .optionalStart().appendOffset("+HH", "Z").optionalEnd()
                .optionalStart().appendZoneRegionId().optionalEnd()
                .optionalEnd()
                .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT).withChronology(java.time.chrono.IsoChronology.INSTANCE);
    }

    private static DateTimeFormatter written(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
    }
}
