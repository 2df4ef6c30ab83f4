package dev.quietloop.broker.report;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The reporter thread's duty cycle: rolls the send-latency log once per interval and adds the
 * interval to the run's timeline, off the forwarder's path (the forwarder only records into its
 * recorder and counts).
 */
public final class IntervalReporter implements Agent
{
    private final SendLatencyLog log;
    private final Timeline timeline;
    private final AtomicCounter eventsForwarded;
    private final EpochClock clock;
    private final long intervalMs;
    private long nextRollMs;

    public IntervalReporter(
        final SendLatencyLog log,
        final Timeline timeline,
        final AtomicCounter eventsForwarded,
        final EpochClock clock,
        final long intervalMs)
    {
        this.log = log;
        this.timeline = timeline;
        this.eventsForwarded = eventsForwarded;
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
        timeline.add(nowMs, eventsForwarded.get(), log.rollInterval());
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
