package dev.quietloop.sidecar;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.config.CpuOptions;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.IdleStrategies;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.config.SocketOptions;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.process.Cli;
import dev.quietloop.protocol.process.ConfigYaml;
import dev.quietloop.protocol.process.CounterRegistry;
import dev.quietloop.protocol.process.CpuAffinity;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.ParentLink;
import dev.quietloop.protocol.process.Readiness;
import dev.quietloop.protocol.process.SignalTrap;
import dev.quietloop.protocol.security.LinkSecurity;
import dev.quietloop.protocol.security.SecurityOptions;
import dev.quietloop.sidecar.check.SequenceChecker;
import dev.quietloop.sidecar.receive.ReceiveTally;
import dev.quietloop.sidecar.receive.ReceiverSettings;
import dev.quietloop.sidecar.receive.SidecarReceiver;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SystemNanoClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The sidecar stub: binds PULL, announces readiness, receives until told to stop, drains, then
 * writes its summary and exits 0.
 * <p>
 * SIGINT and SIGTERM end the stub with exit code 0, not 130: the stub is told to stop by its
 * launcher (the broker stops it with SIGTERM once a run is over), so a signal is its normal end.
 * {@code --exit-after} also ends with 0, after saying on stdout that it exits on purpose.
 */
@Command(
    name = SidecarStubMain.ROLE,
    mixinStandardHelpOptions = true,
    description = "A stand-in external metrics sidecar: decodes, counts, checks sequences, injects faults.")
public final class SidecarStubMain implements Callable<Integer>
{
    public static final String ROLE = "sidecar-stub";
    /** Its section of the run's config.yaml, named as its counters are ({@code sidecar.*}). */
    public static final String SECTION = "sidecar";
    /** CURVE handshakes on the bind refused by the ZAP handler: a client key not in the allowed set. */
    public static final String AUTH_REJECTED = Accounting.SIDECAR_AUTH_REJECTED;

    private static final int MAX_COUNTERS = 32;
    private static final long BIND_TIMEOUT_MS = 10_000;
    /** Beyond the drain time, how long a stop waits for the receive loop before giving up on it. */
    private static final long STOP_MARGIN_MS = 2_000;

    @Option(names = "--bind", defaultValue = StubConfig.DEFAULT_BIND,
        description = "PULL endpoint tcp://HOST:PORT; port 0 picks a free one (default: ${DEFAULT-VALUE})")
    private String bind;

    @Option(names = "--delay-us", defaultValue = "0", description = "fault: wait N us after each message")
    private long delayUs;

    @Option(names = "--stall-after", description = "fault: after M messages stop reading ...")
    private Long stallAfter;

    @Option(names = "--stall-seconds", defaultValue = "0", description = "... for N seconds")
    private long stallSeconds;

    @Option(names = "--exit-after", description = "fault: exit (writing the summary) after M messages")
    private Long exitAfter;

    @Option(names = "--idle", defaultValue = IdleStrategies.BACKOFF,
        description = "receive-loop idle strategy: " + IdleStrategies.NAMES + " (default: ${DEFAULT-VALUE})")
    private String idle;

    @Option(names = "--drain-ms", defaultValue = "2000",
        description = "on stop, read on until every stream has ended, the socket is quiet, or N ms pass")
    private long drainMs;

    @Option(names = "--summary", description = "write the sidecar.* counters to this JSON file at exit")
    private Path summary;

    @Mixin
    private SocketOptions sockets;

    @Mixin
    private CpuOptions cpus;

    @Mixin
    private SecurityOptions security;

    @Option(names = "--time-hops", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "time the endToEnd hop, origin on the bot to receipt here, same host only (default: on; " +
        "--no-time-hops: off)")
    private boolean timeHops;

    @Option(names = "--warmup-events", paramLabel = "N", defaultValue = "0",
        description = "events of each stream up to sequence N are a warm-up: not timed (default: ${DEFAULT-VALUE})")
    private long warmupEvents;

    @Option(names = "--exit-with-parent", description = "launched by a quietloop process: take the stop from it " +
        "on standard input (a pipe), and stop at once when that pipe ends (the parent died)")
    private boolean exitWithParent;

    public static void main(final String[] args)
    {
        System.exit(run(args));
    }

