package io.docstream.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hive.conf.HiveConf;
import org.apache.hadoop.hive.metastore.HiveMetaStoreClient;
import org.apache.hadoop.hive.metastore.api.FieldSchema;
import org.apache.hadoop.hive.metastore.api.SerDeInfo;
import org.apache.hadoop.hive.metastore.api.StorageDescriptor;
import org.apache.hadoop.hive.metastore.api.Table;
import org.apache.spark.sql.SparkSession;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * Spark with Glue as its Hive metastore, as on EMR, opening the entries {@code bin/docstream catalog} wrote.
 * There, AWS's Glue client for Hive (part of EMR, not on Maven Central) hands Spark's Hive catalog each Glue
 * table converted field by field into a Hive table; here the same fields go into a local Hive metastore (Derby)
 * and Spark's own Hive catalog reads them: provider, SerDe path, location, as they came from Glue. A child JVM's
 * main, since a JVM's Spark has one catalog implementation: arguments database, Glue endpoint, state folder;
 * prints {@code spark-hive: <table>=<rows>} per table. Delta and S3A settings come as system properties.
 */
final class SparkReadsGlueEntry {

    private SparkReadsGlueEntry() {}

    public static void main(String[] args) throws Exception {
        String database = args[0];
        String glueEndpoint = args[1];
        String state = args[2];
        SparkSession spark = SparkSession.builder()
                .master("local[1]")
                .appName("spark-hive-on-glue-entry")
                .config("spark.sql.warehouse.dir", state + "/warehouse")
                .config(
                        "spark.hadoop.javax.jdo.option.ConnectionURL",
                        "jdbc:derby:;databaseName=" + state + "/metastore_db;create=true")
                .enableHiveSupport()
                .getOrCreate();
        try (GlueClient glue = GlueCatalog.client("us-east-1", glueEndpoint)) {
            spark.sql("CREATE DATABASE IF NOT EXISTS " + database);
            HiveMetaStoreClient hive =
                    new HiveMetaStoreClient(new HiveConf(spark.sparkContext().hadoopConfiguration(), HiveConf.class));
            try {
                for (String table : List.of(DeltaTables.DOCUMENTS, DeltaTables.QUARANTINE)) {
                    hive.createTable(hiveTable(
                            database,
                            glue.getTable(b -> b.databaseName(database).name(table))
                                    .table()));
                }
            } finally {
                hive.close();
            }
            for (String table : List.of(DeltaTables.DOCUMENTS, DeltaTables.QUARANTINE)) {
                System.out.println("spark-hive: " + table + "="
                        + spark.table(database + "." + table).count());
            }
        } finally {
            spark.stop();
        }
    }

    /** The Glue table as a Hive metastore table, every field as it is. */
    static Table hiveTable(String database, software.amazon.awssdk.services.glue.model.Table glue) {
        var glueStorage = glue.storageDescriptor();
        List<FieldSchema> columns = new ArrayList<>();
        glueStorage.columns().forEach(c -> columns.add(new FieldSchema(c.name(), c.type(), c.comment())));
        SerDeInfo serde = new SerDeInfo();
        serde.setSerializationLib(glueStorage.serdeInfo().serializationLibrary());
        serde.setParameters(new HashMap<>(glueStorage.serdeInfo().parameters()));
        StorageDescriptor storage = new StorageDescriptor();
        storage.setLocation(glueStorage.location());
        storage.setCols(columns);
        storage.setInputFormat(glueStorage.inputFormat());
        storage.setOutputFormat(glueStorage.outputFormat());
        storage.setSerdeInfo(serde);
        Table table = new Table();
        table.setDbName(database);
        table.setTableName(glue.name());
        table.setTableType(glue.tableType());
        table.setParameters(new HashMap<>(Map.copyOf(glue.parameters())));
        table.setSd(storage);
        table.setPartitionKeys(new ArrayList<>());
        return table;
    }
}
