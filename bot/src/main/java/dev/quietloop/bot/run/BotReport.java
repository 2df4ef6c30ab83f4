package dev.quietloop.bot.run;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.quietloop.bot.execution.FixedPoint;
import dev.quietloop.bot.execution.PaperExecution;
import dev.quietloop.bot.replay.MarketDataFile;

/** What a bot run tells the user: the scan's line at start-up, and the summary and its lines at the end. */
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
        summary.put("bot.fingerprint", fingerprint);
        summary.put("bot.sourceId", (long)sourceId);
        summary.put("bot.epoch", epoch);
        summary.put("bot.partial", partial ? 1L : 0L);
        summary.put("bot.ordersPlaced", execution.ordersPlaced());
        summary.put("bot.ordersRejected", execution.ordersRejected());
        summary.put("bot.ordersCancelled", execution.ordersCancelled());
        summary.put("bot.fills", execution.fills());
        summary.put("bot.pnlE8", execution.totalPnl());
        for (int id = 0; id < symbols.length; id++)
        {
            if (execution.position(id) != 0)
            {
                // Dots split summary keys: a symbol such as "BTC.P" becomes "BTC_P".
                summary.put("bot.positionE8." + symbols[id].replace('.', '_'), execution.position(id));
            }
        }
        return summary;
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
        final long produced = summary.get("bot.eventsProduced");
        final long accounted = summary.get("bot.ringRejected") + summary.get("bot.eventsSent") +
            summary.get("bot.unsent");
        if (produced != accounted)
        {
            err.println("bot: accounting mismatch: eventsProduced=" + produced +
                " but ringRejected + eventsSent + unsent = " + accounted);
        }
        if (summary.get("bot.unsent") > 0)
        {
            err.println("bot: " + summary.get("bot.unsent") + " events were not handed to the broker");
        }
        out.println("bot: ticks=" + summary.get("bot.ticks") +
            " ticksRejected=" + summary.get("bot.ticksRejected") +
            " eventsProduced=" + produced +
            " ringRejected=" + summary.get("bot.ringRejected") +
            " eventsSent=" + summary.get("bot.eventsSent") +
            " unsent=" + summary.get("bot.unsent") +
            " acked=" + summary.get("bot.eventsAcked") +
            " unacked=" + summary.get("bot.unacked") +
            " framesSent=" + summary.get("bot.framesSent") +
            (summary.get("bot.partial") != 0 ? " (partial)" : ""));
        final StringBuilder trading = new StringBuilder("bot: orders=" + execution.ordersPlaced() +
            " fills=" + execution.fills() + " rejected=" + execution.ordersRejected() +
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
}
