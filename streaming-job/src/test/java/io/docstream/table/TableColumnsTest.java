package io.docstream.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.docstream.contract.DocType;
import io.docstream.extract.ExtractedRow;
import io.docstream.extract.JsonLinesRowWriter;
import io.docstream.extract.Lineage;
import io.docstream.job.arrivals.Announcement;
import io.docstream.job.arrivals.ArrivalEvent;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The output table's columns pinned: the table schema, a job row and a command-line JSON line for one fixed
 * row, all derived from {@link Column}. A change here changes what readers of the tables and of
 * {@code bin/docstream extract} see.
 */
class TableColumnsTest {

    private static final ExtractedRow ROW = new ExtractedRow(
            "ANALYST 1590.txt",
            "ADMINISTRATIVE ANALYST",
            "1590",
            60489.0,
            88893.0,
            LocalDate.of(2018, 6, 1),
            LocalDate.of(2018, 6, 14),
            "req text",
            null,
            "duties",
            List.of("Interview", "Essay"),
            "TWO YEARS",
            "FULL_TIME",
            null,
            null,
            "Online",
            70000.0,
            null,
            "OPEN",
            DocType.BULLETIN,
            "v-test",
            null,
            List.of("NO_NOTES"));
    private static final String SHA = "ab".repeat(32);
    private static final Instant RECEIVED = Instant.parse("2026-11-24T03:00:00.100Z");
    private static final Instant PROCESSED = Instant.parse("2026-11-24T03:00:05Z");

    @Test
    void theTableSchemaIsPinned() {
        StructType expected = StructType.fromDDL("file_name STRING, position STRING, classcode STRING,"
                + " salary_start DOUBLE, salary_end DOUBLE, start_date DATE, end_date DATE, req STRING, notes STRING,"
                + " duties STRING, selection ARRAY<STRING>, experience_length STRING, job_type STRING,"
                + " education_length STRING, school_type STRING, application_location STRING,"
                + " salary_dwp_start DOUBLE, salary_dwp_end DOUBLE, exam_type STRING, doc_id STRING, source_uri STRING,"
                + " source_type STRING, content_sha256 STRING, ingested_at TIMESTAMP, processed_at TIMESTAMP,"
                + " extractor_version STRING, rescued_data STRING, parse_warnings ARRAY<STRING>,"
                + " kafka_partition INT NOT NULL, kafka_offset BIGINT NOT NULL, record_index INT, reason STRING,"
                + " message STRING, quarantined_at TIMESTAMP, kind STRING NOT NULL");
        assertEquals(expected, OutputTable.SCHEMA);
    }

    @Test
    void aJobRowIsPinned() {
        ArrivalEvent event =
                new ArrivalEvent("d1", "ANALYST 1590.txt", DocType.BULLETIN, "file:/in/a.txt", 9133, SHA, RECEIVED);
        Row row = RowAssembler.document(
                new Announcement(2, 41, "d1", event, null), ROW, 0, SHA, List.of("JOB_WARNING"), PROCESSED);
        Object[] expected = {
            "ANALYST 1590.txt",
            "ADMINISTRATIVE ANALYST",
            "1590",
            60489.0,
            88893.0,
            Date.valueOf("2018-06-01"),
            Date.valueOf("2018-06-14"),
            "req text",
            null,
            "duties",
            new String[] {"Interview", "Essay"},
            "TWO YEARS",
            "FULL_TIME",
            null,
            null,
            "Online",
            70000.0,
            null,
            "OPEN",
            "d1",
            "file:/in/a.txt",
            "bulletin",
            SHA,
            Timestamp.from(RECEIVED),
            Timestamp.from(PROCESSED),
            "v-test",
            null,
            new String[] {"NO_NOTES", "JOB_WARNING"},
            2,
            41L,
            0,
            null,
            null,
            null,
            "documents"
        };
        assertEquals(OutputTable.SCHEMA.size(), row.size());
        for (int i = 0; i < expected.length; i++) {
            Object actual = row.get(i);
            if (expected[i] instanceof String[] strings) {
                assertArrayEquals(strings, (String[]) actual, OutputTable.SCHEMA.fields()[i].name());
            } else {
                assertEquals(expected[i], actual, OutputTable.SCHEMA.fields()[i].name());
            }
        }
    }

    @Test
    void aJsonLineIsPinned() {
        String line = JsonLinesRowWriter.toJsonLine(ROW, new Lineage("d1", "file:/in/a.txt", SHA, RECEIVED, PROCESSED));
        assertEquals(
                "{\"file_name\":\"ANALYST 1590.txt\",\"position\":\"ADMINISTRATIVE ANALYST\",\"classcode\":\"1590\","
                        + "\"salary_start\":60489.0,\"salary_end\":88893.0,\"start_date\":\"2018-06-01\",\"end_date\":\"2018-06-14\","
                        + "\"req\":\"req text\",\"notes\":null,\"duties\":\"duties\",\"selection\":[\"Interview\",\"Essay\"],"
                        + "\"experience_length\":\"TWO YEARS\",\"job_type\":\"FULL_TIME\",\"education_length\":null,"
                        + "\"school_type\":null,\"application_location\":\"Online\",\"salary_dwp_start\":70000.0,"
                        + "\"salary_dwp_end\":null,\"exam_type\":\"OPEN\",\"doc_id\":\"d1\",\"source_uri\":\"file:/in/a.txt\","
                        + "\"source_type\":\"bulletin\",\"content_sha256\":\"" + SHA + "\","
                        + "\"ingested_at\":\"2026-11-24T03:00:00.100Z\",\"processed_at\":\"2026-11-24T03:00:05Z\","
                        + "\"extractor_version\":\"v-test\",\"rescued_data\":null,\"parse_warnings\":[\"NO_NOTES\"]}",
                line);
    }
}
