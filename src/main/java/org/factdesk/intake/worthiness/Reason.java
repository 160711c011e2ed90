package org.factdesk.intake.worthiness;

/** One reason: a feature that fired, a human label, and its signed contribution (weight × value) to the log-odds. */
public record Reason(String feature, String label, double contribution) {}
