package io.docstream.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process or thread has used so far (user + system, all its threads), from Linux's
 * {@code /proc/.../stat}: the benchmarks use it to say where the cores went, per process and per thread.
 */
public final class ProcessCpu {

    // /proc counts in ticks of USER_HZ, which is 100 on every Linux the project runs on.
    private static final long MILLIS_PER_TICK = 10;
    private static final int UTIME = 11;
    private static final int STIME = 12;
    private static final int CUTIME = 13;
    private static final int CSTIME = 14;

    private ProcessCpu() {}

    /** Of process {@code pid}; 0 if it has ended. */
    public static long millis(long pid) {
        return millis(Path.of("/proc", String.valueOf(pid), "stat"));
    }

    /** Of the children of process {@code pid} that have ended and been waited for (e.g. an OCR command per page). */
    public static long endedChildrenMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[CUTIME]) + Long.parseLong(fields[CSTIME])) * MILLIS_PER_TICK;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Of each of these processes, in order. */
    public static long[] millisEach(long[] pids) {
        long[] millis = new long[pids.length];
        for (int i = 0; i < pids.length; i++) {
            millis[i] = millis(pids[i]);
        }
        return millis;
    }

    /** Of the thread or process whose {@code stat} file this is; 0 if it has ended. */
    public static long millis(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            // The command name (field 2) may hold spaces and parentheses: count the fields after its end.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[UTIME]) + Long.parseLong(fields[STIME])) * MILLIS_PER_TICK;
        } catch (IOException e) {
            return 0;
        }
    }
}
