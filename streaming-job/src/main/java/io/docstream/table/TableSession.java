package io.docstream.table;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The short-lived session of a table command ({@code query}, {@code maintain}, {@code catalog}): local unless a
 * master is given, no UI, few shuffle partitions, Delta's extension and catalog. Settings the user passed win.
 */
public final class TableSession {

    private TableSession() {}

    public static SparkSession start(SparkConf conf, String appName, String defaultMaster) {
        conf.setIfMissing("spark.master", defaultMaster);
        conf.setIfMissing("spark.app.name", appName);
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.sql.shuffle.partitions", "2");
        DeltaTables.configure(conf);
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
