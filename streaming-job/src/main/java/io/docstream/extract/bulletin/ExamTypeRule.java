package io.docstream.extract.bulletin;

import java.util.Locale;
import java.util.Optional;

/**
 * exam_type from the statement "THIS EXAMINATION IS TO BE GIVEN ... BASIS" (which spans several lines),
 * falling back to the "(Exam Open to ...)" line under the open date. When a bulletin repeats the statement
 * (e.g. for a second list), the first one is the examination's.
 */
public final class ExamTypeRule {

    public static final String OPEN_INT_PROM = "OPEN_INT_PROM";
    public static final String INT_DEPT_PROM = "INT_DEPT_PROM";
    public static final String DEPT_PROM = "DEPT_PROM";
    public static final String OPEN = "OPEN";

    private static final int STATEMENT_MAX_LINES = 4;
    /** "THIS EXAMINATION IS TO BE GIVEN", "THIS EXAM IS TO BE GIVEN", "THE EXAMINATION WILL BE GIVEN". */
    private static final CaseInsensitive.Needle USUAL_STATEMENT =
            CaseInsensitive.Needle.of("EXAMINATION IS TO BE GIVEN");

    private static final CaseInsensitive.Needle EXAM = CaseInsensitive.Needle.of("EXAM");
    private static final String GIVEN = "BE GIVEN";
    /** How far after "EXAM(INATION)" the words "BE GIVEN" may start: "EXAMINATION IS TO ". */
    private static final int GIVEN_REACH = 24;

    private static final CaseInsensitive.Needle OPEN_TO = CaseInsensitive.Needle.of("(EXAM OPEN TO");

    private ExamTypeRule() {}

    public static Optional<String> examType(String text) {
        // The usual wording first, found fast; then any "EXAM(INATION) ... BE GIVEN".
        for (int at = CaseInsensitive.indexOf(text, USUAL_STATEMENT);
                at >= 0;
                at = CaseInsensitive.indexOf(text, USUAL_STATEMENT, at + 1)) {
            Optional<String> type = fromBasis(statementAt(text, at));
            if (type.isPresent()) {
                return type;
            }
        }
        for (int at = CaseInsensitive.indexOf(text, EXAM); at >= 0; at = CaseInsensitive.indexOf(text, EXAM, at + 1)) {
            if (!givenFollows(text, at + EXAM.length())) {
                continue;
            }
            Optional<String> type = fromBasis(statementAt(text, at));
            if (type.isPresent()) {
                return type;
            }
        }
        int openTo = CaseInsensitive.indexOf(text, OPEN_TO);
        if (openTo >= 0) {
            int lineEnd = lineEnd(text, openTo);
            return fromOpenTo(text.substring(openTo, lineEnd).toUpperCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    /** Whether "BE GIVEN" starts within a few characters after {@code from} ("EXAM|INATION IS TO BE GIVEN"). */
    private static boolean givenFollows(String text, int from) {
        int last = Math.min(text.length() - GIVEN.length(), from + GIVEN_REACH);
        for (int i = from; i <= last; i++) {
            char c = text.charAt(i);
            if ((c == 'B' || c == 'b') && text.regionMatches(true, i, GIVEN, 0, GIVEN.length())) {
                return true;
            }
        }
        return false;
    }

    /** The statement from "EXAMINATION IS TO BE GIVEN" to "BASIS", over at most a few lines, in upper case. */
    private static String statementAt(String text, int at) {
        int end = at;
        for (int line = 0; line <= STATEMENT_MAX_LINES && end < text.length(); line++) {
            int lineEnd = lineEnd(text, end);
            String upper = text.substring(at, lineEnd).toUpperCase(Locale.ROOT);
            if (upper.contains("BASIS") || lineEnd >= text.length() || isBlankLineNext(text, lineEnd)) {
                return Whitespace.collapse(upper);
            }
            end = lineEnd + 1;
        }
        return Whitespace.collapse(
                text.substring(at, Math.min(end, text.length())).toUpperCase(Locale.ROOT));
    }

    private static int lineEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return text.length();
    }

    /** Whether the line after the break at {@code lineBreak} is empty (CRLF, CR or LF). */
    private static boolean isBlankLineNext(String text, int lineBreak) {
        int next = lineBreak + (text.startsWith("\r\n", lineBreak) ? 2 : 1);
        int nextEnd = lineEnd(text, next);
        return text.substring(Math.min(next, nextEnd), nextEnd).isBlank();
    }

    static Optional<String> fromBasis(String upperStatement) {
        // "INTER-DEPARTMENTAL", "INTER DEPARTMENTAL" and "OPEN-COMPETITIVE" read as the usual spellings.
        String statement = upperStatement
                .replace("INTER-DEPARTMENTAL", "INTERDEPARTMENTAL")
                .replace("INTER DEPARTMENTAL", "INTERDEPARTMENTAL")
                .replace("OPEN-COMPET", "OPEN COMPET");
        // "COMPET" also matches the misspelling "OPEN COMPETITVE" found in real bulletins; "PROMOTION" matches
        // "PROMOTIONAL" and a plain "PROMOTION(S)".
        boolean open = statement.contains("OPEN COMPET");
        boolean interdepartmental = statement.contains("INTERDEPARTMENTAL PROMOTION");
        boolean departmental = !interdepartmental && statement.contains("DEPARTMENTAL PROMOTION");
        if (open && interdepartmental) {
            return Optional.of(OPEN_INT_PROM);
        }
        if (interdepartmental) {
            return Optional.of(INT_DEPT_PROM);
        }
        if (departmental) {
            return Optional.of(DEPT_PROM);
        }
        if (open) {
            return Optional.of(OPEN);
        }
        return Optional.empty();
    }

    /** "(Exam Open to All, including Current City Employees)" or "(Exam Open to Current City Employees)". */
    static Optional<String> fromOpenTo(String upperLine) {
        boolean all = upperLine.contains("OPEN TO ALL");
        boolean cityEmployees = upperLine.contains("CITY EMPLOYEES");
        if (all && cityEmployees) {
            return Optional.of(OPEN_INT_PROM);
        }
        if (all) {
            return Optional.of(OPEN);
        }
        if (cityEmployees) {
            return Optional.of(INT_DEPT_PROM);
        }
        return Optional.empty();
    }
}
