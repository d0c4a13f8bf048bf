package io.docstream.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.docstream.job.TestStack;
import io.docstream.servers.TrinoServer;
import io.docstream.trino.DeltaCatalog;
import io.docstream.trino.TrinoSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The job's tables read by a real Trino (476, its Delta Lake connector): a third reader beside Spark and
 * {@link DeltaLogReplay}, and what Athena engine v3 is built on. One server for every test of this JVM (it
 * takes 15-40 s to start), stopped with the JVM; its catalog {@code delta} keeps table entries in a local file
 * metastore and reads local folders and the test stack's S3 server (s3proxy, with its unknown-headers switch
 * on: Trino's listings carry a header s3proxy otherwise refuses).
 */
public final class TrinoTables {

    public static final String CATALOG = "delta";

    private static TrinoTables instance;

    public final TrinoServer server;
    private final TrinoSession session;

    private TrinoTables(TestStack stack) {
        long start = System.nanoTime();
        this.server = TrinoServer.start(stack.workDir.resolve("trino"));
        System.out.printf("trino: started in %.1f s (pid %d)%n", (System.nanoTime() - start) / 1e9, server.pid());
        this.session = TrinoSession.connect(server.jdbcUrl());
        session.createCatalog(
                CATALOG,
                DeltaCatalog.fileMetastore(stack.workDir.resolve("trino/metastore"))
                        .withS3(stack.s3.region(), stack.s3.endpoint(), stack.s3.accessKey(), stack.s3.secretKey()));
    }

    public static synchronized TrinoTables get() {
        if (instance == null) {
            instance = new TrinoTables(TestStack.get());
        }
        return instance;
    }

    public TrinoSession session() {
        return session;
    }

    /** Registers the tables under {@code output} that have a first commit in a new schema, and returns its name. */
    public String register(String output) {
        String schema = TestStack.unique("t").replace('-', '_');
        for (String table : List.of(DeltaTables.DOCUMENTS, DeltaTables.QUARANTINE)) {
            if (DeltaTables.exists(TestStack.get().spark, DeltaTables.path(output, table))) {
                session.registerTable(CATALOG, schema, table, DeltaTables.path(output, table));
            }
        }
        return schema;
    }

    public TrinoSession.Result query(String sql) {
        return session.query(sql);
    }

    /** Rows per doc_id of the documents table under {@code output}, as Trino reads it. */
    public Map<String, Long> rowsPerDocId(String output) {
        String schema = TestStack.unique("t").replace('-', '_');
        session.registerTable(CATALOG, schema, DeltaTables.DOCUMENTS, DeltaTables.documentsPath(output));
        Map<String, Long> counts = new HashMap<>();
        for (List<Object> row : query(
                        "SELECT doc_id, count(*) FROM " + CATALOG + "." + schema + ".documents GROUP BY doc_id")
                .rows()) {
            counts.put((String) row.get(0), (Long) row.get(1));
        }
        return counts;
    }

    /**
     * Trino reads the rows Spark reads: the same documents rows (doc_id, record_index and their lineage), the same
     * quarantine entries and reasons, and the documents and quarantine entries the test expects.
     */
    public void assertReadsWhatSparkReads(
            String output,
            Dataset<Row> sparkDocuments,
            Dataset<Row> sparkQuarantine,
            Set<String> expectedDocIds,
            Map<String, String> expectedQuarantine) {
        String schema = register(output);
        String lineage = "doc_id, record_index, file_name, source_uri, content_sha256";
        List<String> trinoRows = lines(query("SELECT " + lineage + " FROM " + CATALOG + "." + schema + ".documents")
                .rows());
        List<String> sparkRows = lines(sparkDocuments.selectExpr(lineage.split(", ")).collectAsList().stream()
                .map(row -> {
                    List<Object> values = new ArrayList<>();
                    for (int i = 0; i < row.size(); i++) {
                        values.add(row.get(i));
                    }
                    return values;
                })
                .toList());
        assertEquals(sparkRows, trinoRows, "documents rows: Trino against Spark");
        assertEquals(
                expectedDocIds,
                trinoRows.stream().map(line -> line.split("\t")[0]).collect(Collectors.toSet()),
                "doc_ids Trino reads");
        Map<String, String> trinoQuarantine = new TreeMap<>();
        query("SELECT doc_id, reason FROM " + CATALOG + "." + schema + ".quarantine")
                .rows()
                .forEach(row -> trinoQuarantine.merge((String) row.get(0), (String) row.get(1), (a, b) -> a + "," + b));
        assertEquals(reasonsOf(sparkQuarantine), trinoQuarantine, "quarantine: Trino against Spark");
        assertEquals(new TreeMap<>(expectedQuarantine), trinoQuarantine, "quarantine Trino reads");
    }

    private static Map<String, String> reasonsOf(Dataset<Row> quarantine) {
        Map<String, String> reasons = new TreeMap<>();
        quarantine
                .select("doc_id", "reason")
                .collectAsList()
                .forEach(row -> reasons.merge(row.getString(0), row.getString(1), (a, b) -> a + "," + b));
        return reasons;
    }

    private static List<String> lines(List<List<Object>> rows) {
        return rows.stream()
                .map(row -> row.stream().map(String::valueOf).collect(Collectors.joining("\t")))
                .sorted()
                .toList();
    }
}
