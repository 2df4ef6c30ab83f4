package dev.quietloop.sidecar;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.quietloop.protocol.config.CpuOptions;
import dev.quietloop.protocol.config.IdleChoice;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.config.Validate;
import dev.quietloop.protocol.process.CpuAffinity;
import dev.quietloop.protocol.security.LinkSecurity;
import dev.quietloop.wire.ConfigException;
import dev.quietloop.wire.Endpoint;
import net.openhft.chronicle.wire.WireOut;

/**
 * The stub's whole configuration: set from its defaults ({@link StubConfiguration}) by fluent setters,
 * then validated once by {@link #conclude()}, so that bad input fails with one line naming the flag
 * before any socket exists. Concluded, it is read only: a setter then refuses.
 * <p>
 * Each value is kept in the unit of its flag ({@code --delay-us}, {@code --drain-ms}), as the stub's
 * section of {@code config.yaml} writes it; {@link SidecarStub} hands its parts the nanoseconds.
 */
public final class StubContext
{
    private Endpoint bind = Endpoint.parse(StubConfiguration.BIND);
    private SocketSettings sockets = SocketSettings.DEFAULTS;
    private long delayUs = StubConfiguration.DELAY_US;
    private Long stallAfter;
    private long stallSeconds = StubConfiguration.STALL_SECONDS;
    private Long exitAfter;
    private IdleChoice idle = new IdleChoice(StubConfiguration.IDLE);
    private long drainMs = StubConfiguration.DRAIN_MS;
    private Path summary;
    private boolean timeHops = StubConfiguration.TIME_HOPS;
    private long warmupEvents = StubConfiguration.WARMUP_EVENTS;
    private String cpus;
    private String launcherCpus;
    private boolean exitWithParent;
    private LinkSecurity security = LinkSecurity.OFF;
    private boolean concluded;

    /**
     * Checks every value against its flag's range and the flags against each other, once.
     *
     * @return this, read only from now on.
     * @throws ConfigException naming the flag that is wrong.
     * @throws IllegalStateException when concluded already.
     */
    public StubContext conclude()
    {
        checkNotConcluded();
        Validate.inRange(StubConfiguration.DELAY_US_FLAG, delayUs, 0, StubConfiguration.MAX_DELAY_US);
        Validate.inRange(StubConfiguration.STALL_SECONDS_FLAG, stallSeconds, 0, StubConfiguration.MAX_STALL_SECONDS);
        Validate.inRange(StubConfiguration.DRAIN_MS_FLAG, drainMs, 0, StubConfiguration.MAX_DRAIN_MS);
        Validate.inRange(StubConfiguration.WARMUP_EVENTS_FLAG, warmupEvents, 0, Long.MAX_VALUE);
        if ((null != stallAfter) != (stallSeconds > 0))
        {
            throw new ConfigException(null != stallAfter ?
                StubConfiguration.STALL_AFTER_FLAG + " needs " + StubConfiguration.STALL_SECONDS_FLAG + " N with N > 0" :
                StubConfiguration.STALL_SECONDS_FLAG + " needs " + StubConfiguration.STALL_AFTER_FLAG + " M");
        }
        checkCount(StubConfiguration.STALL_AFTER_FLAG, stallAfter, StubConfiguration.MIN_STALL_AFTER);
        checkCount(StubConfiguration.EXIT_AFTER_FLAG, exitAfter, StubConfiguration.MIN_EXIT_AFTER);
        if (null != summary)
        {
            final Path parent = summary.toAbsolutePath().getParent();
            if (null == parent || !Files.isDirectory(parent))
            {
                throw new ConfigException(StubConfiguration.SUMMARY_FLAG + ": no such directory for " + summary);
            }
        }
        Validate.required(StubConfiguration.BIND_FLAG, bind);
        Validate.required(StubConfiguration.IDLE_FLAG, idle);
        security.checkEndpoint(StubConfiguration.BIND_FLAG, bind);
        CpuAffinity.validate(CpuOptions.FLAG, cpus);
        CpuAffinity.validate(CpuOptions.LAUNCHER_FLAG, launcherCpus);
        concluded = true;
        return this;
    }

    /** The stub's section of {@code config.yaml}, which {@code --config} reads back: see {@link StubSection}. */
    public void writeYaml(final WireOut wire)
    {
        StubSection.write(this, wire);
    }

    public StubContext bind(final Endpoint bind)
    {
        checkNotConcluded();
        this.bind = bind;
        return this;
    }

