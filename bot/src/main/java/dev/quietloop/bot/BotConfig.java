package dev.quietloop.bot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import dev.quietloop.bot.strategy.Strategies;
import dev.quietloop.wire.Frame;
import dev.quietloop.wire.ConfigException;
import dev.quietloop.protocol.config.CpuOptions;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.IdleStrategies;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.process.ConfigYaml;
import dev.quietloop.protocol.process.CpuAffinity;
import dev.quietloop.protocol.security.LinkSecurity;
import net.openhft.chronicle.wire.WireOut;

/**
 * The bot's whole configuration, immutable and validated here, in one place: the replay first
 * (a missing file is the most common mistake), then every flag in table order.
 *
 * @param summaryFile null when no summary is asked for
 * @param quiet       no progress line
 * @param timeHops    record the bot's hop latencies ({@code latencyNs.tickToPublish.*})
 * @param warmupEvents events with this sequence or lower are a warm-up, left out of the bot's hops; 0 for none
 * @param sendMode    {@link #SEND_RING} (quietloop) or {@link #SEND_DIRECT} (the naive baseline of the benchmarks)
 * @param cpus        the CPU list every thread of the process is pinned to; null for anywhere
 * @param tradingCpu  the CPU list the trading thread is pinned to; null for where the others are
 * @param linkWaitMs  how long the start waits for the broker's handshake before the replay; 0 for no wait
 * @param security    CURVE on the link to the broker (a client with the bot's keypair), or none
 */
