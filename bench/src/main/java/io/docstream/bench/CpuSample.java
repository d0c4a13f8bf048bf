package io.docstream.bench;

import io.docstream.servers.ProcessCpu;
import io.docstream.servers.ProcessTree;
import java.util.LinkedHashMap;
import java.util.Map;

/** CPU time used so far by each named process (all its threads, and its children: a worker's executors). */
record CpuSample(long nanoTime, Map<String, Long> millis) {

    static CpuSample take(Map<String, Long> pids) {
        Map<String, Long> millis = new LinkedHashMap<>();
        pids.forEach((name, pid) ->
                millis.put(name, ProcessTree.pids(pid).map(ProcessCpu::millis).sum()));
        return new CpuSample(System.nanoTime(), millis);
    }

    long millisSince(CpuSample earlier, String name) {
        return millis.getOrDefault(name, 0L) - earlier.millis.getOrDefault(name, 0L);
    }

    double coresSince(CpuSample earlier, String name) {
        double seconds = (nanoTime - earlier.nanoTime) / 1e9;
        return seconds <= 0 ? 0 : millisSince(earlier, name) / 1000.0 / seconds;
    }
}
