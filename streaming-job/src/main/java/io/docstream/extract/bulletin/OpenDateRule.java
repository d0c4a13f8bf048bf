package io.docstream.extract.bulletin;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** start_date: the "Open Date:" of the bulletin, written MM-DD-YY (or MM/DD/YYYY, or "June 1, 2018"). */
public final class OpenDateRule {

    private static final Pattern OPEN_DATE =
            Pattern.compile("(?i)open\\s*date\\s*:?\\s*(\\d{1,2})\\s*[-/]\\s*(\\d{1,2})\\s*[-/]\\s*(\\d{2}|\\d{4})\\b");

    private static final int CENTURY_PIVOT = 70;
    private static final Pattern OPEN_DATE_LABEL = Pattern.compile("(?i)open\\s*date\\s*:?\\s*(?:[a-z]+day,?\\s*)?");

    private OpenDateRule() {}

    public static Optional<LocalDate> openDate(List<String> lines) {
        for (String line : lines) {
            if (line.length() < 10) {
                continue;
            }
            Matcher matcher = OPEN_DATE.matcher(line);
            if (matcher.find()) {
                int year = Integer.parseInt(matcher.group(3));
                return date(
                        year < 100 ? fullYear(year) : year,
                        Integer.parseInt(matcher.group(1)),
                        Integer.parseInt(matcher.group(2)));
            }
        }
        for (String line : lines) {
            Matcher label = line.length() < 10 ? null : OPEN_DATE_LABEL.matcher(line);
            if (label != null && label.find()) {
                // "Open Date: June 1, 2018": a date written in words right after the label.
                Matcher written = WrittenDates.MONTH_DAY_YEAR.matcher(line);
                written.region(label.end(), line.length());
                if (written.lookingAt()) {
                    return WrittenDates.toDate(written);
                }
            }
        }
        return Optional.empty();
    }

    /** Bulletins in the archive go back to the 1990s: "99" is 1999, "18" is 2018. */
    private static int fullYear(int twoDigitYear) {
        return twoDigitYear >= CENTURY_PIVOT ? 1900 + twoDigitYear : 2000 + twoDigitYear;
    }

    private static Optional<LocalDate> date(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException impossibleDate) {
            // "13-45-18" is a typo in the bulletin, not a bug here: report the date as not found.
            return Optional.empty();
        }
    }
}
