package io.docstream.extract.bulletin;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * exam_type from the statement "THIS EXAMINATION IS TO BE GIVEN ... BASIS" (which spans several lines),
 * falling back to the "(Exam Open to ...)" line under the open date.
 */
public final class ExamTypeRule {

    public static final String OPEN_INT_PROM = "OPEN_INT_PROM";
    public static final String INT_DEPT_PROM = "INT_DEPT_PROM";
    public static final String DEPT_PROM = "DEPT_PROM";
    public static final String OPEN = "OPEN";

    private static final int STATEMENT_MAX_LINES = 4;

    private ExamTypeRule() {
    }

    public static Optional<String> examType(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String upper = lines.get(i).toUpperCase(Locale.ROOT);
            int at = upper.indexOf("EXAMINATION IS TO BE GIVEN");
            if (at >= 0) {
                Optional<String> type = fromBasis(statementFrom(lines, i, upper.substring(at)));
                if (type.isPresent()) {
                    return type;
                }
            }
        }
        for (String line : lines) {
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.contains("(EXAM OPEN TO")) {
                return fromOpenTo(upper);
            }
        }
        return Optional.empty();
    }

    private static String statementFrom(List<String> lines, int first, String firstPart) {
        StringBuilder statement = new StringBuilder(firstPart);
        for (int i = first + 1; i < lines.size() && i <= first + STATEMENT_MAX_LINES; i++) {
            if (statement.indexOf("BASIS") >= 0 || lines.get(i).isBlank()) {
                break;
            }
            statement.append(' ').append(lines.get(i).toUpperCase(Locale.ROOT));
        }
        return Whitespace.collapse(statement);
    }

    static Optional<String> fromBasis(String statement) {
        boolean open = statement.contains("OPEN COMPETITIVE");
        boolean interdepartmental = statement.contains("INTERDEPARTMENTAL PROMOTIONAL")
                || statement.contains("INTER-DEPARTMENTAL PROMOTIONAL");
        boolean departmental = !interdepartmental && statement.contains("DEPARTMENTAL PROMOTIONAL");
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
