package dev.quietloop.sidecar;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.config.CpuOptions;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.latency.LiveHops;
import dev.quietloop.protocol.process.AgentThreads;
import dev.quietloop.protocol.process.ConfigYaml;
import dev.quietloop.protocol.process.CounterRegistry;
import dev.quietloop.protocol.process.CpuAffinity;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.ParentLink;
import dev.quietloop.protocol.process.ProcessCpu;
import dev.quietloop.protocol.process.Readiness;
import dev.quietloop.protocol.process.SignalTrap;
import dev.quietloop.sidecar.check.SequenceChecker;
import dev.quietloop.sidecar.receive.FaultInjection;
import dev.quietloop.sidecar.receive.ReceiveTally;
import dev.quietloop.sidecar.receive.ReceiverSettings;
import dev.quietloop.sidecar.receive.SidecarReceiver;
import dev.quietloop.wire.Endpoint;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The sidecar stub, one object that owns its parts: the signal trap, the counters, and the receive
 * loop on its own thread, closed in the reverse order of their making. {@link #run()} is its life:
 * bind, announce readiness, receive until told to stop, drain, then write its summary.
 * <p>
 * SIGINT and SIGTERM end the stub with exit code 0, not 130: the stub is told to stop by its
 * launcher (the broker stops it with SIGTERM once a run is over), so a signal is its normal end.
 * {@code --exit-after} also ends with 0, after saying on stdout that it exits on purpose.
 */
public final class SidecarStub implements AutoCloseable
{
    public static final String ROLE = "sidecar-stub";
    /** Its section of the run's config.yaml, named as its counters are ({@code sidecar.*}). */
    public static final String SECTION = "sidecar";
    /** CURVE handshakes on the bind refused by the ZAP handler: a client key not in the allowed set. */
    public static final String AUTH_REJECTED = Accounting.SIDECAR_AUTH_REJECTED;
    /** Errors caught on the receive thread; the first is printed once. */
    public static final String ERRORS = Accounting.SIDECAR_ERRORS;

    private final StubContext config;
    private final PrintStream out;
    private final PrintStream err;
    private final long startTimeMs = System.currentTimeMillis();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final HopLatency endToEnd;
    private final SignalTrap signals;
    private final CounterRegistry counters;
    private final SidecarReceiver receiver;
    private final AtomicCounter errors;
    private final AgentThreads threads;
    private final LiveHops liveHops;

    /** Makes the parts; nothing runs until {@link #run()}. */
    public SidecarStub(final StubContext config)
    {
        if (!config.isConcluded())
        {
            throw new IllegalArgumentException("the stub's configuration is not concluded");
        }
        this.config = config;
        out = System.out;
        err = System.err;
        endToEnd = HopLatency.of(Hop.END_TO_END, config.timeHops(), config.warmupEvents());
        signals = SignalTrap.install(ROLE, stopRequested::countDown);
        try
        {
            if (config.exitWithParent())
            {
                // The launcher's stop comes after everything it forwards; its end means nothing more will come.
                signals.deferTo(ParentLink.watch(System.in, stopRequested::countDown, this::onLauncherGone));
            }
            counters = CounterRegistry.forProcess(ROLE, StubConfiguration.MAX_COUNTERS, err);
            try
            {
                receiver = new SidecarReceiver(
                    receiverSettings(config),
                    config.security().server(SocketFactory.PULL, counters.newCounter(AUTH_REJECTED)),
                    faults(config),
                    new ReceiveTally(counters, new SequenceChecker(counters), endToEnd, config.warmupEvents()),
                    SystemNanoClock.INSTANCE,
                    LockSupport::parkNanos,
                    stopRequested::countDown);
                errors = counters.newCounter(ERRORS);
                threads = new AgentThreads(ROLE, ERRORS, err);
                liveHops = new LiveHops(counters::newCounter, endToEnd);
            }
            catch (final RuntimeException ex)
            {
                counters.close();
                throw ex;
            }
        }
        catch (final RuntimeException ex)
        {
            signals.close();
            throw ex;
        }
    }

    /**
     * What the receive loop needs, in nanoseconds. Under CURVE, JeroMQ decrypts in pure Java, seconds
     * behind on a loaded machine, so a stop waits for the end of stream up to the whole drain rather
     * than for a short quiet.
     */
    static ReceiverSettings receiverSettings(final StubContext config)
    {
        final long drainNs = TimeUnit.MILLISECONDS.toNanos(config.drainMs());
        return new ReceiverSettings(
            config.bind(), config.sockets(), drainNs, config.security().isCurve() ? drainNs : ReceiverSettings.QUIET_NS);
    }

    /** The injected faults, in nanoseconds, for the receive thread alone. */
    static FaultInjection faults(final StubContext config)
    {
        return new FaultInjection(
            TimeUnit.MICROSECONDS.toNanos(config.delayUs()),
            null == config.stallAfter() ? FaultInjection.OFF : config.stallAfter(),
            TimeUnit.SECONDS.toNanos(config.stallSeconds()),
            null == config.exitAfter() ? FaultInjection.OFF : config.exitAfter());
    }

    /**
     * Runs the stub until it is told to stop, or stops by itself, and writes its summary.
     *
     * @return the exit code: {@link ExitCodes#FAILURE} when the transport failed for good.
     * @throws dev.quietloop.wire.ConfigException when the bind endpoint cannot be bound.
     */
    public int run() throws InterruptedException
    {
        threads.start(receiver, config.idle().newStrategy(receiver::awaitWork), errors);
        final Endpoint endpoint = receiver.awaitBound(StubConfiguration.BIND_TIMEOUT_MS);
        if (null != config.summary())
        {
            // Once bound, so a refused bind leaves no file; before the readiness line, which a
            // launcher awaits before it sends anything, so the writing overlaps no traffic.
            ConfigYaml.write(
                ConfigYaml.besideSummary(config.summary(), SECTION), SECTION, config::writeYaml, err);
        }
        CpuAffinity.pinProcess(CpuOptions.FLAG, config.effectiveCpus()); // started up: nothing has arrived yet
        Readiness.announce(ROLE, endpoint);
        final LiveHops.Running live = liveHops.start("live-latency");
        try
        {
            stopRequested.await();
            receiver.requestStop();
            if (!receiver.awaitFinished(config.drainMs() + StubConfiguration.STOP_MARGIN_MS))
            {
                err.println(ROLE + ": receive loop did not finish draining in time; closing it");
            }
            threads.close(); // the counters are final once the receive loop has closed
        }
        finally
        {
            live.close();
        }
        return report();
    }

    private int report()
    {
        final Map<String, Long> summary = new TreeMap<>(counters.snapshot());
        summary.putAll(endToEnd.percentiles());
        // Last: the receive loop has closed; only writing the files is left.
        ProcessCpu.addTo(summary, Accounting.SIDECAR_CPU_MS);
        final StubReport report = new StubReport(summary);
        if (receiver.exitedOnPurpose())
        {
            out.println(ROLE + ": exiting on purpose after " +
                report.value(ReceiveTally.FRAMES_RECEIVED) + " messages (--exit-after)");
        }
        report.write(config.summary());
        if (null != config.summary())
        {
            endToEnd.writeFiles(config.summary().toAbsolutePath().getParent(), startTimeMs);
        }
        report.print(out);
        if (null != receiver.failure())
        {
            err.println(ROLE + ": " + receiver.failure());
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private void onLauncherGone()
    {
        if (stopRequested.getCount() > 0) // not already stopping at the launcher's word
        {
            err.println(ROLE + ": the launcher is gone; stopping now");
            stopRequested.countDown();
        }
    }

    /** Closes the receive thread, then the counters, then gives the signals back. */
    @Override
    public void close()
    {
        try
        {
            threads.close();
            counters.close();
        }
        finally
        {
            signals.close();
        }
    }
}
