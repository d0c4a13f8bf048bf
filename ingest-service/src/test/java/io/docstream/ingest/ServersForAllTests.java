package io.docstream.ingest;

import io.quarkus.test.common.QuarkusTestResource;

/** Declares {@link LocalServers} for the whole suite, so Quarkus starts it once, not per test class. */
@QuarkusTestResource(LocalServers.class)
public final class ServersForAllTests {
    private ServersForAllTests() {}
}
