package io.docstream.extract.bulletin;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as bulletins write them: "THURSDAY, MARCH 15, 2018", "March 15 2018", "Mar. 15th, 2018",
 * "SEPTEMEBER 28, 2017", and in figures, month first: "3/15/2018", "03-15-2018", "3/15/18".
 */
final class WrittenDates {

    /** Month names by their first three letters, which also survive the typos found in bulletins. */
    static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "(?i)\\b(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s*(\\d{4})"
                    + "|(\\d{1,2})([/-])(\\d{1,2})\\5(\\d{4}|\\d{2}))\\b");

    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";
    /** Two-digit years: "99" is 1999, "18" is 2018, as for the open date. */
    private static final int CENTURY_PIVOT = 70;

    private WrittenDates() {}

    static Optional<LocalDate> toDate(Matcher match) {
        int year;
        int month;
        int day;
        if (match.group(1) != null) {
            month = MONTHS.indexOf(match.group(1).toLowerCase(Locale.ROOT)) / 3 + 1;
            day = Integer.parseInt(match.group(2));
            year = Integer.parseInt(match.group(3));
        } else {
            month = Integer.parseInt(match.group(4));
            day = Integer.parseInt(match.group(6));
            year = Integer.parseInt(match.group(7));
            if (year < 100) {
                year += year >= CENTURY_PIVOT ? 1900 : 2000;
            }
        }
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException impossibleDate) {
            // "FEBRUARY 30, 2018" is the bulletin's error: treat it as no date.
            return Optional.empty();
        }
    }
}
