package dev.quietloop.broker;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.RingBuffer;
import dev.quietloop.broker.forward.ForwarderSettings;
import dev.quietloop.broker.forward.SidecarForwarder;
import dev.quietloop.broker.ingress.IngressReceiver;
import dev.quietloop.broker.ingress.IngressSettings;
import dev.quietloop.broker.ingress.SourceTally;
import dev.quietloop.broker.report.IntervalReporter;
import dev.quietloop.broker.report.SendLatencyLog;
import dev.quietloop.broker.report.Timeline;
import dev.quietloop.broker.ring.BrokerCounters;
import dev.quietloop.broker.ring.BrokerRing;
import dev.quietloop.broker.ring.FrameSlot;
import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.latency.LiveHops;
import dev.quietloop.protocol.process.AgentThreads;
import dev.quietloop.wire.Endpoint;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.agrona.concurrent.SystemEpochClock;

/**
 * The broker's data path and its threads: ingest receiver -> broker ring -> sidecar forwarder,
 * with the reporter rolling the send-latency log beside them. Started once, drained once.
 */
final class BrokerPipeline implements AutoCloseable
{
    private final BrokerContext ctx;
    private final BrokerCounters counters;
    private final PrintStream err;
    private final HopLatency brokerDwell;
    private final Timeline timeline = new Timeline();
    private final AgentThreads agents;
    private SidecarForwarder forwarder;
    private IngressReceiver receiver;
    private AgentRunner receiverRunner;
    private AgentRunner forwarderRunner;
    private SendLatencyLog latencyLog;
    private long startMs;
    private boolean draining;
    private long drainDeadlineNs;

    BrokerPipeline(final BrokerContext ctx, final BrokerCounters counters, final PrintStream err)
    {
        this.ctx = ctx;
        this.counters = counters;
        this.err = err;
        this.brokerDwell = HopLatency.of(Hop.BROKER_DWELL, ctx.timeHops());
        this.agents = new AgentThreads(BrokerConfiguration.ROLE, Accounting.BROKER_ERRORS, err);
    }

    /**
     * Binds the ingest (first, so a taken port is reported before anything else starts), connects
     * to the sidecar and starts the three threads, each on its own (named after its agent).
     *
     * @return the ingest endpoint really bound.
     */
    Endpoint start(final Endpoint sidecar, final Path hlogFile)
    {
        startMs = System.currentTimeMillis();
        final SingleWriterRecorder recorder = SendLatencyLog.newRecorder();
        final RingBuffer<FrameSlot> ring = BrokerRing.create(ctx.ringSize(), ctx.maxFrameBytes());
        forwarder = new SidecarForwarder(
            new ForwarderSettings(sidecar, ctx.forwarderSockets(), ctx.idleForwarder(), SendLatencyLog.HIGHEST_TRACKABLE_NS),
            ctx.security().client(SocketFactory.PUSH), ring, recorder, counters, brokerDwell);
        receiver = new IngressReceiver(
            new IngressSettings(ctx.ingest(), ctx.sockets(), brokerDwell.isEnabled(), ctx.run().onlySource(),
                ctx.run().launchedBots().size(), TimeUnit.SECONDS.toNanos(ctx.botTimeoutS())),
            ctx.security().server(SocketFactory.ROUTER, counters.authRejected()), ring, forwarder.doorbell(), counters, err);

        receiverRunner = agents.start(receiver, ctx.idleReceiver().newStrategy(receiver::awaitWork), counters.errors());
        final Endpoint ingest = receiver.awaitBound(BrokerConfiguration.SOCKET_TIMEOUT_MS);
        forwarderRunner = agents.start(forwarder, ctx.idleForwarder().newStrategy(forwarder.doorbell()), counters.errors());
        forwarder.awaitConnected(BrokerConfiguration.SOCKET_TIMEOUT_MS);
        latencyLog = new SendLatencyLog(hlogFile, recorder, startMs);
        timeline.start(startMs);
        agents.start(new IntervalReporter(latencyLog, timeline, counters.eventsForwarded(), counters.externalSendLive(),
            new LiveHops(counters.registry()::newCounter, brokerDwell), SystemEpochClock.INSTANCE,
            BrokerConfiguration.REPORT_INTERVAL_MS), new SleepingIdleStrategy(BrokerConfiguration.REPORTER_SLEEP_NS),
            counters.errors());
        return ingest;
    }

    /**
     * Waits until everything received is handed to the sidecar or the timeout passes, then stops
     * the threads in the order of the data: receiver, forwarder (its socket closes with a bounded
     * linger), reporter.
     *
     * @return events received but not taken by the sidecar, also set in {@code broker.undelivered}.
     */
    long drainAndStop(final long drainTimeoutMs)
    {
        final long deadlineNs = startDrain(drainTimeoutMs);
        awaitDrained(deadlineNs);
        receiverRunner.close();
        if (!awaitDrained(deadlineNs))
        {
            forwarder.giveUp();
        }
        forwarderRunner.close();
        agents.close(); // the reporter: a runner closed already is not closed again

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
            LockSupport.parkNanos(BrokerConfiguration.DRAIN_POLL_NS);
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

    /** What the ingest took from each bot; read it after {@link #drainAndStop}. */
    List<SourceTally> sourceTallies()
    {
        return null == receiver ? List.of() : receiver.sourceTallies();
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

    /** Stops whatever still runs, the last started first; used when the run failed before its orderly end. */
    @Override
    public void close()
    {
        if (null != forwarder)
        {
            forwarder.giveUp();
        }
        agents.close();
        if (null != latencyLog)
        {
            latencyLog.close();
        }
    }
}
