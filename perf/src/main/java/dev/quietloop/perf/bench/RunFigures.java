package dev.quietloop.perf.bench;

import java.util.Map;
import dev.quietloop.protocol.account.Accounting;

/**
 * What the bench reads from one run's {@code summary.json}: a hop's percentiles, the accounting
 * and whether it balances. Missing figures (a hop not timed, a sidecar that left no summary)
 * read as -1 or 0, as said per method.
 */
record RunFigures(Map<String, Long> summary)
{
    /** A hop's figure in nanoseconds ({@code p50}, {@code p99}, {@code p99_9}, {@code max}, {@code count}), -1 if absent. */
    long hop(final String hop, final String figure)
    {
        return summary.getOrDefault("latencyNs." + hop + "." + figure, -1L);
    }

    long value(final String key)
    {
        return summary.getOrDefault(key, 0L);
    }

    long produced()
    {
        return value(Accounting.BOT_EVENTS_PRODUCED);
    }

    long ringRejected()
    {
        return value(Accounting.BOT_RING_REJECTED);
    }

    /** Events the sidecar received; 0 when there was none. */
    long delivered()
    {
        return value(Accounting.SIDECAR_EVENTS_RECEIVED);
    }

    /** The bot's, the broker's and the sidecar stub's CPU time summed, in ms; -1 when one of them is not known. */
    long cpuMs()
    {
        final long bot = summary.getOrDefault(Accounting.BOT_CPU_MS, -1L);
        final long broker = summary.getOrDefault(Accounting.BROKER_CPU_MS, -1L);
        final long sidecar = summary.getOrDefault(Accounting.SIDECAR_CPU_MS, -1L);
        return bot < 0 || broker < 0 || sidecar < 0 ? -1 : bot + broker + sidecar;
    }

    /** Business events per frame the broker forwarded. */
    double batchSize()
    {
        final long frames = value(Accounting.BROKER_FRAMES_FORWARDED) - value(Accounting.BROKER_CONTROL_FRAMES);
        return frames <= 0 ? 0 : (double)value(Accounting.BROKER_EVENTS_FORWARDED) / frames;
    }

    /**
     * Events the sidecar did not receive that no process counted as not passed on (ring rejected,
     * unsent, undelivered): handed to a socket and dropped from its queue when a process closed it,
     * seen only by the run's report. Without a sidecar summary (no sidecar at all), what the bot
     * sent and the broker never read: the report's {@code run.droppedAtBotClose}.
     */
    long dropped()
    {
        return Accounting.droppedAtClose(summary);
    }

    /**
     * Every event is accounted for by the process that last held it: the bot's produced = ring
     * rejected + sent + unsent, the broker's received = forwarded + undelivered, and every event the
     * sidecar did not receive was counted by one of them ({@link #dropped()} is 0).
     */
    boolean balances()
    {
        return Accounting.balances(summary);
    }
}
