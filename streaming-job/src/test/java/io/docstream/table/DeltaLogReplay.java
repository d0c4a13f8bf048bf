package io.docstream.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * A Delta reader that is not Spark, for tests: replays a table's {@code _delta_log} JSON commits (add and
 * remove actions, in version order) and reads the live files' columns with parquet-hadoop, the way a
 * non-Spark engine (Trino, Athena) resolves a snapshot. Also lists every Parquet file under the table, as a
 * reader that ignores the log would.
 */
public final class DeltaLogReplay {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path table;

    public DeltaLogReplay(Path table) {
        this.table = table;
    }

    /** One commit: its version, its commit time, and the actions it holds. */
    public record Commit(long version, long timestampMs, List<JsonNode> actions) {}

    public List<Commit> commits() {
        Path log = table.resolve("_delta_log");
        List<Commit> commits = new ArrayList<>();
        try (Stream<Path> files = Files.list(log)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("\\d{20}\\.json"))
                    .sorted()
                    .toList()) {
                List<JsonNode> actions = new ArrayList<>();
                long timestamp = 0;
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode action = JSON.readTree(line);
                    actions.add(action);
                    if (action.has("commitInfo")) {
                        timestamp = action.get("commitInfo").path("timestamp").asLong();
                    }
                }
                String name = file.getFileName().toString();
                commits.add(new Commit(Long.parseLong(name.substring(0, 20)), timestamp, actions));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return commits;
    }

    /** The data files of the latest snapshot, relative to the table, after every add and remove. */
    public Set<String> liveFiles() {
        Set<String> live = new LinkedHashSet<>();
        for (Commit commit : commits()) {
            for (JsonNode action : commit.actions()) {
                if (action.has("add")) {
                    live.add(decode(action.get("add").get("path").asText()));
                } else if (action.has("remove")) {
                    live.remove(decode(action.get("remove").get("path").asText()));
                }
            }
        }
        return live;
    }

    /** The latest protocol action: minReaderVersion, minWriterVersion and any table features. */
    public JsonNode protocol() {
        JsonNode protocol = null;
        for (Commit commit : commits()) {
            for (JsonNode action : commit.actions()) {
                if (action.has("protocol")) {
                    protocol = action.get("protocol");
                }
            }
        }
        return protocol;
    }

    /** The latest metaData action (schema, partition columns, configuration). */
    public JsonNode metadata() {
        JsonNode metadata = null;
        for (Commit commit : commits()) {
            for (JsonNode action : commit.actions()) {
                if (action.has("metaData")) {
                    metadata = action.get("metaData");
                }
            }
        }
        return metadata;
    }

    /** The values of one string column over the latest snapshot's files. */
    public List<String> column(String name) {
        return read(liveFiles(), name);
    }

    /** The values of one string column over every Parquet file under the table, committed or not. */
    public List<String> columnOfEveryFile(String name) {
        return read(everyParquetFile(), name);
    }

    public Set<String> everyParquetFile() {
        try (Stream<Path> files = Files.walk(table)) {
            Set<String> all = new LinkedHashSet<>();
            files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".parquet"))
                    .filter(f -> !table.relativize(f).startsWith("_delta_log"))
                    .forEach(f -> all.add(table.relativize(f).toString()));
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> read(Set<String> files, String column) {
        List<String> values = new ArrayList<>();
        for (String file : files) {
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(table.resolve(file)))) {
                MessageType schema = reader.getFooter().getFileMetaData().getSchema();
                MessageType projection = new MessageType(schema.getName(), schema.getType(column));
                reader.setRequestedSchema(projection);
                PageReadStore pages;
                while ((pages = reader.readNextRowGroup()) != null) {
                    RecordReader<Group> records = new ColumnIOFactory()
                            .getColumnIO(projection)
                            .getRecordReader(pages, new GroupRecordConverter(projection));
                    for (long i = 0; i < pages.getRowCount(); i++) {
                        Group record = records.read();
                        values.add(record.getFieldRepetitionCount(column) == 0 ? null : record.getString(column, 0));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + file, e);
            }
        }
        return values;
    }

    /** Counts of each value: how often a reader of those files would see it. */
    public static Map<String, Long> counts(List<String> values) {
        Map<String, Long> counts = new LinkedHashMap<>();
        values.forEach(v -> counts.merge(v, 1L, Long::sum));
        return counts;
    }

    private static String decode(String path) {
        return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
