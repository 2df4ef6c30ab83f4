package dev.quietloop.bot;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

import dev.quietloop.bot.replay.MarketDataFormat;
import dev.quietloop.bot.strategy.Strategies;
import dev.quietloop.protocol.config.CpuOptions;
import dev.quietloop.protocol.config.IdleStrategies;
import dev.quietloop.protocol.config.SocketOptions;
import dev.quietloop.protocol.process.Cli;
import dev.quietloop.protocol.security.LinkSecurity;
import dev.quietloop.protocol.security.SecurityOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The bot process: parses its flags into a {@link BotConfig} once, then runs one {@link Bot}. */
@Command(name = "bot", mixinStandardHelpOptions = true,
    description = "Replays market data through a strategy and PUSHes its events to the broker.")
public final class BotMain implements Callable<Integer>
{
    static final String TRADING_CPU_FLAG = "--trading-cpu";

    @Option(names = "--data", required = true, paramLabel = "FILE",
        description = "market data: CSV or .csv.gz in any of the --format layouts, detected from the first line")
    private Path dataFile;

    @Option(names = "--format", paramLabel = "NAME",
        description = "read the file as: ${COMPLETION-CANDIDATES} (default: detected from the first line)",
        completionCandidates = FormatNames.class)
    private String format;

    @Option(names = "--symbol", paramLabel = "SYMBOL",
        description = "the symbol of a Binance file, which carries none (default: from the file name)")
    private String symbol;

    @Option(names = "--speed", paramLabel = "max|N", defaultValue = ReplayConfig.SPEED_MAX,
        description = "max: as fast as possible; 1: the file's own timing; N: N times faster " +
        "(default: ${DEFAULT-VALUE})")
    private String speed;

    @Option(names = "--rate", paramLabel = "N", description = "replay at a fixed N ticks per second instead")
    private String rate;

    @Option(names = "--strict", description = "the first malformed row is an error, not a counted skip")
    private boolean strict;

    @Option(names = "--quiet", description = "no progress line")
    private boolean quiet;

    @Option(names = "--time-hops", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "record the latency of the bot's hops, tickToPublish and ringToSend (default: on; " +
        "--no-time-hops: off, at no cost to the trading and sender threads)")
    private boolean timeHops;

    @Option(names = "--warmup-events", paramLabel = "N", defaultValue = "0",
        description = "events up to sequence N are a warm-up: produced and sent, but not timed " +
        "(default: ${DEFAULT-VALUE})")
    private long warmupEvents;

    @Option(names = "--send-mode", paramLabel = "ring|direct", defaultValue = BotConfig.SEND_RING,
        description = "ring: events go through the ring to the sender thread (default); direct: the naive " +
        "baseline of the benchmarks, the trading thread sends each event itself on its own socket and waits " +
        "on it, with no ring, no sender thread and no heartbeats")
    private String sendMode;

    @Option(names = "--broker", paramLabel = "tcp://HOST:PORT", defaultValue = BotConfig.DEFAULT_BROKER,
        description = "the broker's ingest endpoint to connect to (default: ${DEFAULT-VALUE})")
    private String broker;

    @Option(names = "--source-id", paramLabel = "N", defaultValue = "1",
        description = "this bot's id in every event header (default: ${DEFAULT-VALUE})")
    private int sourceId;

    @Option(names = "--ring-size", paramLabel = "N", defaultValue = "65536",
        description = "bot ring slots, a power of two (default: ${DEFAULT-VALUE})")
    private int ringSize;

    @Option(names = "--max-frame-bytes", paramLabel = "N", defaultValue = "16384",
        description = "bound on one frame (default: ${DEFAULT-VALUE})")
    private int maxFrameBytes;

    @Option(names = "--heartbeat-ms", paramLabel = "N", defaultValue = "1000",
        description = "the sender's heartbeat after this long without traffic; none in direct mode " +
        "(default: ${DEFAULT-VALUE})")
    private long heartbeatMs;

    @Option(names = "--drain-timeout", paramLabel = "SECONDS", defaultValue = "10",
        description = "how long to keep handing the ring to the broker at the end (default: ${DEFAULT-VALUE})")
    private long drainTimeoutSeconds;

    @Option(names = "--link-wait-ms", paramLabel = "N", defaultValue = "" + BotConfig.DEFAULT_LINK_WAIT_MS,
        description = "before the replay, wait up to N ms for the broker's handshake; the replay then starts " +
        "with or without it; 0 starts at once (default: ${DEFAULT-VALUE})")
    private long linkWaitMs;

    @Option(names = "--idle-trading", paramLabel = "WORD", defaultValue = IdleStrategies.SPIN,
        description = "trading thread idle strategy: " + IdleStrategies.NAMES + " (default: ${DEFAULT-VALUE})")
    private String idleTrading;

    @Option(names = "--idle-sender", paramLabel = "WORD", defaultValue = IdleStrategies.BACKOFF,
        description = "sender thread idle strategy (default: ${DEFAULT-VALUE})")
    private String idleSender;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = Strategies.DEFAULT,
        description = "the strategy: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})",
        completionCandidates = StrategyNames.class)
    private String strategy;

    @Option(names = "--summary", paramLabel = "FILE", description = "write the bot.* counters here at exit")
    private Path summaryFile;

    @Mixin
    private SocketOptions sockets;

    @Mixin
    private CpuOptions cpus;

    @Mixin
    private SecurityOptions security;

    @Option(names = TRADING_CPU_FLAG, paramLabel = "LIST",
        description = "pin the trading thread to these CPUs, a core of its own (default: wherever --cpus or the " +
        "operating system puts it); pair it with --cpus for the other threads")
    private String tradingCpu;

    @Option(names = "--exit-with-parent", description = "launched by a quietloop process: take the stop from it " +
        "on standard input (a pipe), and stop at once when that pipe ends (the parent died)")
    private boolean exitWithParent;

    /** The registered strategy names, for the help text. */
    static final class StrategyNames implements Iterable<String>
    {
        @Override
        public Iterator<String> iterator()
        {
            return Strategies.nameSet().iterator();
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
        return Cli.run("bot", new BotMain(), args);
    }

    @Override
    public Integer call() throws InterruptedException
    {
        final BotConfig config = BotConfig.of(
            ReplayConfig.of(dataFile, format, symbol, strict, speed, rate),
            broker,
            sourceId,
            ringSize,
            maxFrameBytes,
            sockets.settings(),
            heartbeatMs,
            drainTimeoutSeconds,
            idleTrading,
            idleSender,
            strategy,
            summaryFile,
            quiet,
            timeHops,
            warmupEvents,
            sendMode,
            cpus.cpus(),
            tradingCpu,
            exitWithParent,
            linkWaitMs,
            security.security(LinkSecurity.BOT, LinkSecurity.BROKER));
        return Bot.run(config);
    }
}
