package dev.quietloop.bot;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.quietloop.bot.config.BotConfiguration;
import dev.quietloop.bot.config.BotContext;
import dev.quietloop.bot.config.ReplayContext;
import dev.quietloop.bot.config.SendMode;
import dev.quietloop.bot.config.SenderContext;
import dev.quietloop.bot.execution.PaperExecution;
import dev.quietloop.bot.publish.EventPublisher;
import dev.quietloop.bot.publish.EventRing;
import dev.quietloop.bot.publish.EventSink;
import dev.quietloop.bot.replay.MarketDataFile;
import dev.quietloop.bot.replay.MarketDataReader;
import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.bot.run.BotReport;
import dev.quietloop.bot.run.HiccupMeter;
import dev.quietloop.bot.run.ProgressReporter;
import dev.quietloop.bot.run.RunControl;
import dev.quietloop.bot.send.DirectSender;
import dev.quietloop.bot.send.EventSender;
import dev.quietloop.bot.trade.Pacer;
import dev.quietloop.bot.trade.Trader;
import dev.quietloop.bot.trade.TradingContext;
import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.config.CpuOptions;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.latency.LiveHops;
import dev.quietloop.protocol.latency.WarmUp;
import dev.quietloop.protocol.process.AgentThreads;
import dev.quietloop.protocol.process.ConfigYaml;
import dev.quietloop.protocol.process.CounterRegistry;
import dev.quietloop.protocol.process.CpuAffinity;
import dev.quietloop.protocol.process.GcFigures;
import dev.quietloop.protocol.process.ParentLink;
import dev.quietloop.protocol.process.ProcessCpu;
import dev.quietloop.protocol.process.Readiness;
import dev.quietloop.protocol.process.SignalTrap;
import dev.quietloop.protocol.process.SummaryJson;
import dev.quietloop.strategy.Strategy;
import dev.quietloop.strategy.StrategyContext;
import dev.quietloop.strategy.StrategyParameters;
import dev.quietloop.strategy.StrategyProvider;
import dev.quietloop.wire.ConfigException;
import org.agrona.concurrent.SystemNanoClock;
import org.zeromq.ZContext;

/**
 * The bot process of the architecture diagram: market data replayed on the trading thread through
 * the strategy and paper execution, its events published into the way out the send mode chose (the
 * ring and its sender thread, or the trading thread's own socket) and on to the broker. One run:
 * load the data, connect, announce readiness, replay, wait for the drain (bounded by the drain
 * timeout), close in reverse order, write the summary. It owns its counters, which outlive the
 * rest of the run for the summary and close last.
 */
final class Bot implements AutoCloseable
{
    static final String ROLE = "bot";
    /** The trading thread's name; the sender's is its agent's role, {@link EventSender#ROLE_NAME}. */
    static final String TRADING_THREAD = "trading";

    private final BotContext ctx;
    private final SenderContext link;
    private final RunControl control;
    private final PrintStream err;
    private final MarketDataFile data;
    private final String[] symbols;
    private final CounterRegistry registry;
    private final BotCounters counters;
    private final long epoch = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    private final WarmUp warmUp;
    private final HopLatency tickToPublish;
    private final HopLatency ringToSend;
    private final HopLatency hiccup;
    private final HiccupMeter hiccupMeter;
    private final LiveHops liveHops;

    /** Loads the data and records the configuration; then, the input known good, opens the counters file. */
    private Bot(final BotContext ctx, final RunControl control, final PrintStream err)
    {
        this.ctx = ctx;
        this.link = ctx.sender();
        this.control = control;
        this.err = err;
        final ReplayContext replay = ctx.replay();
        data = MarketDataFile.open(replay.data(), replay.format(), replay.symbol(), replay.strict(), err);
        System.out.println(BotReport.describe(data));
        if (ctx.summaryFile() != null)
        {
            // At start-up, not with the summary: a run that dies still leaves its configuration, and
            // the writing (Chronicle's YAML classes load for it) is over before any thread is timed.
            ConfigYaml.write(ConfigYaml.besideSummary(ctx.summaryFile(), ROLE), ROLE, ctx::writeYaml, err);
        }
        symbols = BotReport.symbols(data);
        final boolean ring = ctx.sendMode() == SendMode.RING;
        warmUp = warmUp(ctx.warmupEvents(), data.accepted());
        tickToPublish = HopLatency.of(Hop.TICK_TO_PUBLISH, ctx.timeHops(), warmUp);
        ringToSend = HopLatency.of(Hop.RING_TO_SEND, ctx.timeHops() && ring, warmUp);
        // Last, after the input is known good: a refused file leaves no counters file behind.
        registry = CounterRegistry.forProcess(ROLE, BotCounters.MAX_COUNTERS, err);
        counters = new BotCounters(registry);
        counters.sourceId.setRelease(link.sourceId());
        hiccup = HopLatency.of(Hop.HICCUP, ctx.timeHops());
        liveHops = new LiveHops(registry::newCounter, tickToPublish, ringToSend, hiccup);
        hiccupMeter = new HiccupMeter(SystemNanoClock.INSTANCE, ManagementFactory.getRuntimeMXBean()::getUptime,
            counters.eventsProduced, warmUp, HiccupMeter.DEFAULT_INTERVAL_NS, hiccup);
    }