    /** Runs the stub in this process and returns its exit code. */
    public static int run(final String... args)
    {
        return Cli.run(ROLE, new SidecarStubMain(), args);
    }

    @Override
    public Integer call() throws InterruptedException
    {
        final StubConfig config = StubConfig.from(
            bind, sockets.settings(), delayUs, stallAfter, stallSeconds, exitAfter, idle, drainMs, summary,
            timeHops, warmupEvents, cpus.cpus(), exitWithParent,
            security.security(LinkSecurity.SIDECAR, null));
        final CountDownLatch stopRequested = new CountDownLatch(1);
        final long startTimeMs = System.currentTimeMillis();
        final HopLatency endToEnd = HopLatency.of(Hop.END_TO_END, config.timeHops(), config.warmupEvents());
        final SignalTrap signals = SignalTrap.install(ROLE, stopRequested::countDown);
        if (config.exitWithParent())
        {
            // The launcher's stop comes after everything it forwards; its end means nothing more will come.
            signals.deferTo(ParentLink.watch(System.in, stopRequested::countDown, () ->
            {
                if (stopRequested.getCount() > 0) // not already stopping at the launcher's word
                {
                    System.err.println(ROLE + ": the launcher is gone; stopping now");
                    stopRequested.countDown();
                }
            }));
        }
        try (signals;
            CounterRegistry counters = CounterRegistry.forProcess(ROLE, MAX_COUNTERS, System.err))
        {
            final long drainNs = config.drainNs();
            final SidecarReceiver receiver = new SidecarReceiver(
                // Under CURVE, wait for the end of stream up to the whole drain: JeroMQ decrypts seconds behind.
                new ReceiverSettings(config.bind(), config.sockets(), drainNs,
                    config.security().isCurve() ? drainNs : ReceiverSettings.QUIET_NS),
                config.security().server(SocketFactory.PULL, counters.newCounter(AUTH_REJECTED)),
                config.faults(),
                new ReceiveTally(counters, new SequenceChecker(counters), endToEnd, config.warmupEvents()),
                SystemNanoClock.INSTANCE,
                LockSupport::parkNanos,
                stopRequested::countDown);
            try (AgentRunner runner = new AgentRunner(
                IdleStrategies.parse(config.idle()), SidecarStubMain::onReceiverError, null, receiver))
            {
                AgentRunner.startOnThread(runner);
                final Endpoint endpoint = receiver.awaitBound(BIND_TIMEOUT_MS);
                if (config.summary() != null)
                {
                    // Once bound, so a refused bind leaves no file; before the readiness line, which a
                    // launcher awaits before it sends anything, so the writing overlaps no traffic.
                    ConfigYaml.write(
                        ConfigYaml.besideSummary(config.summary(), SECTION), SECTION, config::writeYaml, System.err);
                }
                CpuAffinity.pinProcess(CpuOptions.FLAG, config.cpus()); // started up: nothing has arrived yet
                Readiness.announce(ROLE, endpoint);
                stopRequested.await();
                receiver.requestStop();
                if (!receiver.awaitFinished(config.drainMs() + STOP_MARGIN_MS))
                {
                    System.err.println(ROLE + ": receive loop did not finish draining in time; closing it");
                }
            }
            final Map<String, Long> summary = new TreeMap<>(counters.snapshot());
            summary.putAll(endToEnd.percentiles());
            final StubReport report = new StubReport(summary);
            if (receiver.exitedOnPurpose())
            {
                System.out.println(ROLE + ": exiting on purpose after " +
                    report.value(ReceiveTally.FRAMES_RECEIVED) + " messages (--exit-after)");
            }
            report.write(config.summary());
            if (config.summary() != null)
            {
                endToEnd.writeFiles(config.summary().toAbsolutePath().getParent(), startTimeMs);
            }
            report.print(System.out);
            if (null != receiver.failure())
            {
                System.err.println(ROLE + ": " + receiver.failure());
                return ExitCodes.FAILURE;
            }
            return ExitCodes.OK;
        }
    }

    private static void onReceiverError(final Throwable ex)
    {
        System.err.println(ROLE + ": receive loop error: " + ex);
        ex.printStackTrace(System.err);
    }
}
