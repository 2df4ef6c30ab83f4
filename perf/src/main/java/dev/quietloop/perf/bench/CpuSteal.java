package dev.quietloop.perf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Time the hypervisor took from a CPU: the {@code steal} column of {@code /proc/stat}. On a
 * virtual machine the host may run something else on a vCPU for milliseconds, which stops every
 * thread on it, the spinning trading thread included, and nothing in the guest can prevent or see
 * it otherwise. The kernel counts it in USER_HZ ticks (10 ms): coarse, but enough to tell whether a
 * scenario's tail coincides with it.
 */
final class CpuSteal
{
    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** USER_HZ, the unit of /proc/stat, is 100 on every Linux architecture the JDK runs on. */
    private static final long MS_PER_TICK = 10;
    /** The steal column: after the label, user nice system idle iowait irq softirq steal. */
    private static final int STEAL_FIELD = 8;

    private CpuSteal()
    {
    }

    /** The label of a CPU's line ({@code cpu1}), or of the whole machine's ({@code cpu}) when {@code cpu} is negative. */
    static String label(final int cpu)
    {
        return cpu < 0 ? "cpu" : "cpu" + cpu;
    }

    /** Milliseconds stolen from the CPU of this label since boot; -1 where there is no {@code /proc/stat}. */
    static long stolenMs(final String label)
    {
        try
        {
            return parse(Files.readAllLines(PROC_STAT), label);
        }
        catch (final IOException ex)
        {
            return -1;
        }
    }

    /** The steal of the line with this label, in ms; -1 when there is no such line or it has no steal column. */
    static long parse(final List<String> procStat, final String label)
    {
        for (final String line : procStat)
        {
            final String[] fields = line.trim().split("\\s+");
            if (fields[0].equals(label))
            {
                return fields.length > STEAL_FIELD ? Long.parseLong(fields[STEAL_FIELD]) * MS_PER_TICK : -1;
            }
        }
        return -1;
    }
}