    /**
     * The run's warm-up: the events up to sequence {@code --warmup-events} when given, else, once the
     * file's ticks are counted, the events of the first 5% of them ({@link WarmUp#defaultTicks}):
     * a share of the ticks, not of the events, because the events are counted only as they come.
     */
    static WarmUp warmUp(final long warmupEventsFlag, final long ticks)
    {
        return warmupEventsFlag == BotConfiguration.WARMUP_EVENTS_DEFAULT ?
            WarmUp.ofTicks(WarmUp.defaultTicks(ticks)) : WarmUp.ofEvents(warmupEventsFlag);
    }

    /** Runs the bot of a concluded context to its end, or to a signal's or its launcher's stop: the exit code. */
    static int run(final BotContext ctx) throws InterruptedException
    {
        final PrintStream err = System.err;
        final RunControl control = new RunControl();
        try (SignalTrap signals = SignalTrap.install(ROLE, control::requestStop))
        {
            if (ctx.exitWithParent())
            {
                signals.deferTo(ParentLink.watch(System.in, control::requestStop, () ->
                {
                    if (!control.isStopRequested())
                    {
                        err.println(ROLE + ": the launcher is gone; stopping now, what is not sent is counted as unsent");
                    }
                    // nobody is left to drain to
                    control.cutDrain(System.nanoTime() + BotConfiguration.PARENT_GONE_DRAIN_NS);
                }));
            }
            try (Bot bot = new Bot(ctx, control, err))
            {
                return bot.run();
            }
        }
    }

    private int run() throws InterruptedException
    {
        final long startTimeMs = System.currentTimeMillis();
        final Trading trading;
        final boolean endOfStreamSent;
        final LiveHops.Running live = liveHops.start("live-latency");
        try
        {
            try (MarketDataReader reader = data.reader(); ZContext zmq = new ZContext(1))
            {
                if (ctx.sendMode() == SendMode.DIRECT)
                {
                    try (DirectSender sender = DirectSender.connect(link, zmq, counters, control, epoch))
                    {
                        reportLinkWait();
                        trading = trading(reader, sender);
                        trade(trading.trader());
                        endOfStreamSent = trading.trader().isEndOfStreamPublished();
                    }
                }
                else
                {
                    final EventRing ring = new EventRing(ctx.ringSize(), counters.ringRejected, ringToSend.isEnabled());
                    trading = trading(reader, ring);
                    endOfStreamSent = tradeThroughRing(zmq, ring, trading.trader());
                }
            }
        }
        finally
        {
            live.close();
        }
        if (!endOfStreamSent)
        {
            err.println("bot: drain timeout: the end of stream was not handed to " + link.broker() +
                " within " + link.drainTimeoutSeconds() + " s");
        }
        return finish(trading, startTimeMs);
    }

    /** The counters file, the last of the run's parts: the summary has read it. */
    @Override
    public void close()
    {
        registry.close();
    }

