package dev.quietloop.bot.run;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.quietloop.bot.execution.FixedPoint;
import dev.quietloop.bot.execution.PaperExecution;
import dev.quietloop.bot.execution.RiskCheck;
import dev.quietloop.bot.replay.MarketDataFile;
import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.SafepointLog;
import dev.quietloop.wire.Endpoint;

/**
 * What a bot run tells the user: the scan's line at start-up, and at the end what was not proven
 * delivered, the summary and its lines, and the exit code.
 */
public final class BotReport
{
    private BotReport()
    {
    }

    /** The bot's summary: every counter, the run's identity, and the paper trading's result. */
    public static Map<String, Long> summary(
        final BotCounters counters,
        final PaperExecution execution,
        final String[] symbols,
        final int sourceId,
        final long epoch,
        final long fingerprint,
        final boolean partial)
    {
        final Map<String, Long> summary = new LinkedHashMap<>(counters.snapshot());
        summary.put(Accounting.BOT_FINGERPRINT, fingerprint);
        summary.put(Accounting.BOT_SOURCE_ID, (long)sourceId);
        summary.put(Accounting.BOT_EPOCH, epoch);
        summary.put(Accounting.BOT_PARTIAL, partial ? 1L : 0L);
        summary.put(Accounting.BOT_ORDERS_PLACED, execution.ordersPlaced());
        summary.put(Accounting.BOT_ORDERS_REJECTED, execution.ordersRejected());
        for (final RiskCheck check : RiskCheck.values())
        {
            summary.put(Accounting.BOT_ORDERS_REJECTED_BY_PREFIX + check.key(), execution.ordersRejected(check));
        }
        summary.put(Accounting.BOT_ORDERS_CANCELLED, execution.ordersCancelled());
        summary.put(Accounting.BOT_FILLS, execution.fills());
        summary.put(Accounting.BOT_PNL_E8, execution.totalPnl());
        for (int id = 0; id < symbols.length; id++)
        {
            if (execution.position(id) != 0)
            {
                // Dots split summary keys: a symbol such as "BTC.P" becomes "BTC_P".
                summary.put(Accounting.BOT_POSITION_E8_PREFIX + symbols[id].replace('.', '_'), execution.position(id));
            }
        }
        return summary;
    }

    /**
     * Adds the safepoints of this JVM's log ({@link SafepointLog}) in the meter's window: how many,
     * their total and the longest. Nothing when the JVM writes no such log (a bot started by
     * {@code bin/bot.sh} rather than by the broker) or it cannot be read; none in a window that
     * never opened (every event in the warm-up).
     */
    public static void addSafepoints(final Map<String, Long> summary, final HiccupMeter window, final PrintStream err)
    {
        final Path log = SafepointLog.ofThisJvm();
        if (null == log)
        {
            return;
        }
        final long fromMs = window.openedUptimeMs();
        final long toMs = window.closedUptimeMs();
        final SafepointLog.Figures figures;
        try
        {
            figures = fromMs == HiccupMeter.NOT_YET ? new SafepointLog.Figures(0, 0, 0) :
                SafepointLog.read(log, fromMs, toMs == HiccupMeter.NOT_YET ? Long.MAX_VALUE : toMs);
        }
        catch (final UncheckedIOException ex)
        {
            err.println("bot: no safepoint figures in the summary: " + ex.getMessage());
            return;
        }
        summary.put(Accounting.BOT_SAFEPOINTS, figures.count());
        summary.put(Accounting.BOT_SAFEPOINT_MS, figures.totalMs());
        summary.put(Accounting.BOT_SAFEPOINT_MAX_MS, figures.maxMs());
    }

    /** One line on what the start-up scan found. */
    public static String describe(final MarketDataFile data)
    {
        return String.format("bot: %s: %,d rows as %s%s, %,d symbol%s, %,d malformed rows skipped",
            data.path(), data.rows(), data.format().cliName(), data.compressed() ? " (gzip)" : "",
            data.symbolCount(), data.symbolCount() == 1 ? "" : "s", data.rejected());
    }

    /** The symbol names by id. */
    public static String[] symbols(final MarketDataFile data)
    {
        final String[] symbols = new String[data.symbolCount()];
        for (int id = 0; id < symbols.length; id++)
        {
            symbols[id] = data.symbol(id);
        }
        return symbols;
    }

