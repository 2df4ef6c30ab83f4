package dev.quietloop.broker.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.latency.WarmUp;

/**
 * A warm-up that the bot put back into its headline at the end ({@code bot.warmupPutBack}: it was
 * more than {@link WarmUp#MAX_EVENTS_PERCENT}% of the events) goes back into the headline of the
 * hops downstream too. They timed the flagged frames apart before anyone knew, and wrote their
 * warm-up apart ({@code <hop>-warmup.hlog}); here, from those logs, each such hop's files and
 * percentiles become its whole run's, so that every row of the summary counts the same events.
 */
final class WarmUpPutBack
{
    private WarmUpPutBack()
    {
    }

    /** Folds every hop's warm-up still apart in {@code summary}, and its logs in {@code runDir}, into its headline. */
    static void apply(final Path runDir, final Map<String, Long> summary)
    {
        if (summary.getOrDefault(WarmUp.PUT_BACK_KEY, 0L) == 0)
        {
            return;
        }
        for (final Hop hop : Hop.values())
        {
            final String warmUpPrefix = HopLatency.WARMUP_KEY_PREFIX + hop.key() + ".";
            if (summary.containsKey(warmUpPrefix + LatencyKeys.COUNT) &&
                Files.isRegularFile(runDir.resolve(hop.logFile())) &&
                Files.isRegularFile(runDir.resolve(hop.warmUpLogFile())))
            {
                summary.keySet().removeIf(key -> key.startsWith(warmUpPrefix));
                summary.putAll(HopLatency.percentiles(
                    HopLatency.KEY_PREFIX + hop.key(), HopLatency.foldWarmUpLog(runDir, hop)));
            }
        }
    }
}
