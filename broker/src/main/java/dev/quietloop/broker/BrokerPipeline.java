package dev.quietloop.broker;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.RingBuffer;
import dev.quietloop.broker.forward.SidecarForwarder;
import dev.quietloop.broker.ingress.IngressReceiver;
import dev.quietloop.broker.report.IntervalReporter;
import dev.quietloop.broker.report.SendLatencyLog;
import dev.quietloop.broker.report.Timeline;
import dev.quietloop.broker.ring.BrokerCounters;
import dev.quietloop.broker.ring.BrokerRing;
import dev.quietloop.broker.ring.FrameSlot;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.IdleStrategies;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.agrona.concurrent.SystemEpochClock;

/**
 * The broker's data path and its threads: ingest receiver -> broker ring -> sidecar forwarder,
 * with the reporter rolling the send-latency log beside them. Started once, drained once.
 */
final class BrokerPipeline implements AutoCloseable
{
    private static final long SOCKET_TIMEOUT_MS = 10_000;
    private static final long REPORT_INTERVAL_MS = 1_000;
    private static final long REPORTER_SLEEP_NS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long POLL_NS = TimeUnit.MILLISECONDS.toNanos(1);
    /**
     * Frames the forwarder socket may queue towards the sidecar. Kept small so that "sent" means
     * nearly "taken by the sidecar": a slow sidecar pushes back into the broker ring (where what
     * is left at the end is counted as undelivered) instead of hiding in a deep socket queue.
     */
    private static final int FORWARDER_HIGH_WATER_MARK = 64;

    private final BrokerConfig config;
    private final BrokerCounters counters;
    private final PrintStream err;
    private final HopLatency brokerDwell;
    private final Timeline timeline = new Timeline();
    private SidecarForwarder forwarder;
    private IngressReceiver receiver;
    private AgentRunner receiverRunner;
    private AgentRunner forwarderRunner;
    private AgentRunner reporterRunner;
    private SendLatencyLog latencyLog;
    private long startMs;
    private boolean draining;
    private long drainDeadlineNs;

    BrokerPipeline(final BrokerConfig config, final BrokerCounters counters, final PrintStream err)
    {
        this.config = config;
        this.counters = counters;
        this.err = err;
        this.brokerDwell = HopLatency.of(Hop.BROKER_DWELL, config.timeHops());
    }

    /**
     * Binds the ingest (first, so a taken port is reported before anything else starts), connects
     * to the sidecar and starts the three threads.
     *
     * @param onlySource the one source whose frames the ingest takes, or {@link IngressReceiver#ANY_SOURCE}
     * @return the ingest endpoint really bound.
     */
    Endpoint start(final Endpoint sidecar, final Path hlogFile, final int onlySource)
    {
        startMs = System.currentTimeMillis();
        final SingleWriterRecorder recorder = SendLatencyLog.newRecorder();
        final RingBuffer<FrameSlot> ring = BrokerRing.create(config.ringSize(), config.maxFrameBytes());
        final SocketSettings settings = config.sockets();
        final SocketSettings forwarderSettings = forwarderSettings(settings);
        forwarder = new SidecarForwarder(sidecar, forwarderSettings, config.security().client(SocketFactory.PUSH), ring,
            IdleStrategies.parse(config.idleForwarder()), recorder, SendLatencyLog.HIGHEST_TRACKABLE_NS, counters,
            brokerDwell);
        receiver = new IngressReceiver(config.ingest(), settings,
            config.security().server(SocketFactory.ROUTER, counters.authRejected()), ring, counters,
            brokerDwell.isEnabled(), err)
            .onlySource(onlySource);

        receiverRunner = start(receiver, IdleStrategies.parse(config.idleReceiver()));
        final Endpoint ingest = receiver.awaitBound(SOCKET_TIMEOUT_MS);
        forwarderRunner = start(forwarder, IdleStrategies.parse(config.idleForwarder()));
        forwarder.awaitConnected(SOCKET_TIMEOUT_MS);
        latencyLog = new SendLatencyLog(hlogFile, recorder, startMs);
        timeline.start(startMs);
        reporterRunner = start(new IntervalReporter(latencyLog, timeline, counters.eventsForwarded(),
            SystemEpochClock.INSTANCE, REPORT_INTERVAL_MS), new SleepingIdleStrategy(REPORTER_SLEEP_NS));
        return ingest;
    }

