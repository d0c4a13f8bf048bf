package io.docstream.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.contract.DocType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The corpus JSON records (one object per file, and one array) and a record with fields outside the schema. */
class JsonRecordsTest {

    private final DocumentExtractor extractor = new DocumentExtractor();

    private List<ExtractedRow> rows(String corpusFile) {
        Extraction extraction =
                extractor.extract(DocType.JSON_RECORD, corpusFile, Corpus.bytes(Corpus.json(corpusFile)));
        return assertInstanceOf(Extraction.Extracted.class, extraction).rows();
    }

    @Test
    void aSingleObjectIsOneRowWithItsTypedValues() {
        List<ExtractedRow> rows = rows("water_utility_operator.json");
        assertEquals(1, rows.size());
        ExtractedRow row = rows.get(0);
        assertEquals("WATER UTILITY OPERATOR", row.fileName());
        assertEquals("Water Utility Operator", row.position());
        assertEquals("5854", row.classcode());
        assertEquals(54308.0, row.salaryStart());
        assertEquals(87278.0, row.salaryEnd());
        assertEquals(LocalDate.of(2016, 8, 5), row.startDate());
        assertEquals(LocalDate.of(2016, 8, 18), row.endDate());
        assertEquals(1, row.selection().size(), "a single selection string becomes a one-element array");
        assertTrue(row.selection().get(0).startsWith("Examination Weight: Multiple-Choice Test"));
        assertEquals("Full-time", row.jobType());
        assertEquals("Not specified", row.educationLength());
        assertEquals("Online", row.applicationLocation());
        assertEquals(DocType.JSON_RECORD, row.sourceType());
        assertEquals(ExtractorVersion.CURRENT, row.extractorVersion());
        assertNull(row.rescuedData());
        assertEquals(List.of(), row.parseWarnings());
    }

    @Test
    void anArrayIsOneRowPerRecordInOrder() {
        List<ExtractedRow> rows = rows("worker_compensation_claims_array.json");
        assertEquals(
                List.of(
                        "claim_doc_001.pdf",
                        "claim_doc_002.pdf",
                        "claim_doc_003.docx",
                        "claim_doc_004.pdf",
                        "claim_doc_005.pdf"),
                rows.stream().map(ExtractedRow::fileName).toList());
        ExtractedRow warehouse = rows.get(1);
        assertEquals("Warehouse Associate", warehouse.position());
        assertEquals(35000.0, warehouse.salaryStart());
        assertNull(warehouse.endDate());
        assertEquals(List.of("NO_DEADLINE"), warehouse.parseWarnings());
        assertEquals(List.of("Pending"), warehouse.selection());
        assertEquals("Part-Time", rows.get(4).jobType());
    }

    @Test
    void everyCorpusJsonFileGivesTheRecordsItHolds() {
        assertEquals(
                "Workers' Compensation Analyst",
                rows("workers_compensation_analyst.json").get(0).position());
        assertEquals(
                51385.0,
                rows("workers_compensation_claims_assistant.json").get(0).salaryStart());
        assertEquals("2358", rows("xray_and_laboratory_technician.json").get(0).classcode());
        assertEquals(LocalDate.of(2016, 4, 29), rows("zoo curator.json").get(0).endDate());
        ExtractedRow education = rows("zoo_curator_of_education.json").get(0);
        assertEquals("ZOO_CURATOR_OF_EDUCATION", education.fileName());
        assertEquals(120874.0, education.salaryEnd());
        assertEquals("4 years", education.educationLength());
    }

    @Test
    void fieldsOutsideTheSchemaOrOfTheWrongTypeAreRescuedNotDropped() {
        Extraction extraction = extractor.extract(
                DocType.JSON_RECORD, "rescued-record.json", Fixtures.bytes("json/rescued-record.json"));
        ExtractedRow row =
                assertInstanceOf(Extraction.Extracted.class, extraction).rows().get(0);
        assertEquals("rescued-record.json", row.fileName(), "no file_name in the record: the upload's name");
        assertEquals(54308.0, row.salaryStart(), "a number written as text is accepted");
        assertEquals(87278.5, row.salaryEnd());
        assertNull(row.startDate(), "08/05/2016 is not an ISO date");
        assertEquals(LocalDate.of(2016, 8, 18), row.endDate());
        assertNull(row.selection(), "an array holding a number is not an array of strings");
        assertEquals(
                "{\"start_date\":\"08/05/2016\",\"selection\":[\"Interview\",100],"
                        + "\"department\":\"Water and Power\",\"openings\":3}",
                row.rescuedData());
        assertTrue(
                row.parseWarnings().contains("RESCUED_FIELDS"),
                row.parseWarnings().toString());
        assertTrue(
                row.parseWarnings().contains("NO_OPEN_DATE"),
                row.parseWarnings().toString());
    }

    @Test
    void recordsAreCheckedForContradictions() {
        String record = "{\"position\":\"Clerk\",\"salary_start\":90000,\"salary_end\":40000,"
                + "\"start_date\":\"2018-06-01\",\"end_date\":\"2018-05-01\"}";
        ExtractedRow row = assertInstanceOf(
                        Extraction.Extracted.class,
                        extractor.extract(DocType.JSON_RECORD, "clerk.json", record.getBytes()))
                .rows()
                .get(0);
        assertTrue(
                row.parseWarnings().contains("SALARY_START_GT_END"),
                row.parseWarnings().toString());
        assertTrue(
                row.parseWarnings().contains("END_DATE_BEFORE_START_DATE"),
                row.parseWarnings().toString());
    }

    @Test
    void anIntegerForATextColumnIsKeptAsItsDigits() {
        String record = "{\"position\":123,\"classcode\":4300,\"job_type\":99999999999999999999,"
                + "\"school_type\":1.5,\"exam_type\":true,\"req\":{\"a\":1},\"duties\":4300.5}";
        ExtractedRow row = assertInstanceOf(
                        Extraction.Extracted.class,
                        extractor.extract(DocType.JSON_RECORD, "clerk.json", record.getBytes()))
                .rows()
                .get(0);
        assertEquals("123", row.position());
        assertEquals("4300", row.classcode());
        assertEquals("99999999999999999999", row.jobType(), "a big integer loses nothing either");
        assertNull(row.schoolType(), "a float is not text");
        assertNull(row.examType(), "a boolean is not text");
        assertNull(row.req());
        assertNull(row.duties(), "4300.5 is a float");
        assertEquals("{\"req\":{\"a\":1},\"duties\":4300.5,\"school_type\":1.5,\"exam_type\":true}", row.rescuedData());
        assertTrue(
                row.parseWarnings().contains("RESCUED_FIELDS"),
                row.parseWarnings().toString());
        assertTrue(
                !row.parseWarnings().contains("NO_CLASS_CODE"),
                row.parseWarnings().toString());
    }

    @Test
    void aRescuedDecimalKeepsTheDigitsItWasSentWith() {
        String record = "{\"position\":\"Clerk\",\"classcode\":4300.0,\"openings\":1.50,\"budget\":1e3}";
        ExtractedRow row = assertInstanceOf(
                        Extraction.Extracted.class,
                        extractor.extract(DocType.JSON_RECORD, "clerk.json", record.getBytes()))
                .rows()
                .get(0);
        assertEquals("{\"classcode\":4300.0,\"openings\":1.50,\"budget\":1000}", row.rescuedData());
    }
}
