package dev.quietloop.broker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

import dev.quietloop.broker.RunContext.BotMode;
import dev.quietloop.broker.RunContext.SidecarMode;
import dev.quietloop.broker.launch.ChildLauncher;
import dev.quietloop.broker.metrics.MetricsEndpoint;
import dev.quietloop.broker.ring.BrokerCounters;
import dev.quietloop.protocol.config.IdleChoice;
import dev.quietloop.protocol.process.Cli;
import dev.quietloop.protocol.process.ConfigFile;
import dev.quietloop.protocol.process.CounterRegistry;
import dev.quietloop.protocol.process.CountersDirectory;
import dev.quietloop.protocol.process.ProcessOptions;
import dev.quietloop.protocol.security.LinkSecurity;
import dev.quietloop.wire.Endpoint;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import static dev.quietloop.broker.BrokerConfiguration.*;

/**
 * The broker process: receives the bots' frames, forwards them to the metrics sidecar, times the
 * external send, writes the run's reports, and optionally launches the sidecar stub and a bot.
 * Its flags, and those of its section of a run's {@code config.yaml} when {@code --config FILE} names one,
 * become a {@link BrokerContext}, concluded once; a {@link RunCoordinator} runs it.
 */
@Command(
    name = "broker",
    mixinStandardHelpOptions = true,
    description = "Forwards the bots' frames to the metrics sidecar and times that send.")
public final class BrokerMain implements Callable<Integer>
{
    @Option(names = INGEST_FLAG, defaultValue = INGEST_DEFAULT, description = "PULL endpoint for the bots (bind)")
    private String ingest;

    @Option(names = SIDECAR_FLAG, defaultValue = SIDECAR_DEFAULT,
        description = "the metrics sidecar (connect); ignored with --launch-stub")
    private String sidecar;

    // A plain flag takes fallbackValue "true": without it picocli sets a flag given on the command line
    // to the opposite of its default, and a --config file's "true" would turn the flag given back off.
    @Option(names = LAUNCH_STUB_FLAG, fallbackValue = "true", description = "launch the sidecar stub (ephemeral port) and forward to it")
    private boolean launchStub;

    @Option(names = STUB_ARG_FLAG, parameterConsumer = PassThrough.class,
        description = "repeatable; passed to the launched stub (--stub-arg=--delay-us=200)")
    private List<String> stubArgs = new ArrayList<>();

    @Option(names = LAUNCH_BOT_FLAG, fallbackValue = "true", description = "launch a bot on --data and end the run when its replay ends")
    private boolean launchBot;

    @Option(names = DATA_FLAG, paramLabel = "FILE", description = "market data for the launched bot; repeatable: one " +
        "bot per file (default: " + DATA_DEFAULT + ")")
    private List<Path> dataFiles = new ArrayList<>();

    @Option(names = BOTS_FLAG, paramLabel = "N", defaultValue = "1", description = "launch N bots on the one --data, " +
        "source ids from the bots' --source-id (1) up; the run ends when every one has ended or is lost " +
        "(default: ${DEFAULT-VALUE})")
    private int bots;

    @Option(names = BOT_ARG_FLAG, parameterConsumer = PassThrough.class,
        description = "repeatable; passed to the launched bot (--bot-arg=--ring-size=64)")
    private List<String> botArgs = new ArrayList<>();

    @Option(names = EXPECT_BOTS_FLAG, description = "end the run after N ends of stream (default: the bots launched, "
        + "else 0: run until SIGTERM)")
    private Integer expectBots;

    @Option(names = RUN_ID_FLAG, description = "report folder name (default yyyyMMdd-HHmmss)")
    private String runId;

    @Option(names = REPORTS_FLAG, defaultValue = REPORTS_DEFAULT, description = "where report folders go")
    private Path reportsDir;

    @Option(names = DRAIN_TIMEOUT_FLAG, defaultValue = "" + DRAIN_TIMEOUT_S_DEFAULT,
        description = "seconds to wait for the sidecar at the end")
    private int drainTimeoutS;

