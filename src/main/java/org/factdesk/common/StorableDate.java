package org.factdesk.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;

/**
 * A date or time between the years 1 and 9999 (UTC). Java reads years up to ±999,999,999, which
 * PostgreSQL cannot store (its timestamps end in 294276 AD) and day arithmetic overflows at the
 * ends; four-digit years are also what ISO 8601, feeds and browsers expect. Null is valid.
 * {@link DatabaseProblems} is the net for a date field without it.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = StorableDate.Validator.class)
public @interface StorableDate {

    int MIN_YEAR = 1;
    int MAX_YEAR = 9999;

    String message() default "must be a date between the years 1 and 9999";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<StorableDate, TemporalAccessor> {
        @Override
        public boolean isValid(TemporalAccessor value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            int year;
            if (value instanceof LocalDate date) {
                year = date.getYear();
            } else if (value instanceof OffsetDateTime time) {
                year = time.withOffsetSameInstant(ZoneOffset.UTC).getYear();
            } else {
                year = OffsetDateTime.from(value).withOffsetSameInstant(ZoneOffset.UTC).getYear();
            }
            return year >= MIN_YEAR && year <= MAX_YEAR;
        }
    }
}
