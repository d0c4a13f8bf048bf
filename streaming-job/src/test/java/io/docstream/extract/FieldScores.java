package io.docstream.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Extracted rows scored field by field against their labels (an empty label expects null, "?" is not scored),
 * with a floor per field: the accuracy table the text and the PDF bulletin tests print and check.
 */
final class FieldScores {

    private final Map<String, Double> floors;
    private final Map<String, int[]> scores = new LinkedHashMap<>();
    private final List<String> mismatches = new ArrayList<>();

    /** @param floors field → minimum share of scored rows that must match, in the table's order */
    FieldScores(Map<String, Double> floors) {
        this.floors = floors;
        floors.keySet().forEach(field -> scores.put(field, new int[2]));
    }

    void score(String fileName, Map<String, String> label, ExtractedRow row) {
        Map<String, String> actual = BulletinAccuracyTest.scoredValues(row);
        for (String field : floors.keySet()) {
            String expected = label.get(field).strip();
            if (expected.equals("?")) {
                continue;
            }
            int[] score = scores.get(field);
            score[1]++;
            if (BulletinAccuracyTest.same(field, expected, actual.get(field))) {
                score[0]++;
            } else {
                mismatches.add(
                        field + "\t" + fileName + "\texpected=[" + expected + "]\tactual=[" + actual.get(field) + "]");
            }
        }
    }

    /** Writes every mismatch to {@code report}, prints the table under {@code title}, fails below a floor. */
    void assertFloorsMet(String title, Path report) throws IOException {
        Files.createDirectories(report.getParent());
        Files.write(report, mismatches, StandardCharsets.UTF_8);
        StringBuilder table = new StringBuilder(String.format(
                Locale.ROOT,
                "%n%s (%s)%n%-22s %8s %8s %9s %7s%n",
                title,
                ExtractorVersion.CURRENT,
                "field",
                "correct",
                "scored",
                "accuracy",
                "floor"));
        List<String> belowFloor = new ArrayList<>();
        for (Map.Entry<String, int[]> entry : scores.entrySet()) {
            int[] score = entry.getValue();
            double accuracy = score[1] == 0 ? 1.0 : (double) score[0] / score[1];
            double floor = floors.get(entry.getKey());
            table.append(String.format(
                    Locale.ROOT,
                    "%-22s %8d %8d %8.2f%% %6.1f%%%n",
                    entry.getKey(),
                    score[0],
                    score[1],
                    accuracy * 100,
                    floor * 100));
            if (accuracy < floor) {
                belowFloor.add(entry.getKey());
            }
        }
        System.out.println(table);
        assertTrue(belowFloor.isEmpty(), "below floor: " + belowFloor + " (mismatches in " + report + ")" + table);
    }
}
