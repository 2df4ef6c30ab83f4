package dev.quietloop.bot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

import dev.quietloop.bot.config.BotConfiguration;
import dev.quietloop.bot.config.BotContext;
import dev.quietloop.bot.config.ReplayContext;
import dev.quietloop.bot.config.SendMode;
import dev.quietloop.bot.replay.MarketDataFormat;
import dev.quietloop.bot.strategy.Strategies;
import dev.quietloop.protocol.config.CpuOptions;
import dev.quietloop.protocol.config.IdleChoice;
import dev.quietloop.protocol.config.IdleStrategies;
import dev.quietloop.protocol.latency.WarmUp;
import dev.quietloop.protocol.process.Cli;
import dev.quietloop.protocol.process.ProcessOptions;
import dev.quietloop.protocol.security.LinkSecurity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import static dev.quietloop.bot.config.BotConfiguration.BROKER_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.DATA_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.DRAIN_TIMEOUT_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.EXIT_WITH_PARENT_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.FORMAT_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.HEARTBEAT_MS_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.IDLE_SENDER_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.IDLE_TRADING_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.LAUNCHER_IDLE_TRADING_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.LAUNCHER_TRADING_CPU_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.LINK_WAIT_MS_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.LIST_STRATEGIES_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.MAX_FRAME_BYTES_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.MAX_OPEN_ORDERS_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.MAX_ORDER_SIZE_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.MAX_POSITION_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.QUIET_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.RATE_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.RING_SIZE_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.SEND_LINGER_US_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.SEND_MODE_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.SOURCE_ID_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.SPEED_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.STRATEGY_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.STRATEGY_PARAM_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.STRATEGY_PATH_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.STRICT_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.SUMMARY_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.SYMBOL_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.TIME_HOPS_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.TRADING_CPU_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.WARMUP_EVENTS_FLAG;

/**
 * The bot process's command line: its flags (and {@code --config FILE}, the bot's section of a
 * run's {@code config.yaml}) into a {@link BotContext}, concluded once, then one {@link Bot} run.
 * A boolean flag given sets true (its fallback value) whatever the file says, where picocli would
 * flip a default of true to false.
 */
@Command(name = "bot", mixinStandardHelpOptions = true,
    description = "Replays market data through a strategy and PUSHes its events to the broker.")
public final class BotMain implements Callable<Integer>
{
    /** What runs a concluded context: {@link Bot#run}, or a test's that looks at the context. */
    @FunctionalInterface
    interface Launcher
    {
        int run(BotContext ctx) throws InterruptedException;
    }

    @Option(names = DATA_FLAG, paramLabel = "FILE",
        description = "market data: CSV or .csv.gz in any of the --format layouts, detected from the first line " +
        "(required, but for " + LIST_STRATEGIES_FLAG + ")")
    private Path dataFile;

    @Option(names = FORMAT_FLAG, paramLabel = "NAME",
        description = "read the file as: ${COMPLETION-CANDIDATES} (default: detected from the first line)",
        completionCandidates = FormatNames.class)
    private String format;

    @Option(names = SYMBOL_FLAG, paramLabel = "SYMBOL",
        description = "the symbol of a Binance file, which carries none (default: from the file name)")
    private String symbol;

    @Option(names = SPEED_FLAG, paramLabel = "max|N", defaultValue = BotConfiguration.SPEED_MAX,
        description = "max: as fast as possible; 1: the file's own timing; N: N times faster " +
        "(default: ${DEFAULT-VALUE})")
    private String speed;

    @Option(names = RATE_FLAG, paramLabel = "N", description = "replay at a fixed N ticks per second instead")
    private String rate;

    @Option(names = STRICT_FLAG, fallbackValue = "true",
        description = "the first malformed row is an error, not a counted skip")
    private boolean strict;

    @Option(names = QUIET_FLAG, fallbackValue = "true", description = "no progress line")
    private boolean quiet;

    @Option(names = TIME_HOPS_FLAG, negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "record the latency of the bot's hops, tickToPublish and ringToSend (default: on; " +
        "--no-time-hops: off, at no cost to the trading and sender threads)")
    private boolean timeHops;

    @Option(names = WARMUP_EVENTS_FLAG, paramLabel = "N", defaultValue = "" + BotConfiguration.WARMUP_EVENTS_DEFAULT,
        description = "events up to sequence N are the warm-up: produced and sent, timed apart from the " +
        "headline (latencyNs.warmup.*); 0: none. Default (-1): the events of the first " +
        WarmUp.DEFAULT_TICKS_PERCENT + "% of the ticks (at most " + WarmUp.DEFAULT_MAX_TICKS + " ticks), put back " +
        "into the headline if they are more than " + WarmUp.MAX_EVENTS_PERCENT + "% of the run's events")
    private long warmupEvents;

    @Option(names = SEND_MODE_FLAG, paramLabel = "ring|direct", defaultValue = BotConfiguration.SEND_MODE_DEFAULT,
        description = "ring: events go through the ring to the sender thread (default); direct: the naive " +
        "baseline of the benchmarks, the trading thread sends each event itself on its own socket and waits " +
        "on it, with no ring, no sender thread and no heartbeats")
    private String sendMode;

