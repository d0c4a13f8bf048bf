package io.docstream.extract.bulletin;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * end_date: the application deadline from the APPLICATION DEADLINE section. "must be received by <date>" wins;
 * otherwise the closing date of the last "From ... to <date>" filing window. Dates in other sentences (tests,
 * lists "kept on file until") are not deadlines; a section that only says filing "may close without prior
 * notice" has none.
 */
public final class DeadlineRule {

    private static final Pattern RECEIVED_BY = Pattern.compile(
            "(?i)\\b(?:received|submitted|filed|accepted)\\b[^.;]{0,60}?\\bby\\b");
    private static final Pattern WINDOW_CLOSE = Pattern.compile("(?i)\\bto\\b");
    private static final int WINDOW_CLOSE_REACH = 40;

    private DeadlineRule() {
    }

    public static Optional<LocalDate> deadline(String deadlineText) {
        Matcher by = RECEIVED_BY.matcher(deadlineText);
        while (by.find()) {
            Optional<LocalDate> date = dateRightAfter(deadlineText, by.end(), 40);
            if (date.isPresent()) {
                return date;
            }
        }
        return lastWindowClose(deadlineText);
    }

    private static Optional<LocalDate> lastWindowClose(String text) {
        Optional<LocalDate> last = Optional.empty();
        Matcher to = WINDOW_CLOSE.matcher(text);
        while (to.find()) {
            Optional<LocalDate> date = dateRightAfter(text, to.end(), WINDOW_CLOSE_REACH);
            if (date.isPresent()) {
                last = date;
            }
        }
        return last;
    }

    /** A written date starting within {@code reach} characters after {@code from} ("by THURSDAY, MARCH 15, 2018"). */
    private static Optional<LocalDate> dateRightAfter(String text, int from, int reach) {
        int end = Math.min(text.length(), from + reach + 20);
        Matcher date = WrittenDates.MONTH_DAY_YEAR.matcher(text).region(from, end);
        if (date.find() && date.start() - from <= reach && noSentenceEnd(text, from, date.start())) {
            return WrittenDates.toDate(date);
        }
        return Optional.empty();
    }

    private static boolean noSentenceEnd(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ';' || (c == '.' && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1))
                    && i > 0 && !Character.isLetter(text.charAt(i - 1)))) {
                return false;
            }
        }
        return true;
    }
}
