package io.docstream.table;

import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.TableManager;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.ConcurrentTransactionException;
import io.delta.kernel.exceptions.ConcurrentWriteException;
import io.delta.kernel.exceptions.TableAlreadyExistsException;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.hook.PostCommitHook;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import io.docstream.table.CommittedBatch.TableCommit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Delta table appended to by Delta Kernel on the driver: a batch's rows, already in the driver, become one
 * Parquet file per partition value (with statistics) and one commit that carries the batch's idempotent
 * transaction id, as delta-spark's {@code txnAppId}/{@code txnVersion} append does. The snapshot after each commit is
 * kept for the next one, so a steady stream never lists the log; the work Kernel hands back after a commit
 * (checksum, checkpoint at the table's interval) runs on a background thread and is awaited before the next commit
 * of the same table.
 */
final class KernelTable {

    private static final Logger LOG = LoggerFactory.getLogger(KernelTable.class);
    private static final String ENGINE_INFO = "docstream-job";
    /** A commit lost to a conflicting one (a change of schema or protocol by another writer) is tried again on a fresh snapshot. */
    private static final int ATTEMPTS = 3;

    private final String table;
    private final String path;
    private final String partitionColumn;
    private final Engine engine;
    private final Configuration hadoop;
    private final Executor postCommitThread;

    private Snapshot snapshot;
    /** The schema of a table this writer's first commit creates; null once the table exists. */
    private StructType newTableSchema;
    /** The work after the last commit; completes with a reloaded snapshot when it wrote a checkpoint. */
    private CompletableFuture<Snapshot> postCommit = CompletableFuture.completedFuture(null);

    private KernelTable(
            String table,
            String path,
            String partitionColumn,
            Engine engine,
            Configuration hadoop,
            Executor postCommitThread) {
        this.table = table;
        this.path = path;
        this.partitionColumn = partitionColumn;
        this.engine = engine;
        this.hadoop = hadoop;
        this.postCommitThread = postCommitThread;
    }

    /**
     * The table at {@code path}, its latest snapshot loaded.
     *
     * @param partitionColumn the table's one partition column, a date; null for an unpartitioned table
     * @throws io.delta.kernel.exceptions.TableNotFoundException when no table is there yet
     */
    /** A table that is not there yet: the first {@link #append} creates it with {@code schema}. */
    static KernelTable create(
            String table,
            String path,
            String partitionColumn,
            StructType schema,
            Engine engine,
            Configuration hadoop,
            Executor postCommitThread) {
        KernelTable kernel = new KernelTable(table, path, partitionColumn, engine, hadoop, postCommitThread);
        kernel.newTableSchema = schema;
        return kernel;
    }

    static KernelTable open(
            String table,
            String path,
            String partitionColumn,
            Engine engine,
            Configuration hadoop,
            Executor postCommitThread) {
        KernelTable kernel = new KernelTable(table, path, partitionColumn, engine, hadoop, postCommitThread);
        kernel.snapshot = kernel.load();
        return kernel;
    }

    /**
     * Appends {@code rows} (rows with a schema holding every column of the table) as {@code appId}'s commit of
     * {@code batchId}, or finds the commit an earlier attempt of the batch made.
     */
    TableCommit append(List<Row> rows, String appId, long batchId) {
        if (newTableSchema != null) {
            Optional<TableCommit> created = create(rows, appId, batchId);
            if (created.isPresent()) {
                return created.get();
            }
        }
        for (int attempt = 1; ; attempt++) {
            Snapshot base = current();
            Optional<Long> recorded = base.getLatestTransactionVersion(engine, appId);
            if (recorded.isPresent() && recorded.get() >= batchId) {
                return earlierCommit(base, appId, batchId, rows.size());
            }
            Transaction transaction = base.buildUpdateTableTransaction(ENGINE_INFO, Operation.WRITE)
                    .withTransactionId(appId, batchId)
                    .build(engine);
            List<io.delta.kernel.data.Row> actions = writeFiles(transaction, base.getSchema(), rows);
            CrashPoint.reach(CrashPoint.FILES_WRITTEN);
            try {
                TransactionCommitResult result = transaction.commit(engine, inMemory(actions));
                Instant committedAt = Instant.now();
                snapshot = result.getPostCommitSnapshot().orElse(null);
                runAfterCommit(result.getPostCommitHooks());
                LOG.debug("batch {} committed to {} at version {} by Kernel", batchId, path, result.getVersion());
                return new TableCommit(table, result.getVersion(), committedAt, rows.size(), false);
            } catch (ConcurrentTransactionException e) {
                // Another attempt of this batch committed after our snapshot was taken: its commit stands, ours is
                // dropped
                // (the files written above are never in the log; VACUUM deletes them).
                snapshot = null;
                return earlierCommit(current(), appId, batchId, rows.size());
            } catch (ConcurrentWriteException e) {
                snapshot = null;
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.warn(
                        "batch {}: commit to {} lost to a concurrent change; trying again on a fresh snapshot",
                        batchId,
                        path,
                        e);
            }
        }
    }

    /**
     * The table's first commit: its schema, its partition column, and the batch's rows, with the batch's
     * transaction id as any other commit. Empty when another writer created the table meanwhile.
     */
    private Optional<TableCommit> create(List<Row> rows, String appId, long batchId) {
        StructType schema = newTableSchema;
        newTableSchema = null;
        Transaction transaction = Table.forPath(engine, path)
                .createTransactionBuilder(engine, ENGINE_INFO, Operation.CREATE_TABLE)
                .withSchema(engine, schema)
                .withPartitionColumns(engine, partitionColumn == null ? List.of() : List.of(partitionColumn))
                .withTransactionId(engine, appId, batchId)
                .build(engine);
        List<io.delta.kernel.data.Row> actions = writeFiles(transaction, schema, rows);
        try {
            TransactionCommitResult result = transaction.commit(engine, inMemory(actions));
            Instant committedAt = Instant.now();
            snapshot = result.getPostCommitSnapshot().orElse(null);
            runAfterCommit(result.getPostCommitHooks());
            LOG.info("{} created by Kernel at {} with batch {}", table, path, batchId);
            return Optional.of(new TableCommit(table, result.getVersion(), committedAt, rows.size(), false));
        } catch (ConcurrentWriteException | TableAlreadyExistsException e) {
            snapshot = null;
            return Optional.empty();
        }
    }

    /** The table's latest snapshot known here: the last commit's, or one reloaded after a checkpoint or a conflict. */
    private Snapshot current() {
        Snapshot reloaded;
        try {
            reloaded = postCommit.join();
        } catch (java.util.concurrent.CompletionException e) {
            // The reload after a checkpoint failed: the post-commit snapshot is still right, only without that
            // checkpoint.
            LOG.warn("reloading {} after its checkpoint failed", path, e);
            reloaded = null;
        }
        postCommit = CompletableFuture.completedFuture(null);
        if (reloaded != null && (snapshot == null || reloaded.getVersion() >= snapshot.getVersion())) {
            snapshot = reloaded;
        }
        if (snapshot == null) {
            snapshot = load();
        }
        return snapshot;
    }

    private Snapshot load() {
        return TableManager.loadSnapshot(path).build(engine);
    }

    /** One file per partition value, each with statistics; the add actions that name them. */
    private List<io.delta.kernel.data.Row> writeFiles(Transaction transaction, StructType schema, List<Row> rows) {
        io.delta.kernel.data.Row state = transaction.getTransactionState(engine);
        List<io.delta.kernel.data.Row> actions = new ArrayList<>();
        for (Map.Entry<Map<String, Literal>, List<Row>> partition :
                partitions(rows).entrySet()) {
            Map<String, Literal> partitionValues = partition.getKey();
            FilteredColumnarBatch logical =
                    new FilteredColumnarBatch(new KernelRows(schema, partition.getValue()), Optional.empty());
            DataWriteContext context = Transaction.getWriteContext(engine, state, partitionValues);
            try (CloseableIterator<FilteredColumnarBatch> physical =
                            Transaction.transformLogicalData(engine, state, single(logical), partitionValues);
                    CloseableIterator<DataFileStatus> files = engine.getParquetHandler()
                            .writeParquetFiles(context.getTargetDirectory(), physical, context.getStatisticsColumns());
                    CloseableIterator<io.delta.kernel.data.Row> added = Transaction.generateAppendActions(
                            engine, state, files.map(StatisticsPrefixes::truncated), context)) {
                added.forEachRemaining(actions::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write a data file of " + path, e);
            }
        }
        return actions;
    }

    private Map<Map<String, Literal>, List<Row>> partitions(List<Row> rows) {
        if (partitionColumn == null) {
            return Map.of(Map.of(), rows);
        }
        // Keyed by the day (Literal has no hashCode of its own).
        Map<Long, List<Row>> byDay = new LinkedHashMap<>();
        for (Row row : rows) {
            Object value = row.getAs(partitionColumn);
            Long day = value == null
                    ? null
                    : value instanceof LocalDate date
                            ? date.toEpochDay()
                            : ((Date) value).toLocalDate().toEpochDay();
            byDay.computeIfAbsent(day, key -> new ArrayList<>()).add(row);
        }
        Map<Map<String, Literal>, List<Row>> partitions = new LinkedHashMap<>();
        byDay.forEach((day, dayRows) -> partitions.put(
                Map.of(partitionColumn, day == null ? Literal.ofNull(DateType.DATE) : Literal.ofDate(day.intValue())),
                dayRows));
        return partitions;
    }

    private TableCommit earlierCommit(Snapshot base, String appId, long batchId, long rows) {
        TransactionCommits.Found found = TransactionCommits.find(hadoop, path, base.getVersion(), appId, batchId)
                .orElseThrow(() -> new IllegalStateException("batch " + batchId + " of " + appId + " is recorded in "
                        + path + " but not among its last commits"));
        LOG.info("batch {} was committed to {} at version {} by an earlier attempt", batchId, path, found.version());
        return new TableCommit(table, found.version(), found.committedAt(), rows, true);
    }

    /**
     * Post-commit work off the batch's path, never skipped: the next commit of this table waits for it. After a
     * checkpoint the snapshot is reloaded, since the post-commit snapshot does not know the checkpoint it wrote.
     */
    private void runAfterCommit(List<PostCommitHook> hooks) {
        if (hooks.isEmpty()) {
            return;
        }
        postCommit = CompletableFuture.supplyAsync(
                () -> {
                    boolean checkpointed = false;
                    for (PostCommitHook hook : hooks) {
                        try {
                            hook.threadSafeInvoke(engine);
                            checkpointed |= hook.getType() == PostCommitHook.PostCommitHookType.CHECKPOINT;
                        } catch (IOException | RuntimeException e) {
                            // A missing checksum or checkpoint costs readers time, never data: the next one is written
                            // at its turn. Not a reason to fail the stream.
                            LOG.warn("{} after a commit to {} failed", hook.getType(), path, e);
                        }
                    }
                    return checkpointed ? load() : null;
                },
                postCommitThread);
    }

    private static <T> CloseableIterator<T> single(T value) {
        return iterator(List.of(value).iterator());
    }

    private static CloseableIterable<io.delta.kernel.data.Row> inMemory(List<io.delta.kernel.data.Row> actions) {
        return CloseableIterable.inMemoryIterable(iterator(actions.iterator()));
    }

    private static <T> CloseableIterator<T> iterator(Iterator<T> values) {
        return new CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return values.hasNext();
            }

            @Override
            public T next() {
                return values.next();
            }

            @Override
            public void close() {}
        };
    }
}
