package io.docstream.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finds the table version that a streaming batch committed, by the idempotent transaction id it carries
 * ({@code txn}: appId = query id, version = batch id), reading commits backwards from a known latest version.
 * For a re-run batch whose commit an earlier attempt made: it is among the last few commits of the table.
 */
final class TransactionCommits {

    /** How far back to look: the batch's own commit plus any maintenance commits made since. */
    static final int DEPTH = 50;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The commit that recorded {@code appId}'s {@code batchId}: its version and commit time. */
    record Found(long version, Instant committedAt) {}

    private TransactionCommits() {}

    static Optional<Found> find(
            Configuration hadoop, String tablePath, long latestVersion, String appId, long batchId) {
        Path log = new Path(tablePath, "_delta_log");
        try {
            FileSystem fs = log.getFileSystem(hadoop);
            for (long version = latestVersion; version >= 0 && version > latestVersion - DEPTH; version--) {
                Optional<Found> found =
                        lookIn(fs, new Path(log, String.format("%020d.json", version)), version, appId, batchId);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log of " + tablePath, e);
        }
    }

    private static Optional<Found> lookIn(FileSystem fs, Path commit, long version, String appId, long batchId)
            throws IOException {
        boolean ours = false;
        long timestamp = -1;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(fs.open(commit), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("{\"txn\"")) {
                    JsonNode txn = JSON.readTree(line).get("txn");
                    ours |= appId.equals(txn.path("appId").asText())
                            && txn.path("version").asLong() == batchId;
                } else if (line.startsWith("{\"commitInfo\"")) {
                    timestamp = JSON.readTree(line)
                            .get("commitInfo")
                            .path("timestamp")
                            .asLong(-1);
                }
            }
        } catch (FileNotFoundException e) {
            return Optional.empty(); // cleaned up by log retention: older than anything a re-run can need
        }
        if (!ours) {
            return Optional.empty();
        }
        Instant committedAt = timestamp >= 0
                ? Instant.ofEpochMilli(timestamp)
                : Instant.ofEpochMilli(fs.getFileStatus(commit).getModificationTime());
        return Optional.of(new Found(version, committedAt));
    }
}
