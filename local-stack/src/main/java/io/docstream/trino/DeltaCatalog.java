package io.docstream.trino;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Trino Delta Lake catalog's properties, as {@code CREATE CATALOG} takes them: where table entries live (a
 * file metastore in a local folder, or AWS Glue) and which file systems the tables may be on (local folders,
 * S3). Tables in a file metastore are added with {@code register_table}; a Glue catalog lists what
 * {@code bin/docstream catalog} registered.
 */
public final class DeltaCatalog {

    private final Map<String, String> properties = new LinkedHashMap<>();

    private DeltaCatalog(String metastore) {
        properties.put("hive.metastore", metastore);
        // Local folders: file:// and local:// locations anywhere on this machine.
        properties.put("fs.native-local.enabled", "true");
        properties.put("local.location", "/");
    }

    /** Table entries as files under {@code dir}; tables are added with {@code register_table}. */
    public static DeltaCatalog fileMetastore(Path dir) {
        DeltaCatalog catalog = new DeltaCatalog("file");
        catalog.properties.put(
                "hive.metastore.catalog.dir", dir.toAbsolutePath().toUri().toString());
        catalog.properties.put("delta.register-table-procedure.enabled", "true");
        return catalog;
    }

    /** The tables of a Glue Data Catalog; endpoint and keys for a local Glue (moto), else the default chain. */
    public static DeltaCatalog glue(String region, String endpoint, String accessKey, String secretKey) {
        DeltaCatalog catalog = new DeltaCatalog("glue");
        catalog.properties.put("hive.metastore.glue.region", region);
        putIfGiven(catalog.properties, "hive.metastore.glue.endpoint-url", endpoint);
        putIfGiven(catalog.properties, "hive.metastore.glue.aws-access-key", accessKey);
        putIfGiven(catalog.properties, "hive.metastore.glue.aws-secret-key", secretKey);
        return catalog;
    }

    /**
     * Tables on S3 ({@code s3://} locations) too, through Trino's own S3 client: endpoint (path-style) and keys
     * for a local S3 server; left out, AWS and the default credential chain.
     */
    public DeltaCatalog withS3(String region, String endpoint, String accessKey, String secretKey) {
        properties.put("fs.native-s3.enabled", "true");
        properties.put("s3.region", region);
        if (endpoint != null && !endpoint.isBlank()) {
            properties.put("s3.endpoint", endpoint);
            properties.put("s3.path-style-access", "true");
        }
        putIfGiven(properties, "s3.aws-access-key", accessKey);
        putIfGiven(properties, "s3.aws-secret-key", secretKey);
        return this;
    }

    public Map<String, String> properties() {
        return Map.copyOf(properties);
    }

    /** {@code CREATE CATALOG name USING delta_lake WITH (...)}. */
    public String createStatement(String name) {
        return "CREATE CATALOG " + name + " USING delta_lake WITH ("
                + properties.entrySet().stream()
                        .map(e -> "\"" + e.getKey() + "\" = " + TrinoSession.literal(e.getValue()))
                        .collect(Collectors.joining(", "))
                + ")";
    }

    /**
     * A table location as Trino's file systems name it: Hadoop's {@code s3a://} is {@code s3://}; a local
     * folder is a {@code file:///} URI.
     */
    public static String location(String tableLocation) {
        if (tableLocation.startsWith("s3a://")) {
            return "s3://" + tableLocation.substring("s3a://".length());
        }
        if (tableLocation.startsWith("s3://")) {
            return tableLocation;
        }
        Path folder = tableLocation.startsWith("file:")
                ? Path.of(java.net.URI.create(tableLocation))
                : Path.of(tableLocation);
        return folder.toAbsolutePath().normalize().toUri().toString();
    }

    private static void putIfGiven(Map<String, String> properties, String key, String value) {
        if (value != null && !value.isBlank()) {
            properties.put(key, value);
        }
    }
}