    @Option(names = BROKER_FLAG, paramLabel = "tcp://HOST:PORT", defaultValue = BotConfiguration.BROKER_DEFAULT,
        description = "the broker's ingest endpoint to connect to (default: ${DEFAULT-VALUE})")
    private String broker;

    @Option(names = SOURCE_ID_FLAG, paramLabel = "N", defaultValue = "" + BotConfiguration.SOURCE_ID_DEFAULT,
        description = "this bot's id in every event header (default: ${DEFAULT-VALUE})")
    private int sourceId;

    @Option(names = RING_SIZE_FLAG, paramLabel = "N", defaultValue = "" + BotConfiguration.RING_SIZE_DEFAULT,
        description = "bot ring slots, a power of two (default: ${DEFAULT-VALUE})")
    private int ringSize;

    @Option(names = MAX_FRAME_BYTES_FLAG, paramLabel = "N", defaultValue = "" + BotConfiguration.MAX_FRAME_BYTES_DEFAULT,
        description = "bound on one frame (default: ${DEFAULT-VALUE})")
    private int maxFrameBytes;

    @Option(names = HEARTBEAT_MS_FLAG, paramLabel = "N", defaultValue = "" + BotConfiguration.HEARTBEAT_MS_DEFAULT,
        description = "the sender's heartbeat after this long without traffic; none in direct mode " +
        "(default: ${DEFAULT-VALUE})")
    private long heartbeatMs;

    @Option(names = DRAIN_TIMEOUT_FLAG, paramLabel = "SECONDS",
        defaultValue = "" + BotConfiguration.DRAIN_TIMEOUT_SECONDS_DEFAULT,
        description = "how long to keep handing the ring to the broker at the end (default: ${DEFAULT-VALUE})")
    private long drainTimeoutSeconds;

    @Option(names = LINK_WAIT_MS_FLAG, paramLabel = "N", defaultValue = "" + BotConfiguration.LINK_WAIT_MS_DEFAULT,
        description = "before the replay, wait up to N ms for the broker's handshake; the replay then starts " +
        "with or without it; 0 starts at once (default: ${DEFAULT-VALUE})")
    private long linkWaitMs;

    @Option(names = IDLE_TRADING_FLAG, paramLabel = "WORD", defaultValue = BotConfiguration.IDLE_TRADING_DEFAULT,
        description = "trading thread idle strategy: " + IdleStrategies.NAMES + " (default: ${DEFAULT-VALUE})")
    private String idleTrading;

    @Option(names = IDLE_SENDER_FLAG, paramLabel = "WORD", defaultValue = BotConfiguration.IDLE_SENDER_DEFAULT,
        description = "sender thread idle strategy (default: ${DEFAULT-VALUE})")
    private String idleSender;

    @Option(names = SEND_LINGER_US_FLAG, paramLabel = "N", defaultValue = "" + BotConfiguration.SEND_LINGER_US_DEFAULT,
        description = "the least time in us between two frames that are not full: each frame costs the " +
        "pipeline system calls and wake-ups whatever it holds; 0 sends what the ring holds at once " +
        "(default: ${DEFAULT-VALUE})")
    private long sendLingerUs;

    @Option(names = STRATEGY_FLAG, paramLabel = "NAME", defaultValue = BotConfiguration.STRATEGY_DEFAULT,
        description = "the strategy: ${COMPLETION-CANDIDATES}, or a plugin's on " + STRATEGY_PATH_FLAG +
        " (default: ${DEFAULT-VALUE})",
        completionCandidates = StrategyNames.class)
    private String strategy;

    @Option(names = STRATEGY_PATH_FLAG, paramLabel = "JAR|DIR",
        description = "a strategy plugin's jar, or a folder of them, whose strategies join the built-in ones; " +
        "repeatable")
    private List<Path> strategyPath = new ArrayList<>();

    @Option(names = STRATEGY_PARAM_FLAG, paramLabel = "KEY=VALUE",
        description = "a parameter of the strategy (" + LIST_STRATEGIES_FLAG + " shows them, with their defaults); " +
        "repeatable")
    private List<String> strategyParams = new ArrayList<>();

    @Option(names = LIST_STRATEGIES_FLAG, fallbackValue = "true",
        description = "print one line a known strategy, its name and then its parameters with their defaults, " +
        "the built-in ones and those on " + STRATEGY_PATH_FLAG + ", and exit")
    private boolean listStrategies;

    @Option(names = MAX_POSITION_FLAG, paramLabel = "DECIMAL", defaultValue = BotConfiguration.MAX_POSITION_DEFAULT,
        description = "risk: the largest absolute position per symbol, counting open orders of the order's side; " +
        "an order past it is rejected and counted (default: ${DEFAULT-VALUE})")
    private String maxPosition;

