package io.docstream.servers;

import java.util.List;

/**
 * How the servers' JVMs compile: C1 only by default, which starts them fast for tests and demos; the
 * full tiered compiler (C2) when {@code -Ddocstream.servers.steady-state=true} is set, for benchmarks,
 * which measure the servers as they would run for hours and not as they run in their first minute.
 */
final class CompilerMode {

    static final String STEADY_STATE = "docstream.servers.steady-state";

    private CompilerMode() {}

    static List<String> flags() {
        return Boolean.getBoolean(STEADY_STATE) ? List.of() : List.of("-XX:TieredStopAtLevel=1");
    }
}
