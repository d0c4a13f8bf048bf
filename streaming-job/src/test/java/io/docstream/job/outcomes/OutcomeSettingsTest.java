package io.docstream.job.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The outcome settings are job settings: argument, then --conf, then environment, then the default. */
class OutcomeSettingsTest {

    @Test
    void defaultsConfsEnvironmentAndOff() {
        OutcomeSettings defaults = OutcomeSettings.resolve(List.of(), new SparkConf(false), Map.of());
        assertEquals(new OutcomeSettings("document-outcomes", 20000), defaults);
        assertTrue(defaults.enabled());

        SparkConf conf = new SparkConf(false).set("spark.docstream.outcomes.topic", "from-conf");
        OutcomeSettings configured = OutcomeSettings.resolve(
                List.of("--outcomes.buffer=5"),
                conf,
                Map.of("DOCSTREAM_OUTCOMES_TOPIC", "from-env", "DOCSTREAM_OUTCOMES_BUFFER", "7"));
        assertEquals(new OutcomeSettings("from-conf", 5), configured);

        assertFalse(OutcomeSettings.resolve(List.of(), new SparkConf(false), Map.of("DOCSTREAM_OUTCOMES_TOPIC", "off"))
                .enabled());
        assertThrows(
                IllegalArgumentException.class,
                () -> OutcomeSettings.resolve(List.of("--outcomes.buffer=0"), new SparkConf(false), Map.of()));
    }
}
