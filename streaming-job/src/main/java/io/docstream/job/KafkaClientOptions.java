package io.docstream.job;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.SparkConf;
import scala.Tuple2;

/**
 * Kafka client settings beyond the bootstrap servers — TLS, SASL, MSK IAM — given to the job as
 * {@code spark.docstream.kafka.client.<kafka setting>} (e.g. {@code spark.docstream.kafka.client.security.protocol=SASL_SSL})
 * and handed to the Kafka source as {@code kafka.<kafka setting>}, and to the job's own admin probes as they are.
 * Secrets among them (a JAAS config with a password) belong in a properties file or the environment of
 * spark-submit, not on its command line.
 */
public final class KafkaClientOptions {

    public static final String PREFIX = "spark.docstream.kafka.client.";

    private KafkaClientOptions() {}

    /** The Kafka client settings, named as the Kafka client names them. */
    static Map<String, String> from(SparkConf conf) {
        Map<String, String> settings = new TreeMap<>();
        for (Tuple2<String, String> entry : conf.getAllWithPrefix(PREFIX)) {
            settings.put(entry._1(), entry._2());
        }
        return settings;
    }

    /** The same settings as options of Spark's Kafka source ({@code kafka.} + name). */
    static Map<String, String> asSourceOptions(SparkConf conf) {
        Map<String, String> options = new TreeMap<>();
        from(conf).forEach((name, value) -> options.put("kafka." + name, value));
        return options;
    }
}
