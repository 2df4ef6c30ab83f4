package dev.quietloop.sidecar;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.quietloop.protocol.config.CpuOptions;
import dev.quietloop.protocol.config.IdleChoice;
import dev.quietloop.protocol.config.IdleStrategies;
import dev.quietloop.protocol.process.Cli;
import dev.quietloop.protocol.process.ProcessOptions;
import dev.quietloop.protocol.security.LinkSecurity;
import dev.quietloop.wire.Endpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The stub's command line: its flags (or its section of a run's {@code config.yaml}, by
 * {@code --config FILE}) become one concluded {@link StubContext}, and a {@link SidecarStub} runs it.
 */
@Command(
    name = SidecarStub.ROLE,
    mixinStandardHelpOptions = true,
    description = "A stand-in external metrics sidecar: decodes, counts, checks sequences, injects faults.")
public final class SidecarStubMain implements Callable<Integer>
{
    public static final String ROLE = SidecarStub.ROLE;

    @Option(names = StubConfiguration.BIND_FLAG, defaultValue = StubConfiguration.BIND,
        description = "PULL endpoint tcp://HOST:PORT; port 0 picks a free one (default: ${DEFAULT-VALUE})")
    private String bind;

    @Option(names = StubConfiguration.DELAY_US_FLAG, defaultValue = "" + StubConfiguration.DELAY_US,
        description = "fault: wait N us after each message")
    private long delayUs;

    @Option(names = StubConfiguration.STALL_AFTER_FLAG, description = "fault: after M messages stop reading ...")
    private Long stallAfter;

    @Option(names = StubConfiguration.STALL_SECONDS_FLAG, defaultValue = "" + StubConfiguration.STALL_SECONDS,
        description = "... for N seconds")
    private long stallSeconds;

    @Option(names = StubConfiguration.EXIT_AFTER_FLAG, description = "fault: exit (writing the summary) after M messages")
    private Long exitAfter;

    @Option(names = StubConfiguration.IDLE_FLAG, defaultValue = StubConfiguration.IDLE, converter = IdleChoice.Converter.class,
        description = "receive-loop idle strategy: " + IdleStrategies.NAMES + " (default: ${DEFAULT-VALUE})")
    private IdleChoice idle;

    @Option(names = StubConfiguration.DRAIN_MS_FLAG, defaultValue = "" + StubConfiguration.DRAIN_MS,
        description = "on stop, read on until every stream has ended, the socket is quiet, or N ms pass")
    private long drainMs;

    @Option(names = StubConfiguration.SUMMARY_FLAG, description = "write the sidecar.* counters to this JSON file at exit")
    private Path summary;

    @Mixin
    private ProcessOptions process;

    @Option(names = StubConfiguration.TIME_HOPS_FLAG, negatable = true, defaultValue = "" + StubConfiguration.TIME_HOPS,
        fallbackValue = "true",
        description = "time the endToEnd hop, origin on the bot to receipt here, same host only (default: on; " +
        "--no-time-hops: off)")
    private boolean timeHops;

    @Option(names = StubConfiguration.WARMUP_EVENTS_FLAG, paramLabel = "N", defaultValue = "" + StubConfiguration.WARMUP_EVENTS,
        description = "events of each stream up to sequence N are a warm-up, timed apart as the frames the bot " +
            "flags as its warm-up are, and left out of the after-warm-up rate (default: ${DEFAULT-VALUE})")
    private long warmupEvents;

    // The launcher's CPUs, pinned as --cpus is and recorded apart from it: see CpuOptions.LAUNCHER_FLAG.
    @Option(names = CpuOptions.LAUNCHER_FLAG, paramLabel = "LIST", hidden = true)
    private String launcherCpus;

    @Option(names = StubConfiguration.EXIT_WITH_PARENT_FLAG, description = "launched by a quietloop process: take the " +
        "stop from it on standard input (a pipe), and stop at once when that pipe ends (the parent died)")
    private boolean exitWithParent;

    private final Stub stub;

    private SidecarStubMain(final Stub stub)
    {
        this.stub = stub;
    }

    public static void main(final String[] args)
    {
        System.exit(run(args));
    }

    /** Runs the stub in this process and returns its exit code. */
    public static int run(final String... args)
    {
        return run(SidecarStubMain::runStub, args);
    }

    /** Parses {@code args} (and any {@code --config FILE}) into a concluded configuration for {@code stub}. */
    static int run(final Stub stub, final String... args)
    {
        return Cli.run(ROLE, SidecarStub.SECTION, new SidecarStubMain(stub), args);
    }

    @Override
    public Integer call() throws InterruptedException
    {
        return stub.run(new StubContext()
            .security(process.security(LinkSecurity.SIDECAR, null))
            .bind(Endpoint.parse(bind))
            .sockets(process.sockets())
            .delayUs(delayUs)
            .stallAfter(stallAfter)
            .stallSeconds(stallSeconds)
            .exitAfter(exitAfter)
            .idle(idle)
            .drainMs(drainMs)
            .summary(summary)
            .timeHops(timeHops)
            .warmupEvents(warmupEvents)
            .cpus(process.cpus())
            .launcherCpus(launcherCpus)
            .exitWithParent(exitWithParent)
            .conclude());
    }

    private static int runStub(final StubContext config) throws InterruptedException
    {
        try (SidecarStub stub = new SidecarStub(config))
        {
            return stub.run();
        }
    }

    /** What runs a concluded configuration: the stub, or a test's look at it. */
    @FunctionalInterface
    interface Stub
    {
        int run(StubContext config) throws InterruptedException;
    }
}
