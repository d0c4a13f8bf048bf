package io.docstream.extract.bulletin;

/** The lowest and highest annual amount named in a salary statement. */
public record AmountRange(double low, double high) {}
