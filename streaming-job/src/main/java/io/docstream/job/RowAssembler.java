package io.docstream.job;

import io.docstream.extract.Columns;
import io.docstream.extract.ExtractedRow;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * One extracted row plus the lineage only the job knows (where the document came from, when, which Kafka
 * record announced it) → a row of {@link OutputTable} of kind {@code documents}.
 */
final class RowAssembler {

    private RowAssembler() {
    }

    static Row document(Announcement announcement, ExtractedRow row, int recordIndex, String contentSha256,
                        List<String> extraWarnings, Instant processedAt) {
        ArrivalEvent event = announcement.event();
        Object[] values = new Object[OutputTable.SCHEMA.size()];
        set(values, Columns.FILE_NAME, row.fileName());
        set(values, Columns.POSITION, row.position());
        set(values, Columns.CLASSCODE, row.classcode());
        set(values, Columns.SALARY_START, row.salaryStart());
        set(values, Columns.SALARY_END, row.salaryEnd());
        set(values, Columns.START_DATE, date(row.startDate()));
        set(values, Columns.END_DATE, date(row.endDate()));
        set(values, Columns.REQ, row.req());
        set(values, Columns.NOTES, row.notes());
        set(values, Columns.DUTIES, row.duties());
        set(values, Columns.SELECTION, array(row.selection()));
        set(values, Columns.EXPERIENCE_LENGTH, row.experienceLength());
        set(values, Columns.JOB_TYPE, row.jobType());
        set(values, Columns.EDUCATION_LENGTH, row.educationLength());
        set(values, Columns.SCHOOL_TYPE, row.schoolType());
        set(values, Columns.APPLICATION_LOCATION, row.applicationLocation());
        set(values, Columns.SALARY_DWP_START, row.salaryDwpStart());
        set(values, Columns.SALARY_DWP_END, row.salaryDwpEnd());
        set(values, Columns.EXAM_TYPE, row.examType());
        set(values, Columns.DOC_ID, event.docId());
        set(values, Columns.SOURCE_URI, event.uri());
        set(values, Columns.SOURCE_TYPE, row.sourceType() == null ? event.docType().value() : row.sourceType().value());
        set(values, Columns.CONTENT_SHA256, contentSha256);
        set(values, Columns.INGESTED_AT, timestamp(event.receivedAt()));
        set(values, Columns.PROCESSED_AT, timestamp(processedAt));
        set(values, Columns.EXTRACTOR_VERSION, row.extractorVersion());
        set(values, Columns.RESCUED_DATA, row.rescuedData());
        set(values, Columns.PARSE_WARNINGS, warnings(row.parseWarnings(), extraWarnings));
        set(values, OutputTable.KAFKA_PARTITION, announcement.kafkaPartition());
        set(values, OutputTable.KAFKA_OFFSET, announcement.kafkaOffset());
        set(values, OutputTable.RECORD_INDEX, recordIndex);
        set(values, OutputTable.KIND, OutputTable.DOCUMENTS);
        return RowFactory.create(values);
    }

    static void set(Object[] values, String column, Object value) {
        values[OutputTable.index(column)] = value;
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static String[] array(List<String> values) {
        return values == null ? null : values.toArray(String[]::new);
    }

    private static String[] warnings(List<String> fromExtraction, List<String> fromJob) {
        if (fromJob.isEmpty()) {
            return array(fromExtraction);
        }
        List<String> all = new java.util.ArrayList<>(fromExtraction == null ? List.of() : fromExtraction);
        all.addAll(fromJob);
        return all.toArray(String[]::new);
    }
}
