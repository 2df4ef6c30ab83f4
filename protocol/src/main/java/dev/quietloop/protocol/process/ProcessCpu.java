package dev.quietloop.protocol.process;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The CPU time this whole process has used so far, user and system, every thread of it (the
 * JVM's own, the JIT and the collector included): what a run cost the machine, beside what it
 * delivered. Its children are not in it; each process reports its own.
 * <p>
 * Read through {@code com.sun.management.OperatingSystemMXBean#getProcessCpuTime()} rather than
 * {@code /proc/self/stat}: the same figure (on Linux both are the kernel's user + system clock
 * ticks, 10 ms each), with no parsing and on every HotSpot JVM, not on Linux alone. The raw
 * JeroMQ baseline of {@code perf/} reads its processes' the same way, so the two compare alike.
 */
public final class ProcessCpu
{
    private ProcessCpu()
    {
    }

    /** This process's CPU time in nanoseconds (in steps of a clock tick), or -1 where the JVM cannot say. */
    public static long cpuNs()
    {
        final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean ?
            Math.max(-1, ((com.sun.management.OperatingSystemMXBean)os).getProcessCpuTime()) : -1;
    }

    /** Adds this process's CPU time so far under {@code key}, in whole ms; nothing where the JVM cannot say. */
    public static void addTo(final Map<String, Long> summary, final String key)
    {
        final long cpuNs = cpuNs();
        if (cpuNs >= 0)
        {
            summary.put(key, TimeUnit.NANOSECONDS.toMillis(cpuNs));
        }
    }
}
