package io.docstream.ingest.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.docstream.ingest.Api;
import io.docstream.ingest.Arrivals;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiKeyTest {

    @Test
    void anUploadWithoutKeyIs401AndAnnouncesNothing() {
        try (Arrivals arrivals = Api.arrivals()) {
            given().contentType("text/plain")
                    .queryParam("filename", "a.txt")
                    .body("text")
                    .post("/documents")
                    .then()
                    .statusCode(401)
                    .body("error", equalTo("UNAUTHORIZED"));
            assertEquals(0, arrivals.countSinceOpened());
        }
    }

    @Test
    void aWrongKeyIs401() {
        given().header("X-Api-Key", "not-a-key")
                .contentType("text/plain")
                .queryParam("filename", "a.txt")
                .body("text")
                .post("/documents")
                .then()
                .statusCode(401)
                .body("error", equalTo("UNAUTHORIZED"));
        given().get("/documents/" + "0".repeat(32)).then().statusCode(401);
    }

    @Test
    void aBearerTokenIsAcceptedToo() {
        given().header("Authorization", "Bearer test-key-two")
                .contentType("text/plain")
                .queryParam("filename", "bearer.txt")
                .body("a bulletin by bearer\n")
                .post("/documents")
                .then()
                .statusCode(201);
    }

    @Test
    void healthMetricsAndOpenApiNeedNoKey() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'object-store' }.status", equalTo("UP"))
                .body(
                        "checks.name",
                        org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsStringIgnoringCase("kafka")));
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
