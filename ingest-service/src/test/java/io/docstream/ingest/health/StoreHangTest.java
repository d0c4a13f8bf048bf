package io.docstream.ingest.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.ingest.LocalServers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.io.IOException;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * With the S3 server hung (SIGSTOP: connections are accepted by the kernel, nothing answers), readiness still
 * answers, DOWN, within its own timeout rather than the store client's, and {@code docstream_ingest_ready} on
 * /q/metrics turns 0 until the store answers again.
 */
@QuarkusTest
class StoreHangTest {

    @Test
    void readinessAnswersDownWhileTheStoreHangs() throws Exception {
        long pid = LocalServers.s3().pid();
        signal("STOP", pid);
        try {
            // The client gives up after 10 s: the store client's call timeout (30 s) must not be what answers.
            RestAssuredConfig patient = RestAssured.config()
                    .httpClient(HttpClientConfig.httpClientConfig()
                            .setParam("http.socket.timeout", 10_000)
                            .setParam("http.connection.timeout", 2_000));
            Response ready = RestAssured.given().config(patient).get("/q/health/ready");
            assertEquals(503, ready.statusCode(), ready.asString());
            assertTrue(ready.asString().contains("no answer within"), ready.asString());
            // The metric an alert watches says so too, within a run of its own check.
            Awaitility.await()
                    .atMost(ReadinessMetric.EVERY.multipliedBy(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> readyMetric().equals("0.0"));
        } finally {
            signal("CONT", pid);
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Response again = RestAssured.given().get("/q/health/ready");
                    assertEquals(200, again.statusCode(), again.asString());
                });
        Awaitility.await()
                .atMost(ReadinessMetric.EVERY.multipliedBy(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> readyMetric().equals("1.0"));
    }

    /** The value of docstream_ingest_ready on /q/metrics. */
    private static String readyMetric() {
        return RestAssured.given()
                .get("/q/metrics")
                .asString()
                .lines()
                .filter(line -> line.startsWith("docstream_ingest_ready "))
                .map(line -> line.split(" ")[1])
                .findFirst()
                .orElse("absent");
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                .inheritIO()
                .start();
        assertEquals(0, kill.waitFor());
    }
}
