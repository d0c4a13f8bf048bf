package io.docstream.ingest;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/** Requests as an authorized client sends them, and what tests need to know of the running service. */
public final class Api {

    public static final String KEY = "test-key-one";
    /** The test profile's second client. */
    public static final String OTHER_KEY = "test-key-two";
    /** A client whose key comes from the API keys file ({@link LocalServers#apiKeys()}), not the environment. */
    public static final String FILE_KEY = "test-file-key-one";

    private Api() {}

    public static RequestSpecification client() {
        return clientWith(KEY);
    }

    public static RequestSpecification clientWith(String apiKey) {
        return RestAssured.given().header("X-Api-Key", apiKey);
    }

    public static String config(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }

    /** A setting, or {@code fallback} when the service does not know it. */
    public static String config(String name, String fallback) {
        return ConfigProvider.getConfig().getOptionalValue(name, String.class).orElse(fallback);
    }

    public static String bootstrapServers() {
        return config("kafka.bootstrap.servers");
    }

    public static Arrivals arrivals() {
        return Arrivals.fromNow(bootstrapServers(), config("docstream.topic"));
    }
}
