package io.docstream.extract.bulletin;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates written out in words, "THURSDAY, MARCH 15, 2018", "March 15 2018", "SEPTEMEBER 28, 2017". */
final class WrittenDates {

    /** Month names by their first three letters, which also survive the typos found in bulletins. */
    static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?i)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s*(\\d{4})\\b");

    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private WrittenDates() {
    }

    static Optional<LocalDate> toDate(Matcher match) {
        int month = MONTHS.indexOf(match.group(1).toLowerCase(Locale.ROOT)) / 3 + 1;
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(match.group(3)), month, Integer.parseInt(match.group(2))));
        } catch (DateTimeException impossibleDate) {
            // "FEBRUARY 30, 2018" is the bulletin's error: treat it as no date.
            return Optional.empty();
        }
    }
}
