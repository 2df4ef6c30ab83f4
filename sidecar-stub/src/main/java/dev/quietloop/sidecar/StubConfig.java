package dev.quietloop.sidecar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.quietloop.wire.ConfigException;
import dev.quietloop.protocol.config.CpuOptions;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.IdleStrategies;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.process.ConfigYaml;
import dev.quietloop.protocol.process.CpuAffinity;
import dev.quietloop.protocol.security.LinkSecurity;
import dev.quietloop.sidecar.receive.FaultInjection;
import net.openhft.chronicle.wire.WireOut;

/**
 * The stub's whole configuration, validated once at start-up so that bad input fails with one
 * line naming the flag before any socket exists.
 *
 * @param bind           PULL endpoint; port 0 picks a free one
 * @param sockets        ZeroMQ socket options (--hwm, --socket-buffer-bytes)
 * @param delayNs        fault: pause after each message, 0 for none
 * @param stallAfter     fault: the message after which reading stops once, {@link FaultInjection#OFF} for never
 * @param stallNs        fault: how long that stall lasts
 * @param exitAfter      fault: the message after which the stub exits, {@link FaultInjection#OFF} for never
 * @param idle           receive-loop idle strategy word
 * @param drainMs        on stop, the longest time spent reading on
 * @param summary        where to write the {@code sidecar.*} counters at exit, or null
 * @param timeHops       time the {@code endToEnd} hop, written next to the summary
 * @param warmupEvents   events of each stream up to this sequence are a warm-up, not timed
 * @param cpus           the CPU list every thread is pinned to, or null for anywhere
 * @param exitWithParent stop when the launching process exits
 * @param security       CURVE on the bind (a server admitting the keys of its folder), or none
 */
public record StubConfig(
    Endpoint bind,
    SocketSettings sockets,
    long delayNs,
    long stallAfter,
    long stallNs,
    long exitAfter,
    String idle,
    long drainMs,
    Path summary,
    boolean timeHops,
    long warmupEvents,
    String cpus,
    boolean exitWithParent,
    LinkSecurity security)
{
    public static final String DEFAULT_BIND = "tcp://127.0.0.1:5557";

    /** Validates the flags as given on the command line; a null count means the fault is off. */
    public static StubConfig from(
        final String bind,
        final SocketSettings sockets,
        final long delayUs,
        final Long stallAfter,
        final long stallSeconds,
        final Long exitAfter,
        final String idle,
        final long drainMs,
        final Path summary,
        final boolean timeHops,
        final long warmupEvents,
        final String cpus,
        final boolean exitWithParent,
        final LinkSecurity security)
    {
        requireNotNegative("--delay-us", delayUs);
        requireNotNegative("--stall-seconds", stallSeconds);
        requireNotNegative("--drain-ms", drainMs);
        requireNotNegative("--warmup-events", warmupEvents);
        if (stallAfter != null && stallSeconds == 0)
        {
            throw new ConfigException("--stall-after needs --stall-seconds N with N > 0");
        }
        if (stallAfter == null && stallSeconds > 0)
        {
            throw new ConfigException("--stall-seconds needs --stall-after M");
        }
        if (summary != null)
        {
            final Path parent = summary.toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent))
            {
                throw new ConfigException("--summary: no such directory for " + summary);
            }
        }
        final Endpoint endpoint = Endpoint.parse(bind);
        security.checkEndpoint("--bind", endpoint);
        return new StubConfig(
            endpoint,
            sockets,
            TimeUnit.MICROSECONDS.toNanos(delayUs),
            messageCount("--stall-after", stallAfter),
            TimeUnit.SECONDS.toNanos(stallSeconds),
            messageCount("--exit-after", exitAfter),
            IdleStrategies.validate("--idle", idle),
            drainMs,
            summary,
            timeHops,
            warmupEvents,
            CpuAffinity.validate(CpuOptions.FLAG, cpus),
            exitWithParent,
            security);
    }

    /**
     * Every field, for the sidecar's section of {@code config.yaml}: the bind endpoint as given
     * ({@code *} for a port left to the system), times in the units of their names, a fault that
     * is off as 0 ({@link FaultInjection#OFF}), the summary as an absolute path or null.
     */
    public void writeYaml(final WireOut wire)
    {
        wire.write("bind").text(bind.toString());
        wire.write("sockets").marshallable(sockets::writeYaml);
        wire.write("delayNs").int64(delayNs);
        wire.write("stallAfter").int64(stallAfter);
        wire.write("stallNs").int64(stallNs);
        wire.write("exitAfter").int64(exitAfter);
        wire.write("idle").text(idle);
        wire.write("drainMs").int64(drainMs);
        wire.write("summary").text(ConfigYaml.absolute(summary));
        wire.write("timeHops").bool(timeHops);
        wire.write("warmupEvents").int64(warmupEvents);
        wire.write("cpus").text(cpus);
        wire.write("exitWithParent").bool(exitWithParent);
        wire.write("security").marshallable(security::writeYaml);
    }

    public FaultInjection faults()
    {
        return new FaultInjection(delayNs, stallAfter, stallNs, exitAfter);
    }

    public long drainNs()
    {
        return TimeUnit.MILLISECONDS.toNanos(drainMs);
    }

    private static long messageCount(final String flag, final Long count)
    {
        if (count == null)
        {
            return FaultInjection.OFF;
        }
        if (count < 1)
        {
            throw new ConfigException(flag + " must be at least 1: " + count);
        }
        return count;
    }

    private static void requireNotNegative(final String flag, final long value)
    {
        if (value < 0)
        {
            throw new ConfigException(flag + " must not be negative: " + value);
        }
    }
}
