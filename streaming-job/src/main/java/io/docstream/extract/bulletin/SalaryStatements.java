package io.docstream.extract.bulletin;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a salary section into statements: a new statement starts at a line beginning with a letter and after a
 * sentence end (". " followed by a capital) and where "The salary ..." begins inside a line. A line beginning with "$" or a digit continues the statement before it.
 */
final class SalaryStatements {

    private SalaryStatements() {}

    static List<String> of(Section section) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : section.body()) {
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            char first = stripped.charAt(0);
            boolean continues = first == '$' || Character.isDigit(first) || first == ';' || first == ',';
            if (!continues && current.length() > 0) {
                statements.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            appendSplittingSentences(stripped, current, statements);
        }
        if (current.length() > 0) {
            statements.add(current.toString());
        }
        return statements;
    }

    private static void appendSplittingSentences(String line, StringBuilder current, List<String> statements) {
        int start = 0;
        for (int i = 0; i + 2 < line.length(); i++) {
            if (i > start && line.charAt(i - 1) == ' ' && line.startsWith("The salar", i)) {
                // "$52,806 to $77,172 The salary range in the Department of ..." on one line, no full stop.
                current.append(line, start, i);
                statements.add(current.toString().strip());
                current.setLength(0);
                start = i;
            } else if (line.charAt(i) == '.' && line.charAt(i + 1) == ' ') {
                int next = i + 1;
                while (next < line.length() && line.charAt(next) == ' ') {
                    next++;
                }
                if (next < line.length() && Character.isUpperCase(line.charAt(next))) {
                    current.append(line, start, i + 1);
                    statements.add(current.toString());
                    current.setLength(0);
                    start = next;
                    i = next - 1;
                }
            }
        }
        current.append(line, start, line.length());
    }
}
