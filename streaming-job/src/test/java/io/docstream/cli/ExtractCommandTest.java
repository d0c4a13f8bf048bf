package io.docstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docstream.extract.Corpus;
import io.docstream.extract.DocumentColumn;
import io.docstream.extract.ExtractorVersion;
import io.docstream.extract.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code docstream extract} in-process on a folder of two bulletins, a JSON record file and two bad files. */
class ExtractCommandTest {

    private static final String ANALYST = "ADMINISTRATIVE ANALYST 1590 060118.txt";
    private static final String MECHANIC = "AIR CONDITIONING MECHANIC 3774 041417.txt";
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int run(String... args) {
        ExtractCommand command = new ExtractCommand(
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC));
        return command.run(args);
    }

    private List<String> lines(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void rowsGoToStdoutQuarantinesAndASummaryToStderr() throws IOException {
        Files.copy(Corpus.bulletin(ANALYST), folder.resolve(ANALYST));
        Path nested = Files.createDirectories(folder.resolve("more"));
        Files.copy(Corpus.bulletin(MECHANIC), nested.resolve(MECHANIC));
        Files.copy(Corpus.json("worker_compensation_claims_array.json"), nested.resolve("claims.json"));
        Files.write(folder.resolve("empty.txt"), Fixtures.bytes("bad/empty.txt"));
        Files.write(folder.resolve("notes.docx"), "PK".getBytes(StandardCharsets.US_ASCII));

        assertEquals(0, run(folder.toString()));

        List<JsonNode> rows = new ArrayList<>();
        for (String line : lines(stdout)) {
            rows.add(JSON.readTree(line));
        }
        assertEquals(7, rows.size(), "two bulletins and five JSON records");
        for (JsonNode row : rows) {
            List<String> names = new ArrayList<>();
            row.fieldNames().forEachRemaining(names::add);
            assertEquals(DocumentColumn.NAMES, names);
        }
        JsonNode analyst = rows.get(0);
        assertEquals(ANALYST, analyst.get("file_name").asText());
        assertEquals("ADMINISTRATIVE ANALYST", analyst.get("position").asText());
        assertEquals("1590", analyst.get("classcode").asText());
        assertEquals(60489.0, analyst.get("salary_start").doubleValue());
        assertTrue(analyst.get("salary_start").isNumber());
        assertEquals("2018-06-01", analyst.get("start_date").asText());
        assertEquals("2018-06-14", analyst.get("end_date").asText());
        assertEquals(
                "[\"Written Test\",\"Essay\",\"Interview\"]",
                analyst.get("selection").toString());
        assertTrue(analyst.get("salary_dwp_start").isNull());
        assertEquals("bulletin", analyst.get("source_type").asText());
        assertEquals(
                folder.resolve(ANALYST).toUri().toString(),
                analyst.get("source_uri").asText());
        assertTrue(analyst.get("source_uri").asText().startsWith("file:/"));
        assertEquals(
                sha256(Corpus.bulletin(ANALYST)), analyst.get("content_sha256").asText());
        assertTrue(analyst.get("doc_id").isNull());
        assertTrue(analyst.get("ingested_at").isNull());
        assertEquals(NOW.toString(), analyst.get("processed_at").asText());
        assertEquals(ExtractorVersion.CURRENT, analyst.get("extractor_version").asText());
        assertTrue(analyst.get("rescued_data").isNull());
        assertTrue(analyst.get("parse_warnings").isArray());

        // Folders are walked in path order: "ADMIN...", "empty.txt", "more/AIR...", "more/claims.json", "notes.docx".
        assertEquals(MECHANIC, rows.get(1).get("file_name").asText());
        assertEquals(99054.0, rows.get(1).get("salary_dwp_start").doubleValue());
        assertEquals("claim_doc_001.pdf", rows.get(2).get("file_name").asText());
        assertEquals("json_record", rows.get(2).get("source_type").asText());

        List<String> errors = lines(stderr);
        assertEquals(3, errors.size(), errors.toString());
        JsonNode empty = JSON.readTree(errors.get(0));
        assertEquals("empty.txt", empty.get("file_name").asText());
        assertEquals(
                folder.resolve("empty.txt").toUri().toString(),
                empty.get("source_uri").asText());
        assertEquals("EMPTY", empty.get("reason").asText());
        assertEquals("the document has no bytes", empty.get("message").asText());
        assertEquals(
                "UNSUPPORTED_TYPE", JSON.readTree(errors.get(1)).get("reason").asText());
        assertTrue(
                errors.get(2).matches("extracted 7 rows from 5 documents, 2 quarantined in \\d+\\.\\d\\d s"),
                errors.get(2));
    }

    @Test
    void aPdfBulletinIsARowWhoseSourceTypeSaysPdf() throws IOException {
        String name = "PORT POLICE SERGEANT 3222.pdf";
        Path pdf = Files.copy(Corpus.dir().resolve("pdf").resolve(name), folder.resolve(name));
        Files.write(folder.resolve("half.pdf"), java.util.Arrays.copyOf(Files.readAllBytes(pdf), 1000));
        assertEquals(0, run(folder.toString()));
        List<JsonNode> rows =
                lines(stdout).stream().map(ExtractCommandTest::json).toList();
        assertEquals(1, rows.size());
        assertEquals("3222", rows.get(0).get("classcode").asText());
        assertEquals("2014-04-04", rows.get(0).get("start_date").asText());
        assertEquals("bulletin_pdf", rows.get(0).get("source_type").asText());
        JsonNode half = JSON.readTree(lines(stderr).get(0));
        assertEquals("half.pdf", half.get("file_name").asText());
        assertEquals("PDF_UNREADABLE", half.get("reason").asText());
    }

    @Test
    void aSingleFileMayBeGivenDirectly() throws IOException {
        Path bulletin = Files.copy(Corpus.bulletin(ANALYST), folder.resolve(ANALYST));
        assertEquals(0, run(bulletin.toString()));
        assertEquals(1, lines(stdout).size());
    }

    @Test
    void withoutPathsOrWithAMissingPathTheUsageIsShownWithStatus2() {
        assertEquals(2, run());
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("usage: docstream extract"));
        stderr.reset();
        assertEquals(2, run(folder.resolve("missing").toString()));
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("no such file or folder"));
        assertEquals("", stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theCapIsConfigurable() throws IOException {
        Files.copy(Corpus.bulletin(ANALYST), folder.resolve(ANALYST));
        assertEquals(0, run("--max-bytes", "1000", folder.toString()));
        assertEquals("", stdout.toString(StandardCharsets.UTF_8));
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("\"reason\":\"TOO_LARGE\""));
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
