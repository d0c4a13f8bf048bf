package io.docstream.extract.bulletin;

/** The section headings the rules care about; every other heading only ends the section before it. */
public enum Heading {
    ANNUAL_SALARY,
    NOTES,
    DUTIES,
    REQUIREMENTS,
    PROCESS_NOTES,
    WHERE_TO_APPLY,
    APPLICATION_DEADLINE,
    /** Some bulletins state where to apply and the deadline under one "APPLICATION PROCESS" heading. */
    APPLICATION_PROCESS,
    SELECTION_PROCESS,
    OTHER
}
