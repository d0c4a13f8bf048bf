package io.docstream.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.contract.DocType;
import io.docstream.extract.pdf.PdfSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PDF path against labels made by reading the 15 PDF bulletins of the corpus (src/test/resources/pdf/
 * pdf-labels.csv): a per-field table, floors of 99 % for class code, dates and salaries. The three "job path"
 * charts in the corpus are not bulletins: each still becomes a row, with warnings naming what it lacks.
 */
class PdfBulletinAccuracyTest {

    private static final Map<String, Double> FLOORS = floors();

    /** Text-layer PDFs need no OCR; off, so the scores do not depend on Tesseract being installed. */
    private final DocumentExtractor extractor = new DocumentExtractor(
            DocumentExtractor.DEFAULT_MAX_BYTES, PdfSettings.fromEnvironment().withOcr(false));

    @Test
    void everyFieldMeetsItsFloorOnTheLabelledPdfBulletins() throws Exception {
        List<Map<String, String>> labels =
                LabelsCsv.parse(new String(Fixtures.bytes("pdf/pdf-labels.csv"), StandardCharsets.UTF_8));
        assertEquals(15, labels.size());
        FieldScores scores = new FieldScores(FLOORS);
        for (Map<String, String> label : labels) {
            String fileName = label.get("file_name");
            Extraction.Extracted extracted = assertInstanceOf(
                    Extraction.Extracted.class,
                    extractor.extract(DocType.BULLETIN_PDF, fileName, PdfSamples.corpusPdfBytes(fileName)),
                    fileName);
            ExtractedRow row = extracted.rows().get(0);
            assertEquals(DocType.BULLETIN_PDF, row.sourceType());
            scores.score(fileName, label, row);
        }
        scores.assertFloorsMet(
                "PDF bulletin accuracy over " + labels.size() + " labelled PDFs",
                Path.of("target", "pdf-accuracy-mismatches.txt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Carpenter.pdf", "Tree_Surgeon.pdf", "systems_analyst.pdf"})
    void aJobPathChartIsARowThatSaysItIsNoBulletin(String fileName) {
        Extraction.Extracted extracted = assertInstanceOf(
                Extraction.Extracted.class,
                extractor.extract(DocType.BULLETIN_PDF, fileName, PdfSamples.corpusPdfBytes(fileName)));
        ExtractedRow row = extracted.rows().get(0);
        assertEquals(null, row.classcode());
        assertEquals(null, row.startDate());
        assertTrue(
                row.parseWarnings().containsAll(List.of("NO_CLASS_CODE", "NO_OPEN_DATE", "NO_REQUIREMENTS")),
                row.parseWarnings().toString());
    }

    @Test
    void wrappedLinesAreOneParagraphAsInTheTextBulletins() {
        ExtractedRow row = ((Extraction.Extracted) extractor.extract(
                        DocType.BULLETIN_PDF,
                        "PORT POLICE SERGEANT 3222.pdf",
                        PdfSamples.corpusPdfBytes("PORT POLICE SERGEANT 3222.pdf")))
                .rows()
                .get(0);
        assertEquals(
                "A Port Police Sergeant supervises, assigns, reviews, and evaluates the work of a group of Port"
                        + " Police Officers or Port police civilian employees in the performance of their assigned duties; may"
                        + " perform some initial and follow-up investigations of crimes and related matters; exercises tactical"
                        + " command of field events; maintains Port community development programs; applies sound supervisory"
                        + " principles and techniques in building and maintaining an effective work force; fulfills equal"
                        + " employment opportunity responsibilities; and does related work.",
                row.duties());
        assertEquals("PORT POLICE SERGEANT", row.position());
        assertEquals("Online", row.applicationLocation());
    }

    private static Map<String, Double> floors() {
        Map<String, Double> floors = new LinkedHashMap<>();
        floors.put("classcode", 0.99);
        floors.put("start_date", 0.99);
        floors.put("end_date", 0.99);
        floors.put("salary_start", 0.99);
        floors.put("salary_end", 0.99);
        floors.put("salary_dwp_start", 0.99);
        floors.put("salary_dwp_end", 0.99);
        floors.put("exam_type", 0.9);
        floors.put("experience_years", 0.9);
        floors.put("education_years", 0.9);
        return floors;
    }
}