    @Option(names = RING_SIZE_FLAG, defaultValue = "" + RING_SIZE_DEFAULT, description = "broker ring slots, a power of two")
    private int ringSize;

    @Option(names = MAX_FRAME_BYTES_FLAG, defaultValue = "" + MAX_FRAME_BYTES_DEFAULT,
        description = "largest frame accepted from a bot; each ring slot holds one")
    private int maxFrameBytes;

    @Option(names = BOT_TIMEOUT_FLAG, paramLabel = "SECONDS", defaultValue = "" + BOT_TIMEOUT_S_DEFAULT,
        description = "a bot silent this long (no frame, not even a heartbeat) with no end of stream is lost: " +
        "counted, and the run goes on with the others; until then its source id is its own, and another bot's " +
        "frames that claim it are refused (default: ${DEFAULT-VALUE})")
    private long botTimeoutS;

    @Option(names = MetricsEndpoint.PORT_FLAG, paramLabel = "PORT", defaultValue = "" + MetricsEndpoint.OFF,
        description = "serve every quietloop counter on this host, and the live latency of each hop, in the " +
        "Prometheus text format at http://BIND:PORT/metrics (0: a port the system picks; default: none)")
    private int metricsPort;

    @Option(names = MetricsEndpoint.BIND_FLAG, paramLabel = "HOST", defaultValue = MetricsEndpoint.BIND_DEFAULT,
        description = "the address /metrics listens on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    private String metricsBind;

    @Option(names = MetricsEndpoint.LINGER_FLAG, paramLabel = "SECONDS", defaultValue = "0",
        description = "keep serving /metrics this long after the run, so that a scrape sees its final counts " +
        "(your scrape interval; default: ${DEFAULT-VALUE})")
    private long metricsLingerS;

    @Option(names = IDLE_RECEIVER_FLAG, defaultValue = IDLE_DEFAULT, converter = IdleChoice.Converter.class,
        description = "receiver thread idle strategy")
    private IdleChoice idleReceiver;

    @Option(names = IDLE_FORWARDER_FLAG, defaultValue = IDLE_DEFAULT, converter = IdleChoice.Converter.class,
        description = "forwarder thread idle strategy")
    private IdleChoice idleForwarder;

    @Option(names = JVM_OPTIONS_FLAG, defaultValue = JVM_OPTIONS_DEFAULT, description = "JVM flags for launched processes")
    private Path jvmOptionsFile;

    @Mixin
    private ProcessOptions process;

    @Option(names = TIME_HOPS_FLAG, negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "time every hop: brokerDwell here, and the launched bot's and stub's hops (default: on; " +
        "--no-time-hops: off, at no cost to the hot paths; the external send is always timed)")
    private boolean timeHops;

    @Option(names = PLOTS_FLAG, negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "draw latency.png and timeline.png in the report (default: on; --no-plots saves about a " +
        "second per run, as bin/bench.sh does)")
    private boolean plots;

    @Option(names = PIN_FLAG, negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "with a launched bot, 2 or more CPUs and no CPU flags given (--cpus, --bot-arg=--cpus, " +
        "--bot-arg=--trading-cpu): the bot's trading thread alone on the last CPU, every other thread of the " +
        "three processes on the rest (default: on; --no-pin: the operating system places every thread)")
    private boolean pin;

    @Option(names = ChildLauncher.EXIT_WITH_PARENT, fallbackValue = "true", description = "launched by a quietloop process: take the stop " +
        "from it on standard input (a pipe), and stop at once when that pipe ends (the parent died)")
    private boolean exitWithParent;

    /** Holds the {@code --config FILE} option that {@link Cli} adds. */
    @Spec
    private CommandSpec spec;

    private final ToIntFunction<BrokerContext> broker;

    public BrokerMain()
    {
        this(BrokerMain::runBroker);
    }

    /** @param broker what runs the concluded context: the broker, or a test's look at it */
    BrokerMain(final ToIntFunction<BrokerContext> broker)
    {
        this.broker = broker;
    }

    public static void main(final String[] args)
    {
        System.exit(run(args));
    }

    /** Runs the broker and returns its exit code (see {@code ExitCodes}). */
    public static int run(final String... args)
    {
        return Cli.run(ROLE, ROLE, new BrokerMain(), args);
    }

    @Override
    public Integer call()
    {
        return broker.applyAsInt(context().conclude());
    }

    /** The context the flags describe, not yet concluded. */
    BrokerContext context()
    {
        return new BrokerContext()
            .ingest(Endpoint.parse(ingest))
            .sidecar(Endpoint.parse(sidecar))
            .drainTimeoutS(drainTimeoutS)
            .ringSize(ringSize)
            .maxFrameBytes(maxFrameBytes)
            .sockets(process.sockets())
            .idleReceiver(idleReceiver)
            .idleForwarder(idleForwarder)
            .timeHops(timeHops)
            .cpus(process.cpus())
            .pin(pin)
            .metrics(metricsPort, metricsBind, metricsLingerS)
            .botTimeoutS(botTimeoutS)
            .exitWithParent(exitWithParent)
            .security(process.security(LinkSecurity.BROKER, LinkSecurity.SIDECAR))
            .configFile(configFile())
            .run(new RunContext()
                .sidecarMode(launchStub ? SidecarMode.LAUNCH_STUB : SidecarMode.EXTERNAL)
                .stubArgs(stubArgs)
                .botMode(launchBot ? BotMode.LAUNCH : BotMode.APART)
                .dataFiles(dataFiles.isEmpty() ? List.of(Path.of(DATA_DEFAULT)) : dataFiles)
                .bots(bots)
                .botArgs(botArgs)
                .expectBots(expectBots)
                .jvmOptionsFile(jvmOptionsFile)
                .runId(runId)
                .reportsDir(reportsDir)
                .plots(plots));
    }

    /** The file {@code --config} named, absolute as the children are given it and the run records it; or null. */
    private Path configFile()
    {
        final OptionSpec option = null == spec ? null : spec.findOption(ConfigFile.FLAG);
        final Path file = null == option ? null : option.getValue();
        return null == file ? null : file.toAbsolutePath().normalize();
    }

    private static int runBroker(final BrokerContext ctx)
    {
        try (MetricsEndpoint metrics = ctx.metricsPort() == MetricsEndpoint.OFF ? null :
            MetricsEndpoint.start(ctx.metricsBind(), ctx.metricsPort(), CountersDirectory.resolve(), System.out))
        {
            final int exitCode;
            try (CounterRegistry registry = CounterRegistry.forProcess(ROLE, BrokerCounters.MAX_COUNTERS, System.err))
            {
                exitCode = new RunCoordinator(ctx, new BrokerCounters(registry), System.out, System.err).run();
            }
            if (null != metrics && ctx.metricsLingerS() > 0)
            {
                lingerServing(metrics, ctx.metricsLingerS());
            }
            return exitCode;
        }
    }

    /** The run is over and its report written: /metrics serves its last counts a while longer, then stops. */
    private static void lingerServing(final MetricsEndpoint metrics, final long seconds)
    {
        System.out.println("broker: serving " + metrics.url() + " for " + seconds + " s more (" +
            MetricsEndpoint.LINGER_FLAG + ")");
        System.out.flush();
        try
        {
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Takes the next argument as the value whatever it looks like: {@code --bot-arg=--ring-size=64}
     * names one of the broker's own options, which picocli would otherwise refuse as a value.
     */
    static final class PassThrough implements CommandLine.IParameterConsumer
    {
        @Override
        public void consumeParameters(final Stack<String> args, final ArgSpec argSpec, final CommandSpec commandSpec)
        {
            if (args.isEmpty())
            {
                throw new CommandLine.MissingParameterException(commandSpec.commandLine(), argSpec,
                    "Missing value for " + argSpec.paramLabel() + " (e.g. " + "--bot-arg=--ring-size=64)");
            }
            final List<String> values = argSpec.getValue();
            values.add(args.pop());
        }
    }
}