public record BotConfig(
    ReplayConfig replay,
    Endpoint broker,
    int sourceId,
    int ringSize,
    int maxFrameBytes,
    SocketSettings sockets,
    long heartbeatMs,
    long drainTimeoutSeconds,
    String idleTrading,
    String idleSender,
    String strategy,
    Path summaryFile,
    boolean quiet,
    boolean timeHops,
    long warmupEvents,
    String sendMode,
    String cpus,
    String tradingCpu,
    boolean exitWithParent,
    long linkWaitMs,
    LinkSecurity security)
{
    /** Events go through the ring to the sender thread: the trading thread never waits. */
    public static final String SEND_RING = "ring";
    /** The naive baseline: the trading thread sends each event itself, waiting on the socket. */
    public static final String SEND_DIRECT = "direct";

    public static final String DEFAULT_BROKER = "tcp://127.0.0.1:5556";
    public static final int DEFAULT_RING_SIZE = 65_536;
    public static final int MAX_RING_SIZE = 1 << 30;
    /**
     * Two handshake intervals: a fresh connection that JeroMQ left stuck is redialed after one
     * ({@link SocketSettings#handshakeIvlMs()}) and handshakes within milliseconds of the redial.
     */
    public static final long DEFAULT_LINK_WAIT_MS = 2_000;
    public static final long MAX_LINK_WAIT_MS = 60_000;

    public BotConfig
    {
        if (replay == null)
        {
            throw new ConfigException("--data FILE is required");
        }
        if (broker == null || broker.isEphemeral())
        {
            throw new ConfigException("--broker " + broker + ": a port is needed to connect");
        }
        security.checkEndpoint("--broker", broker);
        if (sourceId < 0)
        {
            throw new ConfigException("--source-id must not be negative: " + sourceId);
        }
        if (ringSize < 2 || ringSize > MAX_RING_SIZE || Integer.bitCount(ringSize) != 1)
        {
            throw new ConfigException("--ring-size must be a power of two in [2, " + MAX_RING_SIZE + "]: " + ringSize);
        }
        if (maxFrameBytes < Frame.MIN_FRAME_BYTES || maxFrameBytes > Frame.MAX_FRAME_BYTES)
        {
            throw new ConfigException("--max-frame-bytes must be in [" + Frame.MIN_FRAME_BYTES + ", " +
                Frame.MAX_FRAME_BYTES + "]: " + maxFrameBytes);
        }
        if (heartbeatMs <= 0 || heartbeatMs > TimeUnit.DAYS.toMillis(1))
        {
            throw new ConfigException("--heartbeat-ms must be in [1, 86400000]: " + heartbeatMs);
        }
        if (drainTimeoutSeconds < 0 || drainTimeoutSeconds > TimeUnit.DAYS.toSeconds(1))
        {
            throw new ConfigException("--drain-timeout must be in [0, 86400] seconds: " + drainTimeoutSeconds);
        }
        if (linkWaitMs < 0 || linkWaitMs > MAX_LINK_WAIT_MS)
        {
            throw new ConfigException("--link-wait-ms must be in [0, " + MAX_LINK_WAIT_MS + "]: " + linkWaitMs);
        }
        if (warmupEvents < 0)
        {
            throw new ConfigException("--warmup-events must not be negative: " + warmupEvents);
        }
        if (!SEND_RING.equals(sendMode) && !SEND_DIRECT.equals(sendMode))
        {
            throw new ConfigException("--send-mode must be " + SEND_RING + " or " + SEND_DIRECT + ": " + sendMode);
        }
        CpuAffinity.validate(CpuOptions.FLAG, cpus);
        CpuAffinity.validate(BotMain.TRADING_CPU_FLAG, tradingCpu);
        IdleStrategies.validate("--idle-trading", idleTrading);
        IdleStrategies.validate("--idle-sender", idleSender);
        Strategies.factory(strategy);
        if (summaryFile != null)
        {
            final Path parent = summaryFile.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent))
            {
                throw new ConfigException("--summary " + summaryFile + ": no such directory " + parent);
            }
        }
    }

    /** Builds from flag values: the replay is checked first, then the broker endpoint is parsed. */
    public static BotConfig of(
        final ReplayConfig replay,
        final String broker,
        final int sourceId,
        final int ringSize,
        final int maxFrameBytes,
        final SocketSettings sockets,
        final long heartbeatMs,
        final long drainTimeoutSeconds,
        final String idleTrading,
        final String idleSender,
        final String strategy,
        final Path summaryFile,
        final boolean quiet,
        final boolean timeHops,
        final long warmupEvents,
        final String sendMode,
        final String cpus,
        final String tradingCpu,
        final boolean exitWithParent,
        final long linkWaitMs,
        final LinkSecurity security)
    {
        final Endpoint endpoint;
        try
        {
            endpoint = Endpoint.parse(broker);
        }
        catch (final ConfigException ex)
        {
            throw new ConfigException("--broker: " + ex.getMessage(), ex);
        }
        return new BotConfig(replay, endpoint, sourceId, ringSize, maxFrameBytes, sockets, heartbeatMs,
            drainTimeoutSeconds, idleTrading, idleSender, strategy, summaryFile, quiet, timeHops, warmupEvents,
            sendMode, cpus, tradingCpu, exitWithParent, linkWaitMs, security);
    }

    /**
     * Every field, for the bot's section of {@code config.yaml}: the replay's first, as flat as the
     * flags are, then the rest in table order; the broker as its endpoint text, the socket options
     * as a {@code sockets} map, the summary file as an absolute path (null when there is none).
     */
    public void writeYaml(final WireOut wire)
    {
        replay.writeYaml(wire);
        wire.write("broker").text(broker.toString());
        wire.write("sourceId").int64(sourceId);
        wire.write("ringSize").int64(ringSize);
        wire.write("maxFrameBytes").int64(maxFrameBytes);
        wire.write("sockets").marshallable(sockets::writeYaml);
        wire.write("heartbeatMs").int64(heartbeatMs);
        wire.write("drainTimeoutSeconds").int64(drainTimeoutSeconds);
        wire.write("idleTrading").text(idleTrading);
        wire.write("idleSender").text(idleSender);
        wire.write("strategy").text(strategy);
        wire.write("summaryFile").text(ConfigYaml.absolute(summaryFile));
        wire.write("quiet").bool(quiet);
        wire.write("timeHops").bool(timeHops);
        wire.write("warmupEvents").int64(warmupEvents);
        wire.write("sendMode").text(sendMode);
        wire.write("cpus").text(cpus);
        wire.write("tradingCpu").text(tradingCpu);
        wire.write("exitWithParent").bool(exitWithParent);
        wire.write("linkWaitMs").int64(linkWaitMs);
        wire.write("security").marshallable(security::writeYaml);
    }

    public long heartbeatIntervalNs()
    {
        return TimeUnit.MILLISECONDS.toNanos(heartbeatMs);
    }

    public long drainTimeoutNs()
    {
        return TimeUnit.SECONDS.toNanos(drainTimeoutSeconds);
    }
}
