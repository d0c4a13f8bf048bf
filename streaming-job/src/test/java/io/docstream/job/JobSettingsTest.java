package io.docstream.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class JobSettingsTest {

    @Test
    void defaultsNeedNothingAndLiveUnderDotDocstream() {
        JobSettings settings = JobSettings.resolve(List.of(), new SparkConf(false), Map.of());
        assertEquals("document-arrivals", settings.topic());
        assertEquals("5 seconds", settings.trigger());
        assertEquals(new File(".docstream/tables").getAbsoluteFile().toURI().toString(), settings.output());
        assertTrue(settings.documentsCheckpoint().endsWith(".docstream/checkpoints/documents"));
    }

    @Test
    void argumentsBeatConfsWhichBeatTheEnvironment() {
        SparkConf conf = new SparkConf(false)
                .set("spark.docstream.topic", "from-conf")
                .set("spark.docstream.trigger", "1 second");
        Map<String, String> env = Map.of(
                "DOCSTREAM_TOPIC",
                "from-env",
                "DOCSTREAM_MAX_OFFSETS_PER_TRIGGER",
                "500",
                "DOCSTREAM_KAFKA_BOOTSTRAP",
                "kafka:9092");
        JobSettings settings = JobSettings.resolve(List.of("--trigger=2 seconds", "--input", "s3a://b/in/"), conf, env);
        assertEquals("from-conf", settings.topic());
        assertEquals("2 seconds", settings.trigger());
        assertEquals(500, settings.maxOffsetsPerTrigger());
        assertEquals("kafka:9092", settings.kafkaBootstrap());
        assertEquals("s3a://b/in/", settings.input());
    }

    @Test
    void environmentNamesFollowTheConfNames() {
        assertEquals("DOCSTREAM_MAX_OFFSETS_PER_TRIGGER", JobSettings.Key.MAX_OFFSETS_PER_TRIGGER.env());
        assertEquals("DOCSTREAM_KAFKA_BOOTSTRAP", JobSettings.Key.KAFKA_BOOTSTRAP.env());
        assertEquals("spark.docstream.startingOffsets", JobSettings.Key.STARTING_OFFSETS.conf());
    }

    @Test
    void metricsAreServedOnLoopbackUnlessTheDeploymentSaysOtherwise() {
        JobSettings defaults = JobSettings.resolve(List.of(), new SparkConf(false), Map.of());
        assertEquals(new JobSettings.MetricsEndpoint("127.0.0.1", 9464), defaults.metrics());
        JobSettings container = JobSettings.resolve(
                List.of(), new SparkConf(false).set("spark.docstream.metrics.bindAddress", "0.0.0.0"), Map.of());
        assertEquals("0.0.0.0", container.metrics().bindAddress());
        JobSettings off = JobSettings.resolve(List.of("--metrics.port=off"), new SparkConf(false), Map.of());
        assertFalse(off.metrics().enabled());
        IllegalArgumentException bad = assertThrows(
                IllegalArgumentException.class,
                () -> JobSettings.resolve(List.of("--metrics.port=70000"), new SparkConf(false), Map.of()));
        assertTrue(bad.getMessage().contains("metrics.port"), bad.getMessage());
    }

    @Test
    void unknownArgumentsAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> JobSettings.resolve(List.of("--outptu=x"), new SparkConf(false), Map.of()));
    }

    @Test
    void theDedupWindowIsAnIntervalAndMustBePositive() {
        assertEquals(
                3_600_000L,
                JobSettings.resolve(List.of(), new SparkConf(false), Map.of()).dedupWindowMs());
        assertEquals(
                90 * 60_000L,
                JobSettings.resolve(List.of("--dedupWindow=90 minutes"), new SparkConf(false), Map.of())
                        .dedupWindowMs());
        IllegalArgumentException notAnInterval = assertThrows(
                IllegalArgumentException.class,
                () -> JobSettings.resolve(List.of("--dedupWindow=soon"), new SparkConf(false), Map.of()));
        assertTrue(notAnInterval.getMessage().contains("dedupWindow 'soon'"), notAnInterval.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> JobSettings.resolve(List.of("--dedupWindow=0 seconds"), new SparkConf(false), Map.of()));
    }
}
