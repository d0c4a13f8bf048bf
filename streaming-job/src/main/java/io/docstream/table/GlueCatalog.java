package io.docstream.table;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.GlueClientBuilder;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.ConcurrentModificationException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * Registers the Delta tables in the AWS Glue Data Catalog as one entry every engine opens as a Delta table
 * (each takes the schema and the live files from the Delta log, so no crawler runs and no partitions are
 * registered):
 *
 * <ul>
 *   <li>Athena reads {@code table_type=DELTA} and the storage location;
 *   <li>Trino's (and Starburst's) Delta Lake connector wants {@code spark.sql.sources.provider=delta} in the
 *       parameters (else "not a Delta Lake table") and takes the table's location from the SerDe parameter
 *       {@code path} (a missing SerDe is "StorageDescriptor SerDeInfo is null");
 *   <li>Spark with Glue as its Hive metastore (EMR, Glue jobs) restores a data source table from the same
 *       provider parameter and its location from the same {@code path}; Delta's catalog then loads it as a
 *       Delta table.
 * </ul>
 *
 * The SerDe and the formats are the ones Spark and Trino write for a Delta table in a Hive metastore. Columns
 * come from the Delta schema, for the catalog's users (Glue console, Lake Formation). A table that exists is
 * replaced whole (an entry of an earlier version gains what it lacked) with the version it was read at, so
 * two registrations at once cannot silently overwrite each other: the loser re-reads and retries.
 */
public final class GlueCatalog {

    static final int UPDATE_ATTEMPTS = 5;

    /** Spark's and Trino's mark of a data source table, and the value that says "Delta". */
    public static final String PROVIDER = "spark.sql.sources.provider";

    public static final String DELTA_PROVIDER = "delta";
    /** The SerDe parameter holding the table's location, for Spark's and Trino's catalogs. */
    public static final String PATH = "path";

    static final String SERDE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
    static final String INPUT_FORMAT = "org.apache.hadoop.mapred.SequenceFileInputFormat";
    static final String OUTPUT_FORMAT = "org.apache.hadoop.hive.ql.io.HiveSequenceFileOutputFormat";

    private final GlueClient glue;

    public GlueCatalog(GlueClient glue) {
        this.glue = glue;
    }

    /** A client from the default credential chain; region and endpoint as given, else the SDK's defaults. */
    public static GlueClient client(String region, String endpoint) {
        GlueClientBuilder builder = GlueClient.builder();
        if (region != null && !region.isBlank()) {
            builder.region(Region.of(region));
        }
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    /** What a registration did. */
    public enum Result {
        CREATED,
        UPDATED
    }

    public void ensureDatabase(String database) {
        try {
            glue.getDatabase(b -> b.name(database));
        } catch (EntityNotFoundException missing) {
            try {
                glue.createDatabase(b -> b.databaseInput(
                        d -> d.name(database).description("docstream: documents and quarantine, Delta Lake tables")));
            } catch (AlreadyExistsException createdMeanwhile) {
                // another registration created it first: what we wanted
            }
        }
    }

    public Result register(String database, String table, String location, StructType schema) {
        TableInput input = tableInput(table, location, schema);
        try {
            glue.createTable(b -> b.databaseName(database).tableInput(input));
            return Result.CREATED;
        } catch (AlreadyExistsException exists) {
            return update(database, input);
        }
    }

    private Result update(String database, TableInput input) {
        for (int attempt = 1; ; attempt++) {
            String versionId = glue.getTable(b -> b.databaseName(database).name(input.name()))
                    .table()
                    .versionId();
            try {
                glue.updateTable(b -> b.databaseName(database).tableInput(input).versionId(versionId));
                return Result.UPDATED;
            } catch (ConcurrentModificationException raced) {
                if (attempt == UPDATE_ATTEMPTS) {
                    throw new IllegalStateException(
                            "Glue table " + database + "." + input.name() + " kept changing during " + UPDATE_ATTEMPTS
                                    + " updates; try again",
                            raced);
                }
            }
        }
    }

    /**
     * {@code s3a://} (Hadoop's scheme) becomes {@code s3://}, which Athena requires and EMR's and Trino's file
     * systems read; a folder ends with a slash. Other locations (a local folder's {@code file:} URI) stay.
     */
    public static String s3Location(String location) {
        return location.replaceFirst("^s3a://", "s3://").replaceAll("/+$", "") + "/";
    }

    /** The table as Glue stores it. */
    public static TableInput tableInput(String table, String location, StructType schema) {
        List<Column> columns = new ArrayList<>();
        for (StructField field : schema.fields()) {
            columns.add(Column.builder()
                    .name(field.name())
                    .type(field.dataType().catalogString())
                    .build());
        }
        String s3Location = s3Location(location);
        return TableInput.builder()
                .name(table)
                .tableType("EXTERNAL_TABLE")
                .parameters(Map.of("table_type", "DELTA", "EXTERNAL", "TRUE", PROVIDER, DELTA_PROVIDER))
                .storageDescriptor(StorageDescriptor.builder()
                        .location(s3Location)
                        .columns(columns)
                        .inputFormat(INPUT_FORMAT)
                        .outputFormat(OUTPUT_FORMAT)
                        .serdeInfo(SerDeInfo.builder()
                                .serializationLibrary(SERDE)
                                .parameters(Map.of(PATH, s3Location))
                                .build())
                        .build())
                .build();
    }
}