    /**
     * Quietloop's way: the sender thread drains the ring into its own socket while the trading
     * thread replays.
     *
     * @return true once the end of stream is handed to the socket, false if the drain timed out.
     */
    private boolean tradeThroughRing(final ZContext zmq, final EventRing ring, final Trader trader)
        throws InterruptedException
    {
        final EventSender sender = new EventSender(link, zmq, ring, counters, control, epoch, ringToSend);
        try (AgentThreads agents = new AgentThreads(ROLE, Accounting.BOT_ERRORS, err))
        {
            try
            {
                agents.start(sender, sender.idleStrategy(), counters.errors);
                sender.awaitStarted(link.linkWaitMs() + BotConfiguration.SENDER_START_TIMEOUT_MS);
                reportLinkWait();
                trade(trader);
                if (!sender.awaitFinished(control.drainDeadlineNs() - System.nanoTime()))
                {
                    return false;
                }
                // Then the broker's word that it took everything, within the same drain; what no
                // acknowledgement covers by then is counted as unacknowledged.
                sender.awaitEndOfStreamAcked(control.drainDeadlineNs() - System.nanoTime());
                return true;
            }
            finally
            {
                // Before the agents close: a sender still retrying must give up, never be interrupted.
                control.abandon();
            }
        }
    }

    /**
     * Once the way out is connected: announces readiness, pins, and runs the trading thread to its
     * end (replay, then the end of stream), with the progress line and the hiccup meter beside it.
     */
    private void trade(final Trader trader) throws InterruptedException
    {
        Readiness.announce(ROLE, link.broker());
        final Thread trading = new Thread(trader, TRADING_THREAD);
        try (ProgressReporter progress = ctx.quiet() ? null : new ProgressReporter(
                counters, data.accepted(), ProgressReporter.DEFAULT_INTERVAL_MS, System.out);
            AgentThreads meter = new AgentThreads(ROLE, Accounting.BOT_ERRORS, err))
        {
            // Started up (data loaded, connected): pin, then trade. The sender if any and the JVM's
            // own threads go to --cpus, the trading thread to --trading-cpu (each, if not given, the
            // launcher's). The hiccup meter, started after the pin, inherits --cpus; it stops (its
            // window closes) once the trading thread is done.
            // Both start under the normal scheduling policy, the rest of the process batch.
            CpuAffinity.pinProcess(CpuOptions.FLAG, ctx.effectiveCpus());
            CpuAffinity.startNormal(CpuOptions.FLAG, () ->
            {
                meter.start(hiccupMeter, hiccupMeter.idleStrategy(), counters.errors);
                CpuAffinity.startPinned(trading, BotConfiguration.TRADING_CPU_FLAG, ctx.effectiveTradingCpu());
            });
            if (progress != null)
            {
                progress.start();
            }
            trading.join();
        }
        finally
        {
            // Only when something above failed while the trading thread runs: its socket (direct
            // mode) must not be closed under it, and it is never interrupted. It is asked to stop,
            // which bounds what is left of it by the drain.
            if (trading.isAlive())
            {
                control.requestStop();
                control.abandon();
                trading.join(link.drainTimeoutNs() / 1_000_000 + BotConfiguration.STOP_JOIN_MARGIN_MS);
            }
        }
    }

    /** The run's account: what was not acknowledged, a failure, the summary and its files; the exit code. */
    private int finish(final Trading trading, final long startTimeMs)
    {
        BotReport.countUnacked(counters, link.broker(), err);
        final Trader trader = trading.trader();
        final PaperExecution execution = trading.execution();
        final Throwable failure = trader.failure();
        if (failure != null)
        {
            err.println("bot: the trading thread failed at " + ctx.replay().data() + ":" + trader.lineNumber() +
                "; the replay stopped there and what was produced before it was sent:");
            failure.printStackTrace(err);
        }
        final boolean partial = control.isStopRequested() || failure != null;
        final Map<String, Long> summary = BotReport.summary(
            counters, execution, symbols, link.sourceId(), epoch, trading.publisher().fingerprint(), partial);
        GcFigures.addTo(summary, ROLE);
        concludeWarmUp(trading.publisher().lastSequence(), summary);
        summary.putAll(tickToPublish.percentiles());
        summary.putAll(ringToSend.percentiles());
        summary.putAll(hiccup.percentiles());
        BotReport.addSafepoints(summary, hiccupMeter, err);
        // Last: every thread that works for the run has stopped; only writing the files is left.
        ProcessCpu.addTo(summary, Accounting.BOT_CPU_MS);
        BotReport.print(summary, execution, symbols, System.out, err);
        if (ctx.summaryFile() != null)
        {
            SummaryJson.write(ctx.summaryFile(), summary);
            final Path reportDir = ctx.summaryFile().toAbsolutePath().getParent();
            tickToPublish.writeFiles(reportDir, startTimeMs);
            ringToSend.writeFiles(reportDir, startTimeMs);
            hiccup.writeFiles(reportDir, startTimeMs);
        }
        return BotReport.exitCode(counters, failure != null, partial);
    }