    /**
     * The forwarder's socket options: a smaller high-water mark, so a slow sidecar pushes back
     * sooner; and under CURVE, whose pure-Java encryption runs seconds behind the sends on a loaded
     * machine, a close that lingers up to the drain timeout, which bounds the end of a run anyway:
     * the default linger dropped the tail still queued (a CurveIT run lost 567 events so).
     */
    private SocketSettings forwarderSettings(final SocketSettings settings)
    {
        final SocketSettings forwarder =
            settings.withHighWaterMark(Math.min(FORWARDER_HIGH_WATER_MARK, settings.highWaterMark()));
        if (!config.security().isCurve())
        {
            return forwarder;
        }
        return forwarder.withLingerMs((int)Math.min(Integer.MAX_VALUE,
            Math.max(forwarder.lingerMs(), config.drainTimeoutMs())));
    }

    /**
     * Waits until everything received is handed to the sidecar or the timeout passes, then stops
     * the threads: receiver, forwarder (its socket closes with a bounded linger), reporter.
     *
     * @return events received but not taken by the sidecar, also set in {@code broker.undelivered}.
     */
    long drainAndStop(final long drainTimeoutMs)
    {
        final long deadlineNs = startDrain(drainTimeoutMs);
        awaitDrained(deadlineNs);
        receiverRunner.close();
        receiverRunner = null;
        if (!awaitDrained(deadlineNs))
        {
            forwarder.giveUp();
        }
        forwarderRunner.close();
        forwarderRunner = null;
        reporterRunner.close();
        reporterRunner = null;

        final long undelivered = Math.max(0, counters.eventsReceived().get() - counters.eventsForwarded().get());
        counters.undelivered().setRelease(undelivered);
        return undelivered;
    }

    /**
     * Starts the drain's clock, once: {@code --drain-timeout} bounds the whole end of the run, from
     * the first call (the broker waiting for the bot's last frames after it exited) to the end of
     * {@link #drainAndStop}. A later call returns the deadline set by the first; before, each wait
     * took its own timeout, so a sidecar that took nothing held the run for twice the timeout.
     *
     * @return the drain's deadline, on the {@link System#nanoTime()} scale.
     */
    long startDrain(final long drainTimeoutMs)
    {
        if (!draining)
        {
            draining = true;
            drainDeadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(drainTimeoutMs);
        }
        return drainDeadlineNs;
    }

    private boolean awaitDrained(final long deadlineNs)
    {
        while (true)
        {
            final long received = counters.framesReceived().get();
            if (counters.framesForwarded().get() >= received)
            {
                return true;
            }
            if (System.nanoTime() - deadlineNs >= 0)
            {
                return false;
            }
            LockSupport.parkNanos(POLL_NS);
        }
    }

    /** After {@link #drainAndStop}: rolls the last interval, closes the log, returns the run total. */
    Histogram finishLatencyLog()
    {
        timeline.add(System.currentTimeMillis(), counters.eventsForwarded().get(), latencyLog.rollInterval());
        latencyLog.close();
        final Histogram total = latencyLog.total();
        latencyLog = null;
        return total;
    }

    /** Why the ingest stopped serving for good (its transport failed and could not be rebuilt), or null. */
    String ingressFailure()
    {
        return null == receiver ? null : receiver.failure();
    }

    /** The broker's own hop, frame received to forward started; read it after {@link #drainAndStop}. */
    HopLatency brokerDwell()
    {
        return brokerDwell;
    }

    /** Events/s and send p99 per interval; read it after {@link #finishLatencyLog}. */
    Timeline timeline()
    {
        return timeline;
    }

    /** After {@link #finishLatencyLog}: the broker's hop files and {@code timeline.csv} into the report folder. */
    void writeFiles(final Path runDir)
    {
        brokerDwell.writeFiles(runDir, startMs);
        timeline.write(runDir.resolve(Timeline.FILE));
    }

    /** Stops whatever still runs; used when the run failed before its orderly end. */
    @Override
    public void close()
    {
        if (null != receiverRunner)
        {
            receiverRunner.close();
        }
        if (null != forwarderRunner)
        {
            forwarder.giveUp();
            forwarderRunner.close();
        }
        if (null != reporterRunner)
        {
            reporterRunner.close();
        }
        if (null != latencyLog)
        {
            latencyLog.close();
        }
    }

    private AgentRunner start(final Agent agent, final IdleStrategy idleStrategy)
    {
        final AgentRunner runner = new AgentRunner(idleStrategy, errorHandler(agent.roleName()), counters.errors(), agent);
        AgentRunner.startOnThread(runner);
        return runner;
    }

    /** Logs an agent's first error with its stack trace; the runner counts every one and goes on. */
    private ErrorHandler errorHandler(final String role)
    {
        final AtomicBoolean logged = new AtomicBoolean();
        return ex ->
        {
            if (logged.compareAndSet(false, true))
            {
                err.println(RunCoordinator.ROLE + ": error on " + role + " (later ones are only counted in broker.errors):");
                ex.printStackTrace(err);
            }
        };
    }
}
