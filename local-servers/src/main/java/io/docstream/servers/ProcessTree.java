package io.docstream.servers;

import java.util.stream.LongStream;
import java.util.stream.Stream;

/** A process and all its descendants (a Spark worker and its executors): what its CPU and memory are summed over. */
public final class ProcessTree {

    private ProcessTree() {}

    /** The pids of {@code pid} and its descendants; empty once it has ended. */
    public static LongStream pids(long pid) {
        return ProcessHandle.of(pid).stream()
                .flatMap(handle -> Stream.concat(Stream.of(handle), handle.descendants()))
                .mapToLong(ProcessHandle::pid);
    }
}