    /**
     * Once every hop's thread is done: a warm-up by ticks that never ended (the replay stopped
     * within it) ends at the last event; one that is more than {@link WarmUp#MAX_EVENTS_PERCENT}%
     * of the events goes back into the headline. Then says in the summary what was left out.
     */
    private void concludeWarmUp(final long lastSequence, final Map<String, Long> summary)
    {
        if (warmUp.isOpen())
        {
            warmUp.endAt(lastSequence);
        }
        final long warmUpEvents = Math.min(warmUp.lastSequence(), lastSequence);
        final boolean putBack = warmUp.ticks() > 0 && !WarmUp.fitsIn(warmUpEvents, lastSequence);
        if (putBack)
        {
            tickToPublish.foldWarmUpIntoHeadline();
            ringToSend.foldWarmUpIntoHeadline();
        }
        summary.put(WarmUp.EVENTS_KEY, putBack ? 0 : warmUpEvents);
        summary.put(WarmUp.TICKS_KEY, warmUp.ticks());
        summary.put(WarmUp.PUT_BACK_KEY, putBack ? warmUpEvents : 0);
    }

    /** Says so when the replay is about to start without the broker's handshake. */
    private void reportLinkWait()
    {
        if (counters.linkRejected.get() != 0)
        {
            err.println("bot: " + link.broker() + " refused this bot's CURVE key (" +
                link.security().keysDir() + "/bot.key is not in its --keys folder): nothing will be delivered");
        }
        else if (counters.linkWaitTimedOut.get() != 0)
        {
            err.println("bot: no handshake from " + link.broker() + " within " + link.linkWaitMs() +
                " ms (--link-wait-ms); replaying without it: events wait for it in the socket's queue" +
                (ctx.sendMode() == SendMode.DIRECT ? ", and what it refuses is counted in bot.unsent"
                    : " and the ring, and what neither holds is counted in bot.ringRejected"));
        }
    }

    /** The trading thread's parts, built around the sink the send mode chose. */
    private Trading trading(final MarketDataReader reader, final EventSink sink)
    {
        final ReplayContext replay = ctx.replay();
        final EventPublisher publisher = new EventPublisher(sink, link.sourceId(), epoch,
            counters.eventsProduced, counters.ringRejected, tickToPublish);
        final PaperExecution execution = new PaperExecution(data.symbolCount(), publisher, ctx.riskLimits());
        final Strategy strategy = createStrategy(ctx, new TradingContext(symbols, execution, publisher));
        final Pacer pacer = Pacer.of(replay.speed(), replay.rateTicksPerSecond(), SystemNanoClock.INSTANCE,
            ctx.tradingIdle().newStrategy(), control);
        final Trader trader = new Trader(reader, strategy, execution, publisher, pacer, counters, link.drainTimeoutNs());
        return new Trading(publisher, execution, trader);
    }

    /**
     * The run's strategy from its provider, before the replay starts: a refusal ends the bot with
     * exit code 2 before its first event.
     *
     * @throws ConfigException in one line when the provider refuses its parameters, or fails.
     */
    static Strategy createStrategy(final BotContext ctx, final StrategyContext context)
    {
        final StrategyProvider provider = ctx.strategyProvider();
        final Strategy strategy;
        try
        {
            strategy = provider.create(context, ctx.strategyParameters());
        }
        catch (final RuntimeException | LinkageError ex)
        {
            throw new ConfigException("strategy '" + provider.name() + "' refused " + ctx.strategyParameters() + ": " +
                (null == ex.getMessage() ? ex.toString() : ex.getMessage().replace('\n', ' ')) + " " +
                StrategyParameters.known(provider.parameters()));
        }
        if (null == strategy)
        {
            throw new ConfigException("strategy '" + provider.name() + "': its provider made no strategy (null)");
        }
        return strategy;
    }

    /** What the trading thread runs, and what the summary reads of it. */
    private record Trading(EventPublisher publisher, PaperExecution execution, Trader trader)
    {
    }
}
