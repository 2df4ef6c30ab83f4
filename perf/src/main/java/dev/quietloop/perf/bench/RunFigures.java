package dev.quietloop.perf.bench;

import java.util.Map;

/**
 * What the bench reads from one run's {@code summary.json}: a hop's percentiles, the accounting
 * and whether it balances. Missing figures (a hop not timed, a sidecar that left no summary)
 * read as -1 or 0, as said per method.
 */
record RunFigures(Map<String, Long> summary, int exitCode, double wallSeconds)
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
        return value("bot.eventsProduced");
    }

    long ringRejected()
    {
        return value("bot.ringRejected");
    }

    /** Events the sidecar received; 0 when there was none. */
    long delivered()
    {
        return value("sidecar.eventsReceived");
    }

    /** Business events per frame the broker forwarded. */
    double batchSize()
    {
        final long frames = value("broker.framesForwarded") - value("broker.controlFrames");
        return frames <= 0 ? 0 : (double)value("broker.eventsForwarded") / frames;
    }

    /**
     * Every event is accounted for, the way the run's own report counts: the bot's produced = ring
     * rejected + sent + unsent, the broker forwarded what it received or counted it undelivered, and
     * at the sidecar (when there is one) received - duplicates + gaps + missing (frames lost on the
     * way, {@code run.missingAtSidecar}) = produced. Counted loss balances; uncounted loss does not.
     */
    boolean balances()
    {
        if (!summary.containsKey("bot.eventsProduced") || !summary.containsKey("broker.eventsReceived"))
        {
            return false;
        }
        final boolean bot = produced() == ringRejected() + value("bot.eventsSent") + value("bot.unsent");
        final boolean broker =
            value("broker.eventsReceived") == value("broker.eventsForwarded") + value("broker.undelivered");
        final boolean sidecar = !summary.containsKey("sidecar.eventsReceived") ||
            delivered() - value("sidecar.duplicates") + value("sidecar.gaps") +
            Math.max(0, value("run.missingAtSidecar")) == produced();
        return bot && broker && sidecar;
    }
}
