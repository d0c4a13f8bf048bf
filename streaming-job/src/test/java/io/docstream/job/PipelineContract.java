package io.docstream.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docstream.contract.DocType;
import io.docstream.extract.Corpus;
import io.docstream.extract.DocumentExtractor;
import io.docstream.extract.ExtractedRow;
import io.docstream.extract.Extraction;
import io.docstream.extract.PdfSamples;
import io.docstream.job.arrivals.Announcement;
import io.docstream.job.arrivals.ArrivalEvent;
import io.docstream.limits.DocumentLimits;
import io.docstream.table.DeltaTables;
import io.docstream.table.OutputTable;
import io.docstream.table.RowAssembler;
import io.docstream.table.TrinoTables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the job does with any store: real corpus documents are stored, announced on a real Kafka topic,
 * and the table that comes out is compared with what the extractor makes of the same bytes. Subclasses
 * say where documents, table and checkpoint live (S3, local folder).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PipelineContract {

    static final String EMPTY_NAME = "empty bulletin.txt";
    /** The document limits the tests run with: a records cap and a string length small enough to reach. */
    static final DocumentLimits TEST_LIMITS = new DocumentLimits(50L * 1024 * 1024, 100_000, 500, 1000, 1000);

    static final String A_PDF_BULLETIN = "ARTS ASSOCIATE 2454.pdf";

    protected final TestStack stack = TestStack.get();
    protected final Map<String, Stored> documents = new LinkedHashMap<>();
    protected final Map<String, String> quarantinedDocIds = new LinkedHashMap<>();
    protected Dataset<Row> documentsTable;
    protected Dataset<Row> quarantineTable;
    protected String output;

    record Stored(String docId, String fileName, DocType type, String uri, byte[] bytes) {}

    /** The job's settings for this store. */
    abstract JobSettings settings(String topic);

    /** Stores the bytes and returns the URI an ingest service would announce. */
    abstract String store(String docId, String fileName, byte[] bytes);

    /** Where {@code store} would put a document that is never stored. */
    abstract String uriOfMissing(String docId, String fileName);

    /** Locations outside the input that exist or look plausible: each must be refused unopened. */
    abstract List<String> forbiddenUris();

    abstract List<Path> corpusDocuments();

    @BeforeAll
    void runTheJobOverAnnouncedDocuments() throws Exception {
        String topic = TestStack.unique("arrivals");
        JobSettings settings = settings(topic);
        output = settings.output();
        try (Announcer announcer = new Announcer(stack.kafka.bootstrapServers(), topic)) {
            List<Path> files = corpusDocuments();
            for (int i = 0; i < files.size(); i++) {
                String name = files.get(i).getFileName().toString();
                byte[] bytes = Files.readAllBytes(files.get(i));
                ObjectNode event = announce(name, bytes);
                // Announced sizes that are wrong: the bytes read still must be the stored ones.
                if (i == 1) {
                    event.put("size", bytes.length / 2);
                } else if (i == 2) {
                    event.put("size", bytes.length + 1000);
                }
                announcer.announce(event);
            }
            // A client retry: the same document announced again, a new event id.
            Stored first = documents.values().iterator().next();
            announcer.announce(Announcer.event(
                    first.docId(), first.fileName(), first.type().value(), first.uri(), null, "", first.bytes()));
            // An empty upload: the extractor quarantines it (EMPTY).
            ObjectNode empty = announce(EMPTY_NAME, new byte[0]);
            documents.remove(empty.get("doc_id").asText());
            quarantinedDocIds.put(empty.get("doc_id").asText(), "EMPTY");
            announcer.announce(empty);
            // PDFs that cannot be read: each is quarantined with its reason, and the job goes on.
            byte[] pdf = PdfSamples.corpusPdfBytes(A_PDF_BULLETIN);
            quarantineExpected(announcer, "truncated bulletin.pdf", PdfSamples.firstHalf(pdf), "PDF_UNREADABLE");
            quarantineExpected(announcer, "encrypted bulletin.pdf", PdfSamples.encrypted(pdf), "PDF_ENCRYPTED");
            quarantineExpected(
                    announcer,
                    "text named bulletin.pdf",
                    "ARTS ASSOCIATE".getBytes(StandardCharsets.UTF_8),
                    "PDF_UNREADABLE");
            // Stored nowhere.
            String missingId = Announcer.docId("missing");
            announcer.announce(Announcer.event(
                    missingId,
                    "missing.txt",
                    "bulletin",
                    uriOfMissing(missingId, "missing.txt"),
                    null,
                    "",
                    "x".getBytes(StandardCharsets.UTF_8)));
            quarantinedDocIds.put(missingId, "SOURCE_MISSING");
            for (String uri : forbiddenUris()) {
                String id = Announcer.docId(uri);
                announcer.announce(Announcer.event(id, "forbidden.txt", "bulletin", uri, null, "", new byte[1]));
                quarantinedDocIds.put(id, "FORBIDDEN_SOURCE");
            }
            // A real input object announced under a new id with a made-up sha256: not the announced document.
            String forgedId = Announcer.docId("forged");
            ObjectNode forged =
                    Announcer.event(forgedId, "forged.txt", first.type().value(), first.uri(), null, "", first.bytes());
            forged.put("sha256", "0".repeat(64));
            announcer.announce(forged);
            quarantinedDocIds.put(forgedId, "CHECKSUM_MISMATCH");
            // A good event's value without the CloudEvents headers the contract requires.
            announcer.send(
                    "no-headers",
                    Announcer.event(
                                    Announcer.docId("no-headers"),
                                    first.fileName(),
                                    first.type().value(),
                                    first.uri(),
                                    null,
                                    "",
                                    first.bytes())
                            .toString()
                            .getBytes(StandardCharsets.UTF_8),
                    Map.of());
            quarantinedDocIds.put("no-headers", "BAD_EVENT");
            // More records than the cap, and a string longer than the parser's limit: quarantined, not a row.
            ObjectNode many = announce(
                    "many records.json",
                    ("[" + "{},".repeat(TEST_LIMITS.maxRecords()) + "{}]").getBytes(StandardCharsets.UTF_8));
            documents.remove(many.get("doc_id").asText());
            quarantinedDocIds.put(many.get("doc_id").asText(), "TOO_MANY_RECORDS");
            announcer.announce(many);
            ObjectNode longString = announce(
                    "long string.json",
                    ("{\"notes\": \"" + "s".repeat(TEST_LIMITS.maxStringChars() + 1) + "\"}")
                            .getBytes(StandardCharsets.UTF_8));
            documents.remove(longString.get("doc_id").asText());
            quarantinedDocIds.put(longString.get("doc_id").asText(), "JSON_LIMIT_EXCEEDED");
            announcer.announce(longString);
            // Not events: not JSON; and JSON without a uri (its key is the doc_id it claims).
            announcer.send("not-json", "this is not an event".getBytes(StandardCharsets.UTF_8), Map.of());
            quarantinedDocIds.put("not-json", "BAD_EVENT");
            announcer.send(
                    "no-uri",
                    "{\"doc_id\":\"no-uri\",\"doc_type\":\"bulletin\"}".getBytes(StandardCharsets.UTF_8),
                    Map.of());
            quarantinedDocIds.put("no-uri", "BAD_EVENT");
            announcer.flush();
        }
        StreamingQuery query = DocumentsStream.start(stack.spark, settings);
        try {
            query.processAllAvailable();
        } finally {
            query.stop();
        }
        documentsTable = stack.spark.read().format("delta").load(DeltaTables.documentsPath(settings.output()));
        quarantineTable = stack.spark.read().format("delta").load(DeltaTables.quarantinePath(settings.output()));
    }

    private void quarantineExpected(Announcer announcer, String fileName, byte[] bytes, String reason) {
        ObjectNode event = announce(fileName, bytes);
        documents.remove(event.get("doc_id").asText());
        quarantinedDocIds.put(event.get("doc_id").asText(), reason);
        announcer.announce(event);
    }

    private ObjectNode announce(String fileName, byte[] bytes) {
        String docId = Announcer.docId(getClass().getSimpleName() + "/" + fileName);
        DocType type = DocType.fromFileName(fileName).orElseThrow();
        String uri = store(docId, fileName, bytes);
        documents.put(docId, new Stored(docId, fileName, type, uri, bytes));
        return Announcer.event(docId, fileName, type.value(), uri, null, "", bytes);
    }

    @Test
    void everyStoredDocumentBecomesTheRowsTheExtractorMakesOfItsBytes() {
        DocumentExtractor extractor = new DocumentExtractor();
        for (Stored stored : documents.values()) {
            Extraction extraction = extractor.extract(stored.type(), stored.fileName(), stored.bytes());
            List<ExtractedRow> expected = ((Extraction.Extracted) extraction).rows();
            List<Row> actual = rowsOf(stored.docId());
            assertEquals(expected.size(), actual.size(), "rows of " + stored.fileName());
            for (int i = 0; i < expected.size(); i++) {
                Row expectedRow = RowAssembler.document(
                        new Announcement(
                                0,
                                0,
                                stored.docId(),
                                new ArrivalEvent(
                                        stored.docId(),
                                        stored.fileName(),
                                        stored.type(),
                                        stored.uri(),
                                        stored.bytes().length,
                                        null,
                                        Instant.parse("2026-11-24T03:00:00.100Z")),
                                null),
                        expected.get(i),
                        i,
                        Announcer.sha256(stored.bytes()),
                        List.of(),
                        Instant.EPOCH);
                for (String column : OutputTable.DOCUMENT_COLUMNS) {
                    if (column.equals("processed_at") || column.startsWith("kafka_")) {
                        continue;
                    }
                    assertEquals(
                            comparable(expectedRow.get(OutputTable.index(column))),
                            comparable(actual.get(i).getAs(column)),
                            column + " of " + stored.fileName() + " row " + i);
                }
            }
        }
    }

    @Test
    void lineageSaysWhereEachRowCameFrom() {
        for (Stored stored : documents.values()) {
            for (Row row : rowsOf(stored.docId())) {
                assertEquals(stored.uri(), row.getAs("source_uri"));
                assertEquals(Announcer.sha256(stored.bytes()), row.getAs("content_sha256"));
                assertEquals(stored.type().value(), row.getAs("source_type"));
                assertEquals(
                        Instant.parse("2026-11-24T03:00:00.100Z"),
                        row.<java.sql.Timestamp>getAs("ingested_at").toInstant());
                assertNotNull(row.getAs("processed_at"));
                assertNotNull(row.getAs("extractor_version"));
                assertNotNull(row.getAs("kafka_partition"));
                assertNotNull(row.getAs("kafka_offset"));
            }
        }
    }

    @Test
    void aJsonArrayBecomesOneRowPerRecordUnderOneDocId() {
        Stored array = documents.values().stream()
                .filter(d -> d.fileName().contains("array"))
                .findFirst()
                .orElseThrow();
        List<Row> rows = rowsOf(array.docId());
        assertTrue(rows.size() > 1, "rows of the array: " + rows.size());
        assertEquals(
                rows.size(),
                rows.stream()
                        .map(r -> r.getAs(OutputTable.RECORD_INDEX))
                        .distinct()
                        .count());
    }

    @Test
    void aReannouncedDocumentStillHasExactlyOneRow() {
        Stored first = documents.values().iterator().next();
        assertEquals(1, rowsOf(first.docId()).size());
        long totalExpected = documents.values().stream()
                .mapToLong(
                        d -> ((Extraction.Extracted) new DocumentExtractor().extract(d.type(), d.fileName(), d.bytes()))
                                .rows()
                                .size())
                .sum();
        assertEquals(totalExpected, documentsTable.count());
    }

    @Test
    void eachUnreadableAnnouncementIsExactlyOneQuarantineEntryWithItsReason() {
        List<Row> quarantine = quarantineTable.collectAsList();
        Map<String, String> reasons = quarantine.stream()
                .collect(Collectors.toMap(r -> r.getAs("doc_id"), r -> r.getAs("reason"), (a, b) -> a + "," + b));
        assertEquals(
                quarantinedDocIds,
                reasons.entrySet().stream()
                        .filter(e -> quarantinedDocIds.containsKey(e.getKey()))
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)));
        assertEquals(quarantinedDocIds.size(), quarantine.size(), "quarantine: " + quarantine);
        for (Row row : quarantine) {
            assertNotNull(row.getAs("message"));
            assertNotNull(row.getAs("quarantined_at"));
            assertNotNull(row.getAs("kafka_offset"));
        }
    }

    @Test
    void trinoReadsWhatSparkReads() {
        TrinoTables.get()
                .assertReadsWhatSparkReads(
                        output, documentsTable, quarantineTable, documents.keySet(), quarantinedDocIds);
    }

    protected List<Row> rowsOf(String docId) {
        return documentsTable
                .where(org.apache.spark.sql.functions.col("doc_id").equalTo(docId))
                .orderBy(OutputTable.RECORD_INDEX)
                .collectAsList();
    }

    /** Spark hands arrays back as Scala sequences; the expectation holds Java arrays. */
    static Object comparable(Object value) {
        if (value instanceof Object[] array) {
            return Arrays.asList(array);
        }
        if (value instanceof scala.collection.Seq<?> seq) {
            return new ArrayList<>(scala.jdk.javaapi.CollectionConverters.asJava(seq));
        }
        return value;
    }

    /** The first bulletins, two PDF bulletins and every JSON record file of the corpus. */
    static List<Path> someCorpusDocuments(int bulletins) {
        try (Stream<Path> txt = Files.list(Corpus.dir().resolve("bulletins"));
                Stream<Path> json = Files.list(Corpus.dir().resolve("json"))) {
            List<Path> files = new ArrayList<>(txt.sorted().limit(bulletins).toList());
            files.add(PdfSamples.corpusPdf(A_PDF_BULLETIN));
            files.add(PdfSamples.corpusPdf("PORT POLICE SERGEANT 3222.pdf"));
            files.addAll(json.sorted().toList());
            return files;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static SparkSession spark() {
        return TestStack.get().spark;
    }
}
