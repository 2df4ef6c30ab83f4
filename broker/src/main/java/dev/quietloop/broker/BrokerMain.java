package dev.quietloop.broker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import java.util.concurrent.Callable;

import dev.quietloop.broker.ring.BrokerCounters;
import dev.quietloop.wire.Frame;
import dev.quietloop.protocol.config.CpuOptions;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.SocketOptions;
import dev.quietloop.protocol.process.Cli;
import dev.quietloop.protocol.process.CounterRegistry;
import dev.quietloop.protocol.security.LinkSecurity;
import dev.quietloop.protocol.security.SecurityOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The broker process: receives the bots' frames, forwards them to the metrics sidecar, times the
 * external send, writes the run's reports, and optionally launches the sidecar stub and a bot.
 */
@Command(
    name = "broker",
    mixinStandardHelpOptions = true,
    description = "Forwards the bots' frames to the metrics sidecar and times that send.")
public final class BrokerMain implements Callable<Integer>
{
    @Option(names = "--ingest", defaultValue = "tcp://127.0.0.1:5556", description = "PULL endpoint for the bots (bind)")
    private String ingest;

    @Option(names = "--sidecar", defaultValue = "tcp://127.0.0.1:5557",
        description = "the metrics sidecar (connect); ignored with --launch-stub")
    private String sidecar;

    @Option(names = "--launch-stub", description = "launch the sidecar stub (ephemeral port) and forward to it")
    private boolean launchStub;

    @Option(names = "--stub-arg", parameterConsumer = PassThrough.class,
        description = "repeatable; passed to the launched stub (--stub-arg=--delay-us=200)")
    private List<String> stubArgs = new ArrayList<>();

    @Option(names = "--launch-bot", description = "launch a bot on --data and end the run when its replay ends")
    private boolean launchBot;

    @Option(names = "--data", defaultValue = "data/sample-quotes.csv", description = "market data for the launched bot")
    private Path dataFile;

    @Option(names = "--bot-arg", parameterConsumer = PassThrough.class,
        description = "repeatable; passed to the launched bot (--bot-arg=--ring-size=64)")
    private List<String> botArgs = new ArrayList<>();

    @Option(names = "--expect-bots", description = "end the run after N ends of stream (default 1 with --launch-bot, "
        + "else 0: run until SIGTERM)")
    private Integer expectBots;

    @Option(names = "--run-id", description = "report folder name (default yyyyMMdd-HHmmss)")
    private String runId;

    @Option(names = "--reports", defaultValue = "perf/reports", description = "where report folders go")
    private Path reportsDir;

    @Option(names = "--drain-timeout", defaultValue = "10", description = "seconds to wait for the sidecar at the end")
    private int drainTimeoutSeconds;

    @Option(names = "--ring-size", defaultValue = "1024", description = "broker ring slots, a power of two")
    private int ringSize;

    @Option(names = "--max-frame-bytes", defaultValue = "" + Frame.DEFAULT_MAX_FRAME_BYTES,
        description = "largest frame accepted from a bot; each ring slot holds one")
    private int maxFrameBytes;

    @Option(names = "--idle-receiver", defaultValue = "backoff", description = "receiver thread idle strategy")
    private String idleReceiver;

    @Option(names = "--idle-forwarder", defaultValue = "backoff", description = "forwarder thread idle strategy")
    private String idleForwarder;

    @Option(names = "--jvm-options", defaultValue = "config/jvm.options", description = "JVM flags for launched processes")
    private Path jvmOptionsFile;

    @Mixin
    private SocketOptions sockets;

    @Mixin
    private CpuOptions cpus;

    @Mixin
    private SecurityOptions security;

    @Option(names = "--time-hops", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "time every hop: brokerDwell here, and the launched bot's and stub's hops (default: on; " +
        "--no-time-hops: off, at no cost to the hot paths; the external send is always timed)")
    private boolean timeHops;

    @Option(names = "--plots", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "draw latency.png and timeline.png in the report (default: on; --no-plots saves about a " +
        "second per run, as bin/bench.sh does)")
    private boolean plots;

    @Option(names = "--exit-with-parent", description = "launched by a quietloop process: take the stop from it " +
        "on standard input (a pipe), and stop at once when that pipe ends (the parent died)")
    private boolean exitWithParent;

    public static void main(final String[] args)
    {
        System.exit(run(args));
    }

    /** Runs the broker and returns its exit code (see {@code ExitCodes}). */
    public static int run(final String... args)
    {
        return Cli.run("broker", new BrokerMain(), args);
    }

    @Override
    public Integer call()
    {
        final BrokerConfig config = new BrokerConfig(
            Endpoint.parse(ingest),
            Endpoint.parse(sidecar),
            launchStub,
            stubArgs,
            launchBot,
            dataFile,
            botArgs,
            null != expectBots ? expectBots : (launchBot ? 1 : 0),
            null != runId ? runId : BrokerConfig.defaultRunId(),
            null != runId,
            reportsDir,
            drainTimeoutSeconds,
            ringSize,
            maxFrameBytes,
            sockets.settings().withMaxFrameBytes(maxFrameBytes),
            idleReceiver,
            idleForwarder,
            jvmOptionsFile,
            timeHops,
            plots,
            cpus.cpus(),
            exitWithParent,
            security.security(LinkSecurity.BROKER, LinkSecurity.SIDECAR));
        try (CounterRegistry registry = CounterRegistry.forProcess(
            RunCoordinator.ROLE, BrokerCounters.MAX_COUNTERS, System.err))
        {
            return new RunCoordinator(config, new BrokerCounters(registry), System.out, System.err).run();
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