    @Option(names = MAX_OPEN_ORDERS_FLAG, paramLabel = "N", defaultValue = "" + BotConfiguration.MAX_OPEN_ORDERS_DEFAULT,
        description = "risk: order slots across all symbols (default: ${DEFAULT-VALUE})")
    private int maxOpenOrders;

    @Option(names = MAX_ORDER_SIZE_FLAG, paramLabel = "DECIMAL",
        description = "risk: the largest quantity of one order (default: twice " + MAX_POSITION_FLAG + ", from the " +
        "limit short to the limit long)")
    private String maxOrderSize;

    @Option(names = SUMMARY_FLAG, paramLabel = "FILE", description = "write the bot.* counters here at exit")
    private Path summaryFile;

    @Mixin
    private ProcessOptions process;

    @Option(names = TRADING_CPU_FLAG, paramLabel = "LIST",
        description = "pin the trading thread to these CPUs, a core of its own (default: wherever --cpus or the " +
        "operating system puts it); pair it with --cpus for the other threads")
    private String tradingCpu;

    // The launcher's CPUs (the broker's layout), pinned as --cpus and --trading-cpu are and recorded
    // apart from them: see CpuOptions.LAUNCHER_FLAG.
    @Option(names = CpuOptions.LAUNCHER_FLAG, paramLabel = "LIST", hidden = true)
    private String launcherCpus;

    @Option(names = LAUNCHER_TRADING_CPU_FLAG, paramLabel = "LIST", hidden = true)
    private String launcherTradingCpu;

    @Option(names = LAUNCHER_IDLE_TRADING_FLAG, paramLabel = "WORD", hidden = true)
    private String launcherIdleTrading;

    @Option(names = EXIT_WITH_PARENT_FLAG, fallbackValue = "true",
        description = "launched by a quietloop process: take the stop from it " +
        "on standard input (a pipe), and stop at once when that pipe ends (the parent died)")
    private boolean exitWithParent;

    private final Launcher launcher;

    private BotMain(final Launcher launcher)
    {
        this.launcher = launcher;
    }

    /** The registered strategy names, for the help text. */
    static final class StrategyNames implements Iterable<String>
    {
        @Override
        public Iterator<String> iterator()
        {
            return Strategies.builtIn().nameSet().iterator();
        }
    }

    /** The format names, for the help text. */
    static final class FormatNames implements Iterable<String>
    {
        @Override
        public Iterator<String> iterator()
        {
            return List.of(MarketDataFormat.names().split(", ")).iterator();
        }
    }

    public static void main(final String... args)
    {
        System.exit(run(args));
    }

    /** Runs the bot in this JVM and returns its exit code. */
    public static int run(final String... args)
    {
        return run(Bot::run, args);
    }

    /** Parses {@code args} (and the bot's section of {@code --config FILE}) and hands the concluded context on. */
    static int run(final Launcher launcher, final String... args)
    {
        return Cli.run(Bot.ROLE, Bot.ROLE, new BotMain(launcher), args);
    }

    @Override
    public Integer call() throws InterruptedException
    {
        if (listStrategies)
        {
            Strategies.load(strategyPath).listing().forEach(System.out::println);
            return 0;
        }
        final BotContext ctx = new BotContext();
        ctx.replay()
            .data(dataFile)
            .format(format)
            .symbol(symbol)
            .strict(strict)
            .speed(ReplayContext.parseSpeed(speed))
            .rateTicksPerSecond(ReplayContext.parseRate(rate));
        ctx.sender()
            .broker(broker)
            .sourceId(sourceId)
            .maxFrameBytes(maxFrameBytes)
            .sockets(process.sockets())
            .security(process.security(LinkSecurity.BOT, LinkSecurity.BROKER))
            .heartbeatMs(heartbeatMs)
            .sendLingerUs(sendLingerUs)
            .drainTimeoutSeconds(drainTimeoutSeconds)
            .linkWaitMs(linkWaitMs)
            .idleSender(IdleChoice.parse(IDLE_SENDER_FLAG, idleSender));
        ctx.ringSize(ringSize)
            .sendMode(SendMode.parse(sendMode))
            .idleTrading(IdleChoice.parse(IDLE_TRADING_FLAG, idleTrading))
            .strategy(strategy)
            .strategyPath(strategyPath)
            .strategyParams(strategyParams)
            .maxPosition(maxPosition)
            .maxOpenOrders(maxOpenOrders)
            .maxOrderSize(maxOrderSize)
            .warmupEvents(warmupEvents)
            .timeHops(timeHops)
            .quiet(quiet)
            .summaryFile(summaryFile)
            .cpus(process.cpus())
            .tradingCpu(tradingCpu)
            .launcherCpus(launcherCpus)
            .launcherTradingCpu(launcherTradingCpu)
            .launcherIdleTrading(null == launcherIdleTrading ? null : IdleChoice.parse(LAUNCHER_IDLE_TRADING_FLAG, launcherIdleTrading))
            .exitWithParent(exitWithParent);
        return launcher.run(ctx.conclude());
    }
}
