package dev.quietloop.bot;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.quietloop.bot.execution.PaperExecution;
import dev.quietloop.bot.publish.EventPublisher;
import dev.quietloop.bot.publish.EventRing;
import dev.quietloop.bot.publish.EventSink;
import dev.quietloop.bot.replay.MarketDataFile;
import dev.quietloop.bot.replay.MarketDataReader;
import dev.quietloop.bot.run.BotCounters;
import dev.quietloop.bot.run.BotReport;
import dev.quietloop.bot.run.ProgressReporter;
import dev.quietloop.bot.run.RunControl;
import dev.quietloop.bot.send.DirectSender;
import dev.quietloop.bot.send.EventSender;
import dev.quietloop.bot.strategy.Strategies;
import dev.quietloop.bot.strategy.Strategy;
import dev.quietloop.bot.trade.Pacer;
import dev.quietloop.bot.trade.Trader;
import dev.quietloop.bot.trade.TradingContext;
import dev.quietloop.protocol.config.CpuOptions;
import dev.quietloop.protocol.config.IdleStrategies;
import dev.quietloop.protocol.config.SocketFactory;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.process.ConfigYaml;
import dev.quietloop.protocol.process.CounterRegistry;
import dev.quietloop.protocol.process.CpuAffinity;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.GcFigures;
import dev.quietloop.protocol.process.ParentLink;
import dev.quietloop.protocol.process.SignalTrap;
import dev.quietloop.protocol.process.Readiness;
import dev.quietloop.protocol.process.SummaryJson;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SystemNanoClock;
import org.zeromq.ZContext;

/**
 * One run of the bot: load the data, connect the way out the send mode chose (the ring and its
 * sender thread, or the trading thread's own socket), announce readiness, replay on the trading
 * thread, wait for the drain (bounded by the drain timeout), close in reverse order, write the summary.
 */
final class Bot
{
    static final String ROLE = "bot";
    /** The trading thread's name; the sender's is its agent's role, {@link EventSender#ROLE_NAME}. */
    static final String TRADING_THREAD = "trading";
    private static final long SENDER_START_TIMEOUT_MS = 10_000;
    /** Beyond the drain, how long a trading thread asked to stop gets before the bot goes on without it. */
    private static final long STOP_JOIN_MARGIN_MS = 1_000;
    /** With its launcher gone the broker is most likely gone too: what is left of the drain. */
    private static final long PARENT_GONE_DRAIN_NS = TimeUnit.MILLISECONDS.toNanos(200);

    private Bot()
    {
    }

    /** @return {@link ExitCodes#OK}, or {@link ExitCodes#INTERRUPTED} when stopped by a signal or the parent. */
    static int run(final BotConfig config) throws InterruptedException
    {
        final PrintStream err = System.err;
        final RunControl control = new RunControl();
        final SignalTrap signals = SignalTrap.install(ROLE, control::requestStop);
        if (config.exitWithParent())
        {
            signals.deferTo(ParentLink.watch(System.in, control::requestStop, () ->
            {
                if (!control.isStopRequested())
                {
                    err.println(ROLE + ": the launcher is gone; stopping now, what is not sent is counted as unsent");
                }
                control.cutDrain(System.nanoTime() + PARENT_GONE_DRAIN_NS); // nobody is left to drain to
            }));
        }
        try (signals)
        {
            return run(config, control, err);
        }
    }

    private static int run(final BotConfig config, final RunControl control, final PrintStream err)
        throws InterruptedException
    {
        final ReplayConfig replay = config.replay();
        final MarketDataFile data =
            MarketDataFile.open(replay.dataFile(), replay.format(), replay.symbol(), replay.strict(), err);
        System.out.println(BotReport.describe(data));
        if (config.summaryFile() != null)
        {
            // At start-up, not with the summary: a run that dies still leaves its configuration, and
            // the writing (Chronicle's YAML classes load for it) is over before any thread is timed.
            ConfigYaml.write(ConfigYaml.besideSummary(config.summaryFile(), ROLE), ROLE, config::writeYaml, err);
        }
        // After the input is known good: a refused file leaves no counters file behind.
        try (CounterRegistry registry = CounterRegistry.forProcess(ROLE, BotCounters.MAX_COUNTERS, err))
        {
            return replay(config, control, err, data, new BotCounters(registry));
        }
    }

