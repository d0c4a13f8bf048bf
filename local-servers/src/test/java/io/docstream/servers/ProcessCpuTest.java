package io.docstream.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void aProcessThatWorksIsChargedForIt() throws Exception {
        long pid = ProcessHandle.current().pid();
        long before = ProcessCpu.millis(pid);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[1 << 20];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + 300_000_000L;
        while (threads.getCurrentThreadCpuTime() < end) {
            sha256.update(block);
        }
        long after = ProcessCpu.millis(pid);
        // This thread alone used 300 ms of CPU, however busy the machine; /proc counts in 10 ms ticks.
        assertTrue(after - before >= 200, "charged " + (after - before) + " ms for 300 ms of work");
        assertEquals(2, ProcessCpu.millisEach(new long[] {pid, pid}).length);
    }

    @Test
    void aProcessThatIsGoneCostsNothing() {
        assertEquals(0, ProcessCpu.millis(Path.of("/proc/no-such-process/stat")));
    }
}
