package io.docstream.job.outcomes;

import io.docstream.job.JobSettings;
import io.docstream.job.JobSettings.Key;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;

/**
 * Where the driver publishes the outcome of every committed document, and how many outcome events it keeps while
 * Kafka does not take them.
 *
 * @param topic  the document-outcomes topic; {@code off}: no outcome events
 * @param buffer outcome events kept waiting for Kafka, at most (past it, a batch's outcomes are dropped, logged)
 */
public record OutcomeSettings(String topic, int buffer) {

    public OutcomeSettings {
        if (buffer < 1) {
            throw new IllegalArgumentException(Key.OUTCOMES_BUFFER.conf() + " must be positive: " + buffer);
        }
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException(
                    Key.OUTCOMES_TOPIC.conf() + " must name a topic, or be off for no outcome events");
        }
    }

    public static OutcomeSettings resolve(List<String> args, SparkConf conf, Map<String, String> env) {
        return new OutcomeSettings(
                JobSettings.setting(Key.OUTCOMES_TOPIC, args, conf, env).strip(),
                Integer.parseInt(JobSettings.setting(Key.OUTCOMES_BUFFER, args, conf, env)
                        .strip()));
    }

    public boolean enabled() {
        return !topic.equalsIgnoreCase("off");
    }
}
