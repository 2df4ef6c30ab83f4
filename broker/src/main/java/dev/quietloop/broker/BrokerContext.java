package dev.quietloop.broker;

import java.nio.file.Path;

import dev.quietloop.broker.metrics.MetricsEndpoint;
import dev.quietloop.protocol.config.CpuOptions;
import dev.quietloop.protocol.config.IdleChoice;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.config.Validate;
import dev.quietloop.protocol.process.CpuAffinity;
import dev.quietloop.protocol.security.LinkSecurity;
import dev.quietloop.wire.ConfigException;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.wire.Frame;

import static dev.quietloop.broker.BrokerConfiguration.DRAIN_TIMEOUT_FLAG;
import static dev.quietloop.broker.BrokerConfiguration.MAX_FRAME_BYTES_FLAG;
import static dev.quietloop.broker.BrokerConfiguration.RING_SIZE_FLAG;

/**
 * The broker's configuration: its sockets, ring and threads here, what its run launches and
 * where it reports in {@link #run()}. Start from {@link BrokerConfiguration}'s defaults, set what
 * differs with the fluent setters, then {@link #conclude()} once: every problem a user can cause
 * is reported there, as one line naming the flag or path, before anything is bound or launched,
 * and what follows from the settings is worked out. The threads copy what they need from the
 * concluded context into final fields; nothing reads it while events flow.
 */
public final class BrokerContext
{
    private boolean concluded;
    private Endpoint ingest = Endpoint.parse(BrokerConfiguration.INGEST_DEFAULT);
    private int metricsPort = MetricsEndpoint.OFF;
    private String metricsBind = MetricsEndpoint.BIND_DEFAULT;
    private long metricsLingerS;
    private long botTimeoutS = BrokerConfiguration.BOT_TIMEOUT_S_DEFAULT;
    private Endpoint sidecar = Endpoint.parse(BrokerConfiguration.SIDECAR_DEFAULT);
    private int drainTimeoutS = BrokerConfiguration.DRAIN_TIMEOUT_S_DEFAULT;
    private int ringSize = BrokerConfiguration.RING_SIZE_DEFAULT;
    private int maxFrameBytes = BrokerConfiguration.MAX_FRAME_BYTES_DEFAULT;
    private SocketSettings sockets = SocketSettings.DEFAULTS;
    private SocketSettings forwarderSockets;
    private IdleChoice idleReceiver = new IdleChoice(BrokerConfiguration.IDLE_DEFAULT);
    private IdleChoice idleForwarder = new IdleChoice(BrokerConfiguration.IDLE_DEFAULT);
    private boolean timeHops = true;
    private String cpus;
    private boolean pin = true;
    private CpuLayout cpuLayout = CpuLayout.NONE;
    private boolean exitWithParent;
    private LinkSecurity security = LinkSecurity.OFF;
    private Path configFile;
    private RunContext run = new RunContext();

