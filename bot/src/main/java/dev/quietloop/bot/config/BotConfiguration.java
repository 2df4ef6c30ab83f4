package dev.quietloop.bot.config;

import java.util.concurrent.TimeUnit;

import dev.quietloop.bot.execution.RiskLimits;
import dev.quietloop.bot.strategy.Strategies;
import dev.quietloop.protocol.config.IdleStrategies;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.wire.Frame;

/**
 * The bot's flags, their defaults and their limits, in one place: a flag's name is also its key in
 * the bot's section of a run's {@code config.yaml} ({@link #key}). The contexts start from these
 * defaults and check these limits in {@code conclude()}.
 */
public final class BotConfiguration
{
    public static final String DATA_FLAG = "--data";
    public static final String FORMAT_FLAG = "--format";
    public static final String SYMBOL_FLAG = "--symbol";
    public static final String SPEED_FLAG = "--speed";
    public static final String RATE_FLAG = "--rate";
    public static final String STRICT_FLAG = "--strict";
    public static final String QUIET_FLAG = "--quiet";
    public static final String TIME_HOPS_FLAG = "--time-hops";
    public static final String WARMUP_EVENTS_FLAG = "--warmup-events";
    public static final String SEND_MODE_FLAG = "--send-mode";
    public static final String BROKER_FLAG = "--broker";
    public static final String SOURCE_ID_FLAG = "--source-id";
    public static final String RING_SIZE_FLAG = "--ring-size";
    public static final String MAX_FRAME_BYTES_FLAG = "--max-frame-bytes";
    public static final String HEARTBEAT_MS_FLAG = "--heartbeat-ms";
    public static final String DRAIN_TIMEOUT_FLAG = "--drain-timeout";
    public static final String LINK_WAIT_MS_FLAG = "--link-wait-ms";
    public static final String IDLE_TRADING_FLAG = "--idle-trading";
    public static final String IDLE_SENDER_FLAG = "--idle-sender";
    public static final String SEND_LINGER_US_FLAG = "--send-linger-us";
    public static final String STRATEGY_FLAG = "--strategy";
    public static final String STRATEGY_PATH_FLAG = Strategies.PATH_FLAG;
    public static final String STRATEGY_PARAM_FLAG = "--strategy-param";
    public static final String LIST_STRATEGIES_FLAG = "--list-strategies";
    public static final String MAX_POSITION_FLAG = "--max-position";
    public static final String MAX_OPEN_ORDERS_FLAG = "--max-open-orders";
    public static final String MAX_ORDER_SIZE_FLAG = "--max-order-size";
    public static final String SUMMARY_FLAG = "--summary";
    public static final String TRADING_CPU_FLAG = "--trading-cpu";
    /** The launcher's {@code --trading-cpu}: see {@link dev.quietloop.protocol.config.CpuOptions#LAUNCHER_FLAG}. */
    public static final String LAUNCHER_TRADING_CPU_FLAG = "--launcher-trading-cpu";
    /**
     * The launcher's idle strategy for the trading thread: a broker that launches more bots than
     * there are CPUs for has them back off. A launcher's flag, recorded in the run's own map, so a
     * reused config.yaml does not carry it into a run that decides otherwise.
     */
    public static final String LAUNCHER_IDLE_TRADING_FLAG = "--launcher-idle-trading";
    public static final String EXIT_WITH_PARENT_FLAG = "--exit-with-parent";

    /** {@code --speed max}: no pacing, every tick as soon as it is read. */
    public static final String SPEED_MAX = "max";

    public static final String BROKER_DEFAULT = "tcp://127.0.0.1:5556";
    public static final int SOURCE_ID_DEFAULT = 1;

    public static final int RING_SIZE_DEFAULT = 65_536;
    public static final int RING_SIZE_MIN = 2;
    public static final int RING_SIZE_MAX = 1 << 30;

    public static final int MAX_FRAME_BYTES_DEFAULT = Frame.DEFAULT_MAX_FRAME_BYTES;

    public static final long HEARTBEAT_MS_DEFAULT = 1_000;
    public static final long HEARTBEAT_MS_MAX = 86_400_000;

    /**
     * The least time between two frames that are not full. A frame costs about the same whatever it
     * holds: a dozen system calls and a handful of thread wake-ups across the three processes. Sent
     * as soon as events came, frames held 2 to 10 events at 10,000 to 100,000 ticks/s on the 2-core
     * machine of {@code perf/RESULTS.md}, and the CPU the pipeline shares saturated: at 100,000
     * ticks/s endToEnd's p50 went from about 10 ms to over 300 ms. 250 us bounds the frames to
     * 4,000 a second; at 10,000 ticks/s endToEnd's p50 was 0.5 ms with it and 1 ms with 1,000 us.
     * An event that comes after a quiet linger goes at once.
     */
    public static final long SEND_LINGER_US_DEFAULT = 250;
    public static final long SEND_LINGER_US_MAX = 1_000_000;

    public static final long DRAIN_TIMEOUT_SECONDS_DEFAULT = 10;
    public static final long DRAIN_TIMEOUT_SECONDS_MAX = 86_400;

    /**
     * Two handshake intervals: a fresh connection that JeroMQ left stuck is redialed after one
     * ({@link SocketSettings#handshakeIvlMs()}) and handshakes within milliseconds of the redial.
     */
    public static final long LINK_WAIT_MS_DEFAULT = 2_000;
    public static final long LINK_WAIT_MS_MAX = 60_000;

    /**
     * Not a count but the default rule: the warm-up is the events of the first 5% of the ticks, at
     * most 100,000 ticks ({@link dev.quietloop.protocol.latency.WarmUp#defaultTicks}), decided once
     * the file's ticks are counted; put back into the headline if that is more than 10% of the
     * run's events. Any N from 0 up sets the warm-up to the events with a sequence up to N instead.
     */
    public static final long WARMUP_EVENTS_DEFAULT = -1;

    /** The trading thread may spin: on a 2-core box it is the one thread that does. */
    public static final String IDLE_TRADING_DEFAULT = IdleStrategies.SPIN;
    public static final String IDLE_SENDER_DEFAULT = IdleStrategies.WAKE;

    public static final String STRATEGY_DEFAULT = Strategies.DEFAULT;
    /** {@link RiskLimits#DEFAULTS} as the flags write them. */
    public static final String MAX_POSITION_DEFAULT = "0.05";
    public static final int MAX_OPEN_ORDERS_DEFAULT = RiskLimits.DEFAULT_MAX_OPEN_ORDERS;
    public static final String SEND_MODE_DEFAULT = "ring";

    /** How long the sender thread may take to connect, beyond the link wait, before the start fails. */
    public static final long SENDER_START_TIMEOUT_MS = 10_000;
    /** Beyond the drain, how long a trading thread asked to stop gets before the bot goes on without it. */
    public static final long STOP_JOIN_MARGIN_MS = 1_000;
    /** With its launcher gone the broker is most likely gone too: what is left of the drain. */
    public static final long PARENT_GONE_DRAIN_NS = TimeUnit.MILLISECONDS.toNanos(200);

    private BotConfiguration()
    {
    }

    /** A flag's key in {@code config.yaml}: its long name without the dashes, as {@code --config} reads it. */
    public static String key(final String flag)
    {
        return flag.substring(2);
    }
}
