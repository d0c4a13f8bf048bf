package io.docstream.extract;

import static org.junit.jupiter.api.Assertions.fail;

import io.docstream.contract.DocType;
import io.docstream.extract.bulletin.Whitespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Measures the bulletin rules against the 443 checked answers in labels.csv: prints a per-field accuracy table,
 * writes every mismatch to target/accuracy-mismatches.txt and fails when a field falls below its floor.
 * An empty label means null is expected; "?" is not scored.
 */
class BulletinAccuracyTest {

    private static final double YEARS_TOLERANCE = 0.001;
    private static final double AMOUNT_TOLERANCE = 0.5;
    private static final int PREFIX_LENGTH = 60;

    /** Field → minimum share of scored bulletins that must match. */
    private static final Map<String, Double> FLOORS = floors();

    private final DocumentExtractor extractor = new DocumentExtractor();

    @Test
    void everyFieldMeetsItsFloorOnTheLabelledBulletins() throws IOException {
        List<Map<String, String>> labels =
                LabelsCsv.parse(Files.readString(Corpus.dir().resolve("labels.csv"), StandardCharsets.UTF_8));
        FieldScores scores = new FieldScores(FLOORS);
        for (Map<String, String> label : labels) {
            String fileName = label.get("file_name");
            Extraction extraction =
                    extractor.extract(DocType.BULLETIN, fileName, Corpus.bytes(Corpus.bulletin(fileName)));
            if (!(extraction instanceof Extraction.Extracted extracted)) {
                fail(fileName + " was quarantined: " + extraction);
                return;
            }
            scores.score(fileName, label, extracted.rows().get(0));
        }
        scores.assertFloorsMet(
                "Bulletin accuracy over " + labels.size() + " labelled bulletins",
                Path.of("target", "accuracy-mismatches.txt"));
    }

    static Map<String, String> scoredValues(ExtractedRow row) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("position", row.position());
        values.put("classcode", row.classcode());
        values.put("start_date", text(row.startDate()));
        values.put("end_date", text(row.endDate()));
        values.put("salary_start", text(row.salaryStart()));
        values.put("salary_end", text(row.salaryEnd()));
        values.put("salary_dwp_start", text(row.salaryDwpStart()));
        values.put("salary_dwp_end", text(row.salaryDwpEnd()));
        values.put("exam_type", row.examType());
        values.put("experience_years", years(row.experienceLength()));
        values.put("job_type", row.jobType());
        values.put("education_years", years(row.educationLength()));
        values.put("application_location", row.applicationLocation());
        values.put("duties_prefix", prefix(row.duties()));
        values.put("req_prefix", prefix(row.req()));
        return values;
    }

    static boolean same(String field, String expected, String actual) {
        if (expected.isEmpty() || actual == null) {
            return expected.isEmpty() && (actual == null || actual.isEmpty());
        }
        if (field.startsWith("salary")) {
            return Math.abs(Double.parseDouble(expected) - Double.parseDouble(actual)) < AMOUNT_TOLERANCE;
        }
        if (field.endsWith("_years")) {
            return Math.abs(Double.parseDouble(expected) - Double.parseDouble(actual)) < YEARS_TOLERANCE;
        }
        return expected.equals(actual.strip());
    }

    private static String years(String length) {
        if (length == null) {
            return null;
        }
        return length.replace(" years", "").replace(" year", "").strip();
    }

    private static String prefix(String section) {
        if (section == null) {
            return null;
        }
        String collapsed = Whitespace.collapse(section);
        return collapsed
                .substring(0, Math.min(PREFIX_LENGTH, collapsed.length()))
                .strip();
    }

    private static <T> String text(T value) {
        return value == null ? null : String.valueOf(value);
    }

    private static Map<String, Double> floors() {
        Map<String, Double> floors = new LinkedHashMap<>();
        floors.put("position", 0.995);
        floors.put("classcode", 0.995);
        floors.put("start_date", 0.995);
        floors.put("end_date", 0.99);
        floors.put("salary_start", 0.99);
        floors.put("salary_end", 0.99);
        floors.put("salary_dwp_start", 0.99);
        floors.put("salary_dwp_end", 0.99);
        floors.put("exam_type", 0.99);
        floors.put("experience_years", 0.97);
        floors.put("job_type", 0.97);
        floors.put("education_years", 0.97);
        floors.put("application_location", 0.99);
        floors.put("duties_prefix", 0.99);
        floors.put("req_prefix", 0.99);
        return floors;
    }
}