    /**
     * Checks everything and works out the rest: the run's own settings ({@link RunContext#conclude()}),
     * the limits of {@link BrokerConfiguration}, the endpoints against the security, the socket options
     * of the ingest and of the link to the sidecar.
     *
     * @throws ConfigException naming the flag or path of the first problem found.
     */
    public BrokerContext conclude()
    {
        if (concluded)
        {
            throw new IllegalStateException("a broker context is concluded once");
        }
        concluded = true;
        if (run.sidecarMode() == RunContext.SidecarMode.EXTERNAL && sidecar.isEphemeral())
        {
            throw new ConfigException(BrokerConfiguration.SIDECAR_FLAG + " " + sidecar + " needs a port to connect to");
        }
        run.conclude();
        security.checkEndpoint(BrokerConfiguration.INGEST_FLAG, ingest);
        if (run.sidecarMode() == RunContext.SidecarMode.EXTERNAL)
        {
            security.checkEndpoint(BrokerConfiguration.SIDECAR_FLAG, sidecar);
        }
        Validate.inRange(DRAIN_TIMEOUT_FLAG, drainTimeoutS, 0, BrokerConfiguration.DRAIN_TIMEOUT_S_MAX);
        Validate.powerOfTwo(RING_SIZE_FLAG, ringSize, BrokerConfiguration.RING_SIZE_MIN, BrokerConfiguration.RING_SIZE_MAX);
        Validate.inRange(MAX_FRAME_BYTES_FLAG, maxFrameBytes, Frame.MIN_FRAME_BYTES, Frame.MAX_FRAME_BYTES);
        final long ringBytes = (long)ringSize * maxFrameBytes;
        final long heapBytes = Runtime.getRuntime().maxMemory();
        if (ringBytes > heapBytes / BrokerConfiguration.RING_HEAP_SHARE_DIVISOR)
        {
            throw new ConfigException(RING_SIZE_FLAG + " " + ringSize + " x " + MAX_FRAME_BYTES_FLAG + " " + maxFrameBytes +
                " needs " + (ringBytes >> 20) + " MiB, more than half the heap (" + (heapBytes >> 20) + " MiB)");
        }
        if (run.botMode() == RunContext.BotMode.LAUNCH)
        {
            ChildArguments.checkBotFrameBytes(run.botArgs(), maxFrameBytes);
        }
        if (metricsPort != MetricsEndpoint.OFF)
        {
            Validate.inRange(MetricsEndpoint.PORT_FLAG, metricsPort, 0, 65_535);
            if (null == metricsBind || metricsBind.isBlank())
            {
                throw new ConfigException(MetricsEndpoint.BIND_FLAG + " needs a host name or address");
            }
        }
        Validate.inRange(MetricsEndpoint.LINGER_FLAG, metricsLingerS, 0, BrokerConfiguration.METRICS_LINGER_S_MAX);
        Validate.inRange(BrokerConfiguration.BOT_TIMEOUT_FLAG, botTimeoutS, 1, BrokerConfiguration.BOT_TIMEOUT_S_MAX);
        if (metricsLingerS > 0 && metricsPort == MetricsEndpoint.OFF)
        {
            throw new ConfigException(MetricsEndpoint.LINGER_FLAG + " " + metricsLingerS + " needs " +
                MetricsEndpoint.PORT_FLAG + ": there is no /metrics to keep serving");
        }
        CpuAffinity.validate(CpuOptions.FLAG, cpus);
        cpuLayout = CpuLayout.decide(pin, run.launchedBots().size(), cpus, run.botArgs(),
            CpuAffinity.allowed(), CpuAffinity.available());
        sockets = sockets.withMaxFrameBytes(maxFrameBytes);
        forwarderSockets = forwarderSockets(sockets);
        return this;
    }

    /**
     * The forwarder's socket options: a smaller high-water mark, so a slow sidecar pushes back
     * sooner; and under CURVE, whose pure-Java encryption runs seconds behind the sends on a loaded
     * machine, a close that lingers up to the drain timeout, which bounds the end of a run anyway:
     * the default linger dropped the tail still queued (a CurveIT run lost 567 events so).
     */
    private SocketSettings forwarderSockets(final SocketSettings settings)
    {
        final SocketSettings forwarder = settings.withHighWaterMark(
            Math.min(BrokerConfiguration.FORWARDER_HIGH_WATER_MARK, settings.highWaterMark()));
        if (!security.isCurve())
        {
            return forwarder;
        }
        return forwarder.withLingerMs((int)Math.min(Integer.MAX_VALUE, Math.max(forwarder.lingerMs(), drainTimeoutMs())));
    }

    public BrokerContext ingest(final Endpoint ingest)
    {
        this.ingest = ingest;
        return this;
    }

    /** The PULL endpoint the bots connect to, as configured (a port left to the system included). */
    public Endpoint ingest()
    {
        return ingest;
    }

    public BrokerContext sidecar(final Endpoint sidecar)
    {
        this.sidecar = sidecar;
        return this;
    }

    /** The external sidecar to connect to; unused when the run launches the stub. */
    public Endpoint sidecar()
    {
        return sidecar;
    }

    public BrokerContext drainTimeoutS(final int drainTimeoutS)
    {
        this.drainTimeoutS = drainTimeoutS;
        return this;
    }

    /** How long the end of a run waits for the sidecar to take everything; passed on to the bot. */
    public int drainTimeoutS()
    {
        return drainTimeoutS;
    }

    public long drainTimeoutMs()
    {
        return drainTimeoutS * 1000L;
    }

    public BrokerContext ringSize(final int ringSize)
    {
        this.ringSize = ringSize;
        return this;
    }

    public int ringSize()
    {
        return ringSize;
    }

    public BrokerContext maxFrameBytes(final int maxFrameBytes)
    {
        this.maxFrameBytes = maxFrameBytes;
        return this;
    }

    /** The largest frame taken from a bot; each ring slot holds one. */
    public int maxFrameBytes()
    {
        return maxFrameBytes;
    }

