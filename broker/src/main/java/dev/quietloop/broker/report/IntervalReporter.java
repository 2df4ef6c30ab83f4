package dev.quietloop.broker.report;

import dev.quietloop.protocol.latency.LiveHops;
import dev.quietloop.protocol.latency.LiveLatency;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The reporter thread's duty cycle: rolls the send-latency log once per interval, adds the
 * interval to the run's timeline and publishes it live ({@link LiveLatency}) with the broker's other
 * timed hops ({@link LiveHops}), off the forwarder's path (the forwarder only records into its
 * recorder and counts).
 */
public final class IntervalReporter implements Agent
{
    private final SendLatencyLog log;
    private final Timeline timeline;
    private final AtomicCounter eventsForwarded;
    private final LiveLatency live;
    private final LiveHops hops;
    private final EpochClock clock;
    private final long intervalMs;
    private long nextRollMs;

    public IntervalReporter(
        final SendLatencyLog log,
        final Timeline timeline,
        final AtomicCounter eventsForwarded,
        final LiveLatency live,
        final LiveHops hops,
        final EpochClock clock,
        final long intervalMs)
    {
        this.log = log;
        this.timeline = timeline;
        this.eventsForwarded = eventsForwarded;
        this.live = live;
        this.hops = hops;
        this.clock = clock;
        this.intervalMs = intervalMs;
        this.nextRollMs = clock.time() + intervalMs;
    }

    @Override
    public int doWork()
    {
        final long nowMs = clock.time();
        if (nowMs < nextRollMs)
        {
            return 0;
        }
        final Histogram interval = log.rollInterval();
        timeline.add(nowMs, eventsForwarded.get(), interval);
        live.publish(interval);
        hops.publish();
        nextRollMs += intervalMs;
        if (nextRollMs <= nowMs)
        {
            nextRollMs = nowMs + intervalMs; // skip intervals missed during a pause, do not burst
        }
        return 1;
    }

    @Override
    public String roleName()
    {
        return "broker-reporter";
    }
}