    /** Prints the counters and the trading on {@code out}, and what does not add up on {@code err}. */
    public static void print(
        final Map<String, Long> summary,
        final PaperExecution execution,
        final String[] symbols,
        final PrintStream out,
        final PrintStream err)
    {
        final long produced = summary.get(Accounting.BOT_EVENTS_PRODUCED);
        final long accounted = summary.get(Accounting.BOT_RING_REJECTED) + summary.get(Accounting.BOT_EVENTS_SENT) +
            summary.get(Accounting.BOT_UNSENT);
        if (produced != accounted)
        {
            err.println("bot: accounting mismatch: eventsProduced=" + produced +
                " but ringRejected + eventsSent + unsent = " + accounted);
        }
        if (summary.get(Accounting.BOT_UNSENT) > 0)
        {
            err.println("bot: " + summary.get(Accounting.BOT_UNSENT) + " events were not handed to the broker");
        }
        out.println("bot: ticks=" + summary.get(Accounting.BOT_TICKS) +
            " ticksRejected=" + summary.get(Accounting.BOT_TICKS_REJECTED) +
            " eventsProduced=" + produced +
            " ringRejected=" + summary.get(Accounting.BOT_RING_REJECTED) +
            " eventsSent=" + summary.get(Accounting.BOT_EVENTS_SENT) +
            " unsent=" + summary.get(Accounting.BOT_UNSENT) +
            " acked=" + summary.get(Accounting.BOT_EVENTS_ACKED) +
            " unacked=" + summary.get(Accounting.BOT_UNACKED) +
            " framesSent=" + summary.get(Accounting.BOT_FRAMES_SENT) +
            (summary.get(Accounting.BOT_PARTIAL) != 0 ? " (partial)" : ""));
        final StringBuilder trading = new StringBuilder("bot: orders=" + execution.ordersPlaced() +
            " fills=" + execution.fills() + " rejected=" + execution.ordersRejected() + rejectedBy(execution) +
            " cancelled=" + execution.ordersCancelled() + " pnl=" + FixedPoint.toText(execution.totalPnl()));
        for (int id = 0; id < symbols.length; id++)
        {
            if (execution.position(id) != 0)
            {
                trading.append(" position[").append(symbols[id]).append("]=")
                    .append(FixedPoint.toText(execution.position(id)));
            }
        }
        out.println(trading);
        out.flush();
    }

    /**
     * Delivered means acknowledged: the broker says how many of this bot's events it has taken.
     * What was sent and no acknowledgement covers by the end of the drain (no broker, one that
     * refused this bot's CURVE key or died, frames still queued at close) is {@code bot.unacked},
     * and the run exits {@link ExitCodes#UNDELIVERED}.
     */
    public static void countUnacked(final BotCounters counters, final Endpoint broker, final PrintStream err)
    {
        final long unacked = counters.eventsSent.get() - counters.eventsAcked.get();
        if (unacked > 0)
        {
            counters.unacked.set(unacked);
            err.println("bot: " + unacked + " events sent to " + broker + " were not acknowledged by it" +
                (counters.linkUps.get() == 0 ? " (no link to it ever came up)" : "") +
                ": not proven delivered, counted in bot.unacked");
        }
    }

    /** How the run ended, once its summary is written: failed, stopped early, short of delivery, or all delivered. */
    public static int exitCode(final BotCounters counters, final boolean failed, final boolean partial)
    {
        if (failed)
        {
            return ExitCodes.FAILURE;
        }
        if (partial)
        {
            return ExitCodes.INTERRUPTED;
        }
        // What the sender could not hand to the broker by the drain deadline is counted, and the
        // run says so, as the broker's run does for what it could not deliver. A broker that refused
        // the bot's key took nothing, whatever the socket's queue accepted.
        if (counters.linkRejected.get() != 0)
        {
            return ExitCodes.UNDELIVERED;
        }
        return counters.unsent.get() + counters.unacked.get() > 0 ? ExitCodes.UNDELIVERED : ExitCodes.OK;
    }

    /** {@code (maxPosition=3 maxOpenOrders=1)}: the checks that refused orders, with how many; nothing when none did. */
    static String rejectedBy(final PaperExecution execution)
    {
        final StringBuilder reasons = new StringBuilder();
        for (final RiskCheck check : RiskCheck.values())
        {
            if (execution.ordersRejected(check) != 0)
            {
                reasons.append(reasons.length() == 0 ? " (" : " ").append(check.key()).append('=')
                    .append(execution.ordersRejected(check));
            }
        }
        return reasons.length() == 0 ? "" : reasons.append(')').toString();
    }
}