    /** The options set by flags ({@code --hwm}, {@code --socket-buffer-bytes}); the frame size is set apart. */
    public BrokerContext sockets(final SocketSettings sockets)
    {
        this.sockets = sockets;
        return this;
    }

    /** The ingest's socket options; once concluded, with {@link #maxFrameBytes()} as their message limit. */
    public SocketSettings sockets()
    {
        return sockets;
    }

    /** The socket options of the link to the sidecar, worked out by {@link #conclude()}. */
    public SocketSettings forwarderSockets()
    {
        return forwarderSockets;
    }

    public BrokerContext idleReceiver(final IdleChoice idleReceiver)
    {
        this.idleReceiver = idleReceiver;
        return this;
    }

    public IdleChoice idleReceiver()
    {
        return idleReceiver;
    }

    public BrokerContext idleForwarder(final IdleChoice idleForwarder)
    {
        this.idleForwarder = idleForwarder;
        return this;
    }

    /** The forwarder thread's idle strategy, and its wait between refused sends. */
    public IdleChoice idleForwarder()
    {
        return idleForwarder;
    }

    public BrokerContext timeHops(final boolean timeHops)
    {
        this.timeHops = timeHops;
        return this;
    }

    /** Time the broker's hop (brokerDwell) and, passed on, the launched bot's and stub's. */
    public boolean timeHops()
    {
        return timeHops;
    }

    public BrokerContext cpus(final String cpus)
    {
        this.cpus = cpus;
        return this;
    }

    /** The CPU list every thread is pinned to, passed on to the children; null for anywhere. */
    public String cpus()
    {
        return cpus;
    }

    /**
     * @param port    where {@code /metrics} listens, 0 for a port the system picks; {@link MetricsEndpoint#OFF} for none
     * @param bind    the address it listens on
     * @param lingerS how long it serves on after the run
     */
    public BrokerContext metrics(final int port, final String bind, final long lingerS)
    {
        this.metricsPort = port;
        this.metricsBind = bind;
        this.metricsLingerS = lingerS;
        return this;
    }

    public int metricsPort()
    {
        return metricsPort;
    }

    public String metricsBind()
    {
        return metricsBind;
    }

    public long metricsLingerS()
    {
        return metricsLingerS;
    }

    /** @param botTimeoutS a bot silent this long, with no end of stream, is lost */
    public BrokerContext botTimeoutS(final long botTimeoutS)
    {
        this.botTimeoutS = botTimeoutS;
        return this;
    }

    public long botTimeoutS()
    {
        return botTimeoutS;
    }

    public BrokerContext pin(final boolean pin)
    {
        this.pin = pin;
        return this;
    }

    /** Pin by default when the user chose no CPUs ({@code --no-pin}: false); see {@link CpuLayout}. */
    public boolean pin()
    {
        return pin;
    }

    /** A layout as {@link #conclude()} would work it out on some machine: for tests of what follows from it. */
    BrokerContext cpuLayout(final CpuLayout cpuLayout)
    {
        this.cpuLayout = cpuLayout;
        return this;
    }

    /** Where the threads go when the user chose no CPUs, worked out by {@link #conclude()}. */
    CpuLayout cpuLayout()
    {
        return cpuLayout;
    }

    /** The CPUs this broker and the children it launches run on: its {@code --cpus}, or the default layout's; null for anywhere. */
    public String processCpus()
    {
        return null != cpus ? cpus : cpuLayout.otherCpus();
    }

    public BrokerContext exitWithParent(final boolean exitWithParent)
    {
        this.exitWithParent = exitWithParent;
        return this;
    }

    /** Launched by a quietloop process: take the stop from it on standard input. */
    public boolean exitWithParent()
    {
        return exitWithParent;
    }

    public BrokerContext security(final LinkSecurity security)
    {
        this.security = security;
        return this;
    }

    /** CURVE on the ingest (server) and the sidecar link (client), or none; passed on to the children. */
    public LinkSecurity security()
    {
        return security;
    }

    public BrokerContext configFile(final Path configFile)
    {
        this.configFile = configFile;
        return this;
    }

    /** The run's {@code config.yaml} the flags came from ({@code --config}), passed on to the children; or null. */
    public Path configFile()
    {
        return configFile;
    }

    public BrokerContext run(final RunContext run)
    {
        this.run = run;
        return this;
    }

    /** What the run launches, when it ends, and where it reports. */
    public RunContext run()
    {
        return run;
    }
}
