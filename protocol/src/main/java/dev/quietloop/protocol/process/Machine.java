package dev.quietloop.protocol.process;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

import dev.quietloop.wire.ConfigException;
import net.openhft.chronicle.wire.WireOut;

/**
 * What a run's numbers depend on besides its configuration: the CPUs, the memory, the operating
 * system. Read in one place, so a run's {@code config.yaml} and the bench's results describe a
 * machine alike.
 *
 * @param cpusOnline          the CPU list of the CPUs online, or null where the system does not say (not Linux)
 * @param availableProcessors the CPUs the reading JVM may use: fewer than online once it is pinned
 * @param totalMemoryBytes    the memory the JVM sees (a container's limit inside one), or -1 where it cannot say
 */
public record Machine(
    String cpusOnline,
    int availableProcessors,
    String osName,
    String osVersion,
    String osArch,
    long totalMemoryBytes)
{
    /** The machine this JVM runs on, as it sees it now. */
    public static Machine current()
    {
        final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        // Only HotSpot-like JVMs say how much memory there is.
        final long totalMemoryBytes = os instanceof com.sun.management.OperatingSystemMXBean ?
            ((com.sun.management.OperatingSystemMXBean)os).getTotalMemorySize() : -1;
        return new Machine(onlineCpuList(), Runtime.getRuntime().availableProcessors(), os.getName(), os.getVersion(),
            os.getArch(), totalMemoryBytes);
    }

    /** Every field under its own name, for the {@code machine} section; an unknown one as null. */
    public void writeYaml(final WireOut wire)
    {
        wire.write("cpusOnline").text(cpusOnline);
        wire.write("availableProcessors").int64(availableProcessors);
        wire.write("osName").text(osName);
        wire.write("osVersion").text(osVersion);
        wire.write("osArch").text(osArch);
        if (totalMemoryBytes >= 0)
        {
            wire.write("totalMemoryBytes").int64(totalMemoryBytes);
        }
        else
        {
            wire.write("totalMemoryBytes").nu11();
        }
    }

    private static String onlineCpuList()
    {
        try
        {
            return CpuAffinity.format(CpuAffinity.online("cpusOnline"));
        }
        catch (final ConfigException ex)
        {
            return null;
        }
    }
}
