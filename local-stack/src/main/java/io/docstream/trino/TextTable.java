package io.docstream.trino;

import java.util.ArrayList;
import java.util.List;

/**
 * Query results as `bin/docstream query` prints them: a boxed text table followed by "(N rows)", values on
 * one line and cut to a readable width, NULL for null. The Spark engine's table (streaming-job's
 * {@code ResultTable}) is the same format; a streaming-job test holds the two to it.
 */
public final class TextTable {

    private final int maxWidth;

    public TextTable(int maxWidth) {
        this.maxWidth = maxWidth;
    }

    public String format(List<String> columns, List<List<Object>> rows) {
        List<String[]> cells = new ArrayList<>();
        for (List<Object> row : rows) {
            String[] line = new String[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                line[i] = cut(render(row.get(i)));
            }
            cells.add(line);
        }
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = columns.get(i).length();
            for (String[] line : cells) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        String border = border(widths);
        out.append(border).append(line(columns.toArray(String[]::new), widths)).append(border);
        for (String[] line : cells) {
            out.append(line(line, widths));
        }
        out.append(border);
        out.append('(')
                .append(rows.size())
                .append(rows.size() == 1 ? " row)" : " rows)")
                .append('\n');
        return out.toString();
    }

    private String cut(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= maxWidth ? oneLine : oneLine.substring(0, maxWidth - 1) + "…";
    }

    private static String render(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return String.format("%.1f", d);
        }
        return value.toString();
    }

    private static String border(int[] widths) {
        StringBuilder line = new StringBuilder("+");
        for (int width : widths) {
            line.append("-".repeat(width + 2)).append('+');
        }
        return line.append('\n').toString();
    }

    private static String line(String[] values, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < values.length; i++) {
            line.append(' ')
                    .append(values[i])
                    .append(" ".repeat(widths[i] - values[i].length()))
                    .append(" |");
        }
        return line.append('\n').toString();
    }
}