    private static int replay(
        final BotConfig config,
        final RunControl control,
        final PrintStream err,
        final MarketDataFile data,
        final BotCounters counters) throws InterruptedException
    {
        final long startTimeMs = System.currentTimeMillis();
        final ReplayConfig replay = config.replay();
        final long epoch = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);

        final boolean direct = BotConfig.SEND_DIRECT.equals(config.sendMode());
        final HopLatency tickToPublish = HopLatency.of(Hop.TICK_TO_PUBLISH, config.timeHops(), config.warmupEvents());
        final HopLatency ringToSend =
            HopLatency.of(Hop.RING_TO_SEND, config.timeHops() && !direct, config.warmupEvents());
        final String[] symbols = BotReport.symbols(data);
        final Trading trading;
        final boolean endOfStreamSent;
        try (MarketDataReader reader = data.reader(); ZContext context = new ZContext(1))
        {
            if (direct)
            {
                try (DirectSender sender = DirectSender.connect(context, config.broker(), linkSockets(config),
                    config.security().client(SocketFactory.DEALER),
                    config.maxFrameBytes(), config.linkWaitMs(), counters, control, config.sourceId(), epoch))
                {
                    reportLinkWait(config, counters, err);
                    trading = Trading.build(config, control, data, reader, symbols, counters, sender, epoch,
                        tickToPublish);
                    trade(config, control, data, counters, trading.trader());
                    endOfStreamSent = trading.trader().isEndOfStreamPublished();
                }
            }
            else
            {
                final EventRing ring =
                    new EventRing(config.ringSize(), counters.ringRejected, ringToSend.isEnabled());
                trading = Trading.build(config, control, data, reader, symbols, counters, ring, epoch, tickToPublish);
                endOfStreamSent = tradeThroughRing(config, control, err, context, counters, ring, epoch, ringToSend,
                    data, trading.trader());
            }
        }
        if (!endOfStreamSent)
        {
            err.println("bot: drain timeout: the end of stream was not handed to " + config.broker() +
                " within " + config.drainTimeoutSeconds() + " s");
        }

