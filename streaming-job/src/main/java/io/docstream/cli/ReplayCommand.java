package io.docstream.cli;

import io.docstream.job.JobSettings;
import io.docstream.table.TableSession;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/docstream replay}: lists the documents in quarantine (by reason, time, id) and, with {@code --apply},
 * asks the ingest service to replay each one, once the cause of their quarantine is fixed.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Replays quarantined documents: the ingest service announces each again (the stored bytes, a replay id"
                    + " the job does not drop as a re-announcement); one that now extracts becomes rows, one that"
                    + " still fails gets a new quarantine entry. Without --apply, only lists them (a dry run).",
            "Reads the tables under spark.docstream.output / DOCSTREAM_OUTPUT: the documents whose latest quarantine"
                    + " entry matches and that have no row in documents."
        })
public final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--reason", paramLabel = "CODE", description = "only documents quarantined for this reason")
    String reason;

    @Option(
            names = "--since",
            paramLabel = "TIME",
            description = "only documents quarantined at or after TIME (2026-12-01T08:00:00Z, or a date: 2026-12-01)")
    String since;

    @Option(names = "--doc-id", paramLabel = "ID", description = "only this document (repeatable)")
    List<String> docIds = List.of();

    @Option(names = "--apply", description = "replay them; without it, the command lists them and stops")
    boolean apply;

    @Option(
            names = "--ingest-url",
            paramLabel = "URL",
            defaultValue = "${env:DOCSTREAM_INGEST_URL:-http://127.0.0.1:8080}",
            description = "the ingest service (default: DOCSTREAM_INGEST_URL or ${DEFAULT-VALUE}); its API key from"
                    + " DOCSTREAM_API_KEY")
    URI ingestUrl;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReplayCommand()).execute(args));
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        QuarantinedDocuments.Selection selection;
        try {
            selection = new QuarantinedDocuments.Selection(
                    Optional.ofNullable(reason), Optional.ofNullable(since).map(ReplayCommand::instant), docIds);
        } catch (IllegalArgumentException e) {
            System.err.println("replay: " + e.getMessage());
            return 2;
        }
        SparkConf conf = new SparkConf();
        JobSettings settings = JobSettings.resolve(List.of(), conf, System.getenv());
        SparkSession spark = TableSession.start(conf, "docstream-replay", "local[2]");
        try {
            IngestReplays ingest = new IngestReplays(
                    ingestUrl,
                    Optional.ofNullable(System.getenv("DOCSTREAM_API_KEY")).filter(key -> !key.isBlank()));
            return run(spark, settings.output(), selection, apply ? ingest : null, System.out);
        } finally {
            spark.stop();
        }
    }

    /**
     * Lists the selected documents, and replays them through {@code ingest} unless it is null (a dry run).
     * 0 when every one was replayed or refused as not quarantined (any more), 1 when a request failed otherwise.
     */
    public static int run(
            SparkSession spark,
            String output,
            QuarantinedDocuments.Selection selection,
            IngestReplays ingest,
            PrintStream out)
            throws IOException, InterruptedException {
        List<QuarantinedDocuments.Quarantined> documents = QuarantinedDocuments.find(spark, output, selection);
        out.printf("%d quarantined document(s) selected%n", documents.size());
        for (QuarantinedDocuments.Quarantined document : documents) {
            out.printf(
                    "  %s  %-20s  %s  %s%n",
                    document.docId(), document.reason(), document.quarantinedAt(), document.fileName());
        }
        if (ingest == null) {
            out.println("dry run: nothing replayed (add --apply to replay them)");
            return 0;
        }
        int replayed = 0;
        int refused = 0;
        int failed = 0;
        for (QuarantinedDocuments.Quarantined document : documents) {
            IngestReplays.Answer answer = ingest.replay(document.docId());
            if (answer.replayed()) {
                replayed++;
                out.printf("  %s  replayed (replay %s)%n", document.docId(), answer.replayId());
            } else if (answer.status() == 409) {
                refused++;
                out.printf("  %s  not replayed: %s%n", document.docId(), answer.message());
            } else {
                failed++;
                out.printf(
                        "  %s  FAILED: %d %s %s%n",
                        document.docId(),
                        answer.status(),
                        answer.error() == null ? "" : answer.error(),
                        answer.message());
            }
        }
        out.printf(
                "%d replayed, %d not quarantined any more, %d failed; GET /documents/{doc_id}?wait=25s tells what each"
                        + " became%n",
                replayed, refused, failed);
        return failed == 0 ? 0 : 1;
    }

    static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new IllegalArgumentException(
                        "--since must be a time such as 2026-12-01T08:00:00Z or a date such as 2026-12-01, not "
                                + text);
            }
        }
    }
}
