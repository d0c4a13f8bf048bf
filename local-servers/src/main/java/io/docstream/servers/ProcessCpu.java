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

    private ProcessCpu() {
    }

    /** Of process {@code pid}; 0 if it has ended. */
    public static long millis(long pid) {
        return millis(Path.of("/proc", String.valueOf(pid), "stat"));
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
