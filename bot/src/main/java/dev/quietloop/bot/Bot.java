package dev.quietloop.bot;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.quietloop.bot.execution.PaperExecution;
import dev.quietloop.bot.publish.EventPublisher;
import dev.quietloop.bot.replay.QuoteFile;
import dev.quietloop.bot.replay.Quotes;
import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.bot.run.RunControl;
import dev.quietloop.bot.send.EventSender;
import dev.quietloop.bot.strategy.Strategies;
import dev.quietloop.bot.strategy.Strategy;
import dev.quietloop.bot.trade.Trader;
import dev.quietloop.protocol.config.IdleStrategies;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.ParentWatch;
import dev.quietloop.protocol.process.SignalTrap;
import dev.quietloop.protocol.process.Readiness;
import dev.quietloop.protocol.process.SummaryJson;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SystemNanoClock;
import org.zeromq.ZContext;

/**
 * One run of the bot: load the data, start the sender, announce readiness, replay on the trading
 * thread, wait for the drain (bounded by the drain timeout), close in reverse order, write the summary.
 */
final class Bot
{
    static final String ROLE = "bot";
    private static final long SENDER_START_TIMEOUT_MS = 10_000;

    private Bot()
    {
    }

    /** @return {@link ExitCodes#OK}, or {@link ExitCodes#INTERRUPTED} when stopped by a signal or the parent. */
    static int run(final BotConfig config) throws InterruptedException
    {
        final PrintStream err = System.err;
        final RunControl control = new RunControl();
        if (config.exitWithParent())
        {
            // Watch from the start: a parent that dies later than this is seen, not its successor.
            ParentWatch.onParentExit(control::requestStop);
        }
        final SignalTrap signals = SignalTrap.install("bot", control::requestStop, Bot::stopAtOnce);
        try (signals)
        {
            return run(config, control, err);
        }
    }

    private static int run(final BotConfig config, final RunControl control, final PrintStream err)
        throws InterruptedException
    {
        final Quotes quotes = QuoteFile.load(config.dataFile(), err);
        final BotCounters counters = new BotCounters();
        counters.ticksRejected.setRelease(quotes.rejected());
        final long epoch = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);

        final EventPublisher publisher = new EventPublisher(
            config.ringSize(), config.sourceId(), epoch, counters.eventsProduced, counters.ringRejected);
        final PaperExecution execution =
            new PaperExecution(quotes.symbolCount(), PaperExecution.DEFAULT_POSITION_LIMIT, publisher);
        final Strategy strategy = Strategies.create(config.strategy(), quotes.symbolCount(), publisher, execution);
        final Trader trader = new Trader(quotes, strategy, publisher, counters.ticks, control,
            IdleStrategies.parse(config.idleTrading()), config.drainTimeoutNs());
        final IdleStrategy senderIdle = IdleStrategies.parse(config.idleSender());

        try (ZContext context = new ZContext(1))
        {
            final EventSender sender = new EventSender(context, config.broker(), config.sockets(),
                publisher.poller(), config.maxFrameBytes(), config.heartbeatIntervalNs(), senderIdle,
                SystemNanoClock.INSTANCE, counters, control, config.sourceId(), epoch);
            final AgentRunner senderRunner = new AgentRunner(senderIdle, printFirst(err), counters.errors, sender);
            try (senderRunner)
            {
                try
                {
                    AgentRunner.startOnThread(senderRunner, runnable -> new Thread(runnable, "sender"));
                    sender.awaitStarted(SENDER_START_TIMEOUT_MS);
                    Readiness.announce(ROLE, config.broker());
                    final Thread trading = new Thread(trader, "trading");
                    trading.start();
                    trading.join();
                    if (!sender.awaitFinished(control.drainDeadlineNs() - System.nanoTime()))
                    {
                        err.println("bot: drain timeout: the end of stream was not handed to " + config.broker() +
                            " within " + config.drainTimeoutSeconds() + " s");
                    }
                }
                finally
                {
                    // Before the runner closes: a sender still retrying must give up, never be interrupted.
                    control.abandon();
                }
            }
        }

        final boolean partial = control.isStopRequested();
        final Map<String, Long> summary = summary(counters, config.sourceId(), epoch, partial);
        report(summary, err);
        if (config.summaryFile() != null)
        {
            SummaryJson.write(config.summaryFile(), summary);
        }
        return partial ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    }

    static Map<String, Long> summary(
        final BotCounters counters, final int sourceId, final long epoch, final boolean partial)
    {
        final Map<String, Long> summary = new LinkedHashMap<>(counters.snapshot());
        summary.put("bot.sourceId", (long)sourceId);
        summary.put("bot.epoch", epoch);
        summary.put("bot.partial", partial ? 1L : 0L);
        return summary;
    }

    private static void report(final Map<String, Long> summary, final PrintStream err)
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
        System.out.println("bot: ticks=" + summary.get("bot.ticks") +
            " ticksRejected=" + summary.get("bot.ticksRejected") +
            " eventsProduced=" + produced +
            " ringRejected=" + summary.get("bot.ringRejected") +
            " eventsSent=" + summary.get("bot.eventsSent") +
            " unsent=" + summary.get("bot.unsent") +
            " framesSent=" + summary.get("bot.framesSent") +
            (summary.get("bot.partial") != 0 ? " (partial)" : ""));
        System.out.flush();
    }

    /** The second signal: no more draining. */
    private static void stopAtOnce()
    {
        System.err.println(ROLE + ": second signal, stopping at once");
        System.err.flush();
        Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
    }

    private static ErrorHandler printFirst(final PrintStream err)
    {
        final AtomicBoolean printed = new AtomicBoolean();
        return (throwable) ->
        {
            if (printed.compareAndSet(false, true))
            {
                err.println("bot: sender error (later ones are only counted in bot.errors):");
                throwable.printStackTrace(err);
            }
        };
    }
}