        BotReport.countUnacked(counters, config.broker(), err);
        final Trader trader = trading.trader();
        final PaperExecution execution = trading.execution();
        final Throwable failure = trader.failure();
        if (failure != null)
        {
            err.println("bot: the trading thread failed at " + replay.dataFile() + ":" + trader.lineNumber() +
                "; the replay stopped there and what was produced before it was sent:");
            failure.printStackTrace(err);
        }
        final boolean partial = control.isStopRequested() || failure != null;
        final Map<String, Long> summary = BotReport.summary(
            counters, execution, symbols, config.sourceId(), epoch, trading.publisher().fingerprint(), partial);
        GcFigures.addTo(summary, ROLE);
        summary.putAll(tickToPublish.percentiles());
        summary.putAll(ringToSend.percentiles());
        BotReport.print(summary, execution, symbols, System.out, err);
        if (config.summaryFile() != null)
        {
            SummaryJson.write(config.summaryFile(), summary);
            final Path reportDir = config.summaryFile().toAbsolutePath().getParent();
            tickToPublish.writeFiles(reportDir, startTimeMs);
            ringToSend.writeFiles(reportDir, startTimeMs);
        }
        return BotReport.exitCode(counters, failure != null, partial);
    }

    /**
     * Quietloop's way: the sender thread drains the ring into its own socket while the trading
     * thread replays.
     *
     * @return true once the end of stream is handed to the socket, false if the drain timed out.
     */
    private static boolean tradeThroughRing(
        final BotConfig config,
        final RunControl control,
        final PrintStream err,
        final ZContext context,
        final BotCounters counters,
        final EventRing ring,
        final long epoch,
        final HopLatency ringToSend,
        final MarketDataFile data,
        final Trader trader) throws InterruptedException
    {
        final IdleStrategy senderIdle = IdleStrategies.parse(config.idleSender());
        final EventSender sender = new EventSender(context, config.broker(), linkSockets(config),
            config.security().client(SocketFactory.DEALER),
            ring.poller(), config.maxFrameBytes(), config.heartbeatIntervalNs(), config.linkWaitMs(), senderIdle,
            SystemNanoClock.INSTANCE, counters, control, config.sourceId(), epoch, ringToSend);
        final AgentRunner senderRunner = new AgentRunner(senderIdle, printFirst(err), counters.errors, sender);
        try (senderRunner)
        {
            try
            {
                AgentRunner.startOnThread(senderRunner);
                sender.awaitStarted(config.linkWaitMs() + SENDER_START_TIMEOUT_MS);
                reportLinkWait(config, counters, err);
                trade(config, control, data, counters, trader);
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
                // Before the runner closes: a sender still retrying must give up, never be interrupted.
                control.abandon();
            }
        }
    }

    /**
     * Once the way out is connected: announces readiness, pins, and runs the trading thread to its
     * end (replay, then the end of stream), with the progress line beside it.
     */
    private static void trade(
        final BotConfig config,
        final RunControl control,
        final MarketDataFile data,
        final BotCounters counters,
        final Trader trader) throws InterruptedException
    {
        Readiness.announce(ROLE, config.broker());
        final Thread trading = new Thread(trader, TRADING_THREAD);
        try (ProgressReporter progress = config.quiet() ? null : new ProgressReporter(
            counters, data.accepted(), ProgressReporter.DEFAULT_INTERVAL_MS, System.out))
        {
            // Started up (data loaded, connected): pin, then trade. The sender if any and the JVM's
            // own threads go to --cpus, the trading thread to --trading-cpu.
            CpuAffinity.pinProcess(CpuOptions.FLAG, config.cpus());
            CpuAffinity.startPinned(trading, BotMain.TRADING_CPU_FLAG, config.tradingCpu());
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
                trading.join(config.drainTimeoutNs() / 1_000_000 + STOP_JOIN_MARGIN_MS);
            }
        }
    }

    /**
     * The socket options of the link to the broker. Under CURVE, JeroMQ's I/O thread encrypts what
     * the sender handed over, in pure Java and seconds behind it on a loaded or cold machine; a close
     * with the default linger (1 s) would drop the tail still queued. So a CURVE link lingers up to
     * the drain timeout, which bounds the end of the run anyway; close returns as soon as all is out.
     */
    private static SocketSettings linkSockets(final BotConfig config)
    {
        final SocketSettings sockets = config.sockets();
        if (!config.security().isCurve())
        {
            return sockets;
        }
        final long drainMs = TimeUnit.NANOSECONDS.toMillis(config.drainTimeoutNs());
        return sockets.withLingerMs((int)Math.min(Integer.MAX_VALUE, Math.max(sockets.lingerMs(), drainMs)));
    }

    /** Says so when the replay is about to start without the broker's handshake. */
    private static void reportLinkWait(final BotConfig config, final BotCounters counters, final PrintStream err)
    {
        if (counters.linkRejected.get() != 0)
        {
            err.println("bot: " + config.broker() + " refused this bot's CURVE key (" +
                config.security().keysDir() + "/bot.key is not in its --keys folder): nothing will be delivered");
        }
        else if (counters.linkWaitTimedOut.get() != 0)
        {
            err.println("bot: no handshake from " + config.broker() + " within " + config.linkWaitMs() +
                " ms (--link-wait-ms); replaying without it: events wait for it in the socket's queue" +
                (BotConfig.SEND_DIRECT.equals(config.sendMode()) ? ", and what it refuses is counted in bot.unsent"
                    : " and the ring, and what neither holds is counted in bot.ringRejected"));
        }
    }

    /** What the trading thread runs, built around the sink the send mode chose. */
    private record Trading(EventPublisher publisher, PaperExecution execution, Trader trader)
    {
        static Trading build(
            final BotConfig config,
            final RunControl control,
            final MarketDataFile data,
            final MarketDataReader reader,
            final String[] symbols,
            final BotCounters counters,
            final EventSink sink,
            final long epoch,
            final HopLatency tickToPublish)
        {
            final ReplayConfig replay = config.replay();
            final IdleStrategy tradingIdle = IdleStrategies.parse(config.idleTrading());
            final EventPublisher publisher = new EventPublisher(sink, config.sourceId(), epoch,
                counters.eventsProduced, counters.ringRejected, tickToPublish);
            final PaperExecution execution = new PaperExecution(data.symbolCount(), publisher,
                PaperExecution.DEFAULT_POSITION_LIMIT, PaperExecution.DEFAULT_MAX_OPEN_ORDERS);
            final Strategy strategy =
                Strategies.create(config.strategy(), new TradingContext(symbols, execution, publisher));
            final Pacer pacer = Pacer.of(
                replay.speed(), replay.rateTicksPerSecond(), SystemNanoClock.INSTANCE, tradingIdle, control);
            final Trader trader =
                new Trader(reader, strategy, execution, publisher, pacer, counters, config.drainTimeoutNs());
            return new Trading(publisher, execution, trader);
        }
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
