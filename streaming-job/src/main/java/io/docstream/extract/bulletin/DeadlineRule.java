package io.docstream.extract.bulletin;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * end_date: the application deadline from the APPLICATION DEADLINE section. "must be received by <date>" wins;
 * otherwise the closing date of the last "From ... to/through <date>" filing window, or a date the section starts with.
 * Dates in other sentences (tests, lists "kept on file until") are not deadlines; a section that only says
 * filing "may close without prior notice" has none.
 */
public final class DeadlineRule {

    /**
     * The words of the deadline sentence: "must be received by", "submitted on-line by", "filed by", "postmarked by",
     * "due by", "no/not later than", "the deadline is", "filing (period) closes on", "accepted until".
     */
    private static final List<CaseInsensitive.Needle> RECEIVED = List.of(
            CaseInsensitive.Needle.of("RECEIVED"),
            CaseInsensitive.Needle.of("SUBMITTED"),
            CaseInsensitive.Needle.of("FILED"),
            CaseInsensitive.Needle.of("POSTMARKED"),
            CaseInsensitive.Needle.of("DUE"),
            CaseInsensitive.Needle.of("LATER THAN"),
            CaseInsensitive.Needle.of("DEADLINE IS"),
            CaseInsensitive.Needle.of("CLOSES"),
            CaseInsensitive.Needle.of("ACCEPTED UNTIL"));

    private static final int RECEIVED_REACH = 60;
    private static final CaseInsensitive.Needle ON_FILE = CaseInsensitive.Needle.of("ON FILE");
    private static final CaseInsensitive.Needle UNTIL = CaseInsensitive.Needle.of("UNTIL");
    /** The words that close a filing window: "From ... to <date>", "from ... through/thru <date>", "<date> - <date>". */
    private static final List<CaseInsensitive.Needle> WINDOW_CLOSE = List.of(
            CaseInsensitive.Needle.of("TO"),
            CaseInsensitive.Needle.of("THROUGH"),
            CaseInsensitive.Needle.of("THRU"),
            CaseInsensitive.Needle.of("-"),
            CaseInsensitive.Needle.of("–"));

    private static final int WINDOW_CLOSE_REACH = 40;
    private static final int LEADING_DATE_REACH = 12;
    /** A written date is at most this long: "SEPTEMEBER 28, 2017". */
    private static final int DATE_LENGTH = 20;

    private DeadlineRule() {}

    public static Optional<LocalDate> deadline(String deadlineText) {
        Matcher date = WrittenDates.MONTH_DAY_YEAR.matcher(deadlineText);
        Optional<LocalDate> received = firstDateAfterVerb(date, deadlineText);
        if (received.isPresent()) {
            return received;
        }
        Optional<LocalDate> windowClose = lastWindowClose(date, deadlineText);
        if (windowClose.isPresent()) {
            return windowClose;
        }
        // "APPLICATION DEADLINE: Tuesday, March 24, 2015 at 4:00 p.m.": the section is the date itself.
        return dateRightAfter(date, deadlineText, 0, LEADING_DATE_REACH);
    }

    /** Which of the rule's paths gives the deadline: "received by", "window", "leading date" or "none" (for reports). */
    static String path(String deadlineText) {
        Matcher date = WrittenDates.MONTH_DAY_YEAR.matcher(deadlineText);
        if (firstDateAfterVerb(date, deadlineText).isPresent()) {
            return "received by";
        }
        if (lastWindowClose(date, deadlineText).isPresent()) {
            return "window";
        }
        return dateRightAfter(date, deadlineText, 0, LEADING_DATE_REACH).isPresent() ? "leading date" : "none";
    }

    /** The date right after the earliest receiving verb that has one. */
    private static Optional<LocalDate> firstDateAfterVerb(Matcher date, String text) {
        int bestAt = Integer.MAX_VALUE;
        Optional<LocalDate> best = Optional.empty();
        for (CaseInsensitive.Needle verb : RECEIVED) {
            // Only a verb before the best one so far can win: the search stops there.
            for (int at = CaseInsensitive.indexOfWord(text, verb, 0, bestAt - 1);
                    at >= 0 && at < bestAt;
                    at = CaseInsensitive.indexOfWord(text, verb, at + 1, bestAt - 1)) {
                Optional<LocalDate> deadline = dateRightAfter(date, text, at + verb.length(), RECEIVED_REACH);
                if (deadline.isPresent() && !keptOnFile(text, at + verb.length(), date.start())) {
                    bestAt = at;
                    best = deadline;
                }
            }
        }
        return best;
    }

    /**
     * "Applications filed will be kept on file until <date>": how long they are kept, not when filing closes. Looks
     * between the verb and the date ("accepted until <date>" is a deadline).
     */
    private static boolean keptOnFile(String text, int from, int to) {
        String between = text.substring(from, to);
        return CaseInsensitive.contains(between, ON_FILE) || CaseInsensitive.contains(between, UNTIL);
    }

    private static Optional<LocalDate> lastWindowClose(Matcher date, String text) {
        Optional<LocalDate> last = Optional.empty();
        int lastAt = -1;
        for (CaseInsensitive.Needle word : WINDOW_CLOSE) {
            for (int at = CaseInsensitive.indexOfWord(text, word, 0);
                    at >= 0;
                    at = CaseInsensitive.indexOfWord(text, word, at + 1)) {
                Optional<LocalDate> close = dateRightAfter(date, text, at + word.length(), WINDOW_CLOSE_REACH);
                if (close.isPresent() && at > lastAt) {
                    last = close;
                    lastAt = at;
                }
            }
        }
        return last;
    }

    /** A written date starting within {@code reach} characters after {@code from} ("by THURSDAY, MARCH 15, 2018"). */
    private static Optional<LocalDate> dateRightAfter(Matcher date, String text, int from, int reach) {
        int end = Math.min(text.length(), from + reach + DATE_LENGTH);
        if (!hasDigit(text, from, end)) {
            return Optional.empty(); // every date has digits: most verbs are not followed by one
        }
        date.region(from, end);
        if (date.find() && date.start() - from <= reach && noSentenceEnd(text, from, date.start())) {
            return WrittenDates.toDate(date);
        }
        return Optional.empty();
    }

    private static boolean hasDigit(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static boolean noSentenceEnd(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ';'
                    || (c == '.'
                            && i + 1 < text.length()
                            && Character.isWhitespace(text.charAt(i + 1))
                            && i > 0
                            && !Character.isLetter(text.charAt(i - 1)))) {
                return false;
            }
        }
        return true;
    }
}