    public Endpoint bind()
    {
        return bind;
    }

    public StubContext sockets(final SocketSettings sockets)
    {
        checkNotConcluded();
        this.sockets = sockets;
        return this;
    }

    public SocketSettings sockets()
    {
        return sockets;
    }

    public StubContext delayUs(final long delayUs)
    {
        checkNotConcluded();
        this.delayUs = delayUs;
        return this;
    }

    public long delayUs()
    {
        return delayUs;
    }

    /** @param stallAfter the message after which reading stops once, or null for never */
    public StubContext stallAfter(final Long stallAfter)
    {
        checkNotConcluded();
        this.stallAfter = stallAfter;
        return this;
    }

    public Long stallAfter()
    {
        return stallAfter;
    }

    public StubContext stallSeconds(final long stallSeconds)
    {
        checkNotConcluded();
        this.stallSeconds = stallSeconds;
        return this;
    }

    public long stallSeconds()
    {
        return stallSeconds;
    }

    /** @param exitAfter the message after which the stub exits, or null for never */
    public StubContext exitAfter(final Long exitAfter)
    {
        checkNotConcluded();
        this.exitAfter = exitAfter;
        return this;
    }

    public Long exitAfter()
    {
        return exitAfter;
    }

    public StubContext idle(final IdleChoice idle)
    {
        checkNotConcluded();
        this.idle = idle;
        return this;
    }

    public IdleChoice idle()
    {
        return idle;
    }

    public StubContext drainMs(final long drainMs)
    {
        checkNotConcluded();
        this.drainMs = drainMs;
        return this;
    }

    public long drainMs()
    {
        return drainMs;
    }

    /** @param summary where to write the {@code sidecar.*} counters at exit, or null for nowhere */
    public StubContext summary(final Path summary)
    {
        checkNotConcluded();
        this.summary = summary;
        return this;
    }

    public Path summary()
    {
        return summary;
    }

    /** @param timeHops time the {@code endToEnd} hop, written next to the summary */
    public StubContext timeHops(final boolean timeHops)
    {
        checkNotConcluded();
        this.timeHops = timeHops;
        return this;
    }

    public boolean timeHops()
    {
        return timeHops;
    }

    /**
     * @param warmupEvents events of each stream up to this sequence are a warm-up, timed apart from the
     *                     headline as the events of frames the bot flags as its warm-up are
     */
    public StubContext warmupEvents(final long warmupEvents)
    {
        checkNotConcluded();
        this.warmupEvents = warmupEvents;
        return this;
    }

    public long warmupEvents()
    {
        return warmupEvents;
    }

    /** @param cpus the CPU list every thread is pinned to, or null for anywhere */
    public StubContext cpus(final String cpus)
    {
        checkNotConcluded();
        this.cpus = cpus;
        return this;
    }

    public String cpus()
    {
        return cpus;
    }

    /** @param launcherCpus the launcher's CPU list for every thread ({@code --launcher-cpus}), or null for none */
    public StubContext launcherCpus(final String launcherCpus)
    {
        checkNotConcluded();
        this.launcherCpus = launcherCpus;
        return this;
    }

    public String launcherCpus()
    {
        return launcherCpus;
    }

    /** What the stub's threads are pinned to: its own {@code --cpus}, else the launcher's; null for anywhere. */
    public String effectiveCpus()
    {
        return null != cpus ? cpus : launcherCpus;
    }

    /** @param exitWithParent stop when the launching process exits */
    public StubContext exitWithParent(final boolean exitWithParent)
    {
        checkNotConcluded();
        this.exitWithParent = exitWithParent;
        return this;
    }

    public boolean exitWithParent()
    {
        return exitWithParent;
    }

    /** @param security CURVE on the bind (a server admitting the keys of its folder), or none */
    public StubContext security(final LinkSecurity security)
    {
        checkNotConcluded();
        this.security = security;
        return this;
    }

    public LinkSecurity security()
    {
        return security;
    }

    public boolean isConcluded()
    {
        return concluded;
    }

    /** A count of messages is off when null; given, it is at least {@code min}. */
    private static void checkCount(final String flag, final Long count, final long min)
    {
        if (null != count)
        {
            Validate.inRange(flag, count, min, Long.MAX_VALUE);
        }
    }

    private void checkNotConcluded()
    {
        if (concluded)
        {
            throw new IllegalStateException("the stub's configuration is concluded: it is read only");
        }
    }
}
