package io.docstream.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/**
 * When each document became visible: for every row of a Delta table on this machine, its {@code doc_id}, the
 * table version whose commit added the row's file and that commit's time, read from the {@code _delta_log}
 * (commit JSON) and the added Parquet files (the {@code doc_id} column only). No Spark session: the bench
 * runs it after each load while the jobs keep running.
 *
 * <p>Usage: {@code CommitTimes <table folder> <out.tsv>}; writes {@code doc_id \t version \t commit_ms}.
 */
public final class CommitTimes {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A file added by one commit. */
    public record Added(long version, long commitMillis, String path) {}

    private CommitTimes() {}

    public static void main(String[] args) throws IOException {
        Path table = Path.of(args[0]);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8))) {
            for (Added added : addedFiles(table)) {
                for (String docId : docIds(table.resolve(added.path()))) {
                    out.println(docId + "\t" + added.version() + "\t" + added.commitMillis());
                }
            }
        }
    }

    /** Every file an append added, in version order; files of OPTIMIZE rewrites are skipped (their rows were seen earlier). */
    public static List<Added> addedFiles(Path table) throws IOException {
        Path log = table.resolve("_delta_log");
        List<Added> added = new ArrayList<>();
        if (!Files.isDirectory(log)) {
            return added;
        }
        List<Path> commits;
        try (Stream<Path> files = Files.list(log)) {
            commits = files.filter(file -> file.getFileName().toString().matches("\\d{20}\\.json"))
                    .sorted()
                    .toList();
        }
        for (Path commit : commits) {
            long version = Long.parseLong(commit.getFileName().toString().substring(0, 20));
            long commitMillis = -1;
            boolean dataChange = true;
            List<String> paths = new ArrayList<>();
            for (String line : Files.readAllLines(commit, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode action = JSON.readTree(line);
                if (action.has("commitInfo")) {
                    commitMillis = action.get("commitInfo").path("timestamp").asLong(-1);
                } else if (action.has("add")) {
                    JsonNode add = action.get("add");
                    dataChange &= add.path("dataChange").asBoolean(true);
                    paths.add(URLDecoder.decode(add.get("path").asText(), StandardCharsets.UTF_8));
                }
            }
            if (dataChange) {
                for (String path : paths) {
                    added.add(new Added(version, commitMillis, path));
                }
            }
        }
        return added;
    }

    static List<String> docIds(Path parquetFile) throws IOException {
        Configuration conf = new Configuration(false);
        conf.set(ReadSupport.PARQUET_READ_SCHEMA, "message row { optional binary doc_id (UTF8); }");
        List<String> ids = new ArrayList<>();
        try (ParquetReader<Group> reader = ParquetReader.builder(
                        new GroupReadSupport(), new org.apache.hadoop.fs.Path(parquetFile.toUri()))
                .withConf(conf)
                .build()) {
            for (Group row = reader.read(); row != null; row = reader.read()) {
                ids.add(row.getFieldRepetitionCount("doc_id") == 0 ? "" : row.getString("doc_id", 0));
            }
        }
        return ids;
    }
}
