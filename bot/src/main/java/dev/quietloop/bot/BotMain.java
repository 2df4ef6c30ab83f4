package dev.quietloop.bot;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.quietloop.bot.strategy.Strategies;
import dev.quietloop.protocol.config.IdleStrategies;
import dev.quietloop.protocol.config.SocketOptions;
import dev.quietloop.protocol.process.Cli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The bot process: parses its flags into a {@link BotConfig} once, then runs one {@link Bot}. */
@Command(name = "bot", mixinStandardHelpOptions = true,
    description = "Replays market data through a strategy and PUSHes its events to the broker.")
public final class BotMain implements Callable<Integer>
{
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "market data, quietloop quote CSV")
    private Path dataFile;

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
        description = "heartbeat after this long without traffic (default: ${DEFAULT-VALUE})")
    private long heartbeatMs;

    @Option(names = "--drain-timeout", paramLabel = "SECONDS", defaultValue = "10",
        description = "how long to keep handing the ring to the broker at the end (default: ${DEFAULT-VALUE})")
    private long drainTimeoutSeconds;

    @Option(names = "--idle-trading", paramLabel = "WORD", defaultValue = IdleStrategies.SPIN,
        description = "trading thread idle strategy: " + IdleStrategies.NAMES + " (default: ${DEFAULT-VALUE})")
    private String idleTrading;

    @Option(names = "--idle-sender", paramLabel = "WORD", defaultValue = IdleStrategies.BACKOFF,
        description = "sender thread idle strategy (default: ${DEFAULT-VALUE})")
    private String idleSender;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = Strategies.DEFAULT,
        description = "the strategy (default: ${DEFAULT-VALUE})")
    private String strategy;

    @Option(names = "--summary", paramLabel = "FILE", description = "write the bot.* counters here at exit")
    private Path summaryFile;

    @Mixin
    private SocketOptions sockets;

    @Option(names = "--exit-with-parent", description = "stop, as on SIGTERM, when the parent process exits")
    private boolean exitWithParent;

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
            dataFile,
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
            exitWithParent);
        return Bot.run(config);
    }
}
