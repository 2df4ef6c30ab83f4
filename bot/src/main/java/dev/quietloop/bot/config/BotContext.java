package dev.quietloop.bot.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quietloop.bot.execution.RiskLimits;
import dev.quietloop.bot.strategy.Strategies;
import dev.quietloop.protocol.config.CpuOptions;
import dev.quietloop.protocol.config.IdleChoice;
import dev.quietloop.protocol.config.Validate;
import dev.quietloop.protocol.process.ConfigYaml;
import dev.quietloop.protocol.process.CpuAffinity;
import dev.quietloop.strategy.StrategyParameter;
import dev.quietloop.strategy.StrategyParameters;
import dev.quietloop.strategy.StrategyProvider;
import dev.quietloop.wire.ConfigException;
import dev.quietloop.wire.Event;
import net.openhft.chronicle.wire.WireOut;

import static dev.quietloop.bot.config.BotConfiguration.EXIT_WITH_PARENT_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.IDLE_TRADING_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.LAUNCHER_TRADING_CPU_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.MAX_OPEN_ORDERS_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.MAX_ORDER_SIZE_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.MAX_POSITION_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.QUIET_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.RING_SIZE_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.SEND_MODE_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.STRATEGY_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.STRATEGY_PARAM_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.STRATEGY_PATH_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.SUMMARY_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.TIME_HOPS_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.TRADING_CPU_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.WARMUP_EVENTS_FLAG;
import static dev.quietloop.bot.config.BotConfiguration.key;

/**
 * The bot process's whole configuration, as Aeron's driver context is: set from the defaults of
 * {@link BotConfiguration}, then from flags, validated once by {@link #conclude()} (the replay
 * first, then the link to the broker, then the rest), and read, never changed, once the run starts.
 * The replay and the link are contexts of their own ({@link #replay()}, {@link #sender()}).
 */
public final class BotContext
{
    /** The map of this run's own record, which {@code --config} does not read back. */
    public static final String RUN_KEY = "run";
    /** The full socket settings, a record beside the flags that set some of them. */
    public static final String SOCKETS_KEY = "sockets";

    private final ReplayContext replay = new ReplayContext();
    private final SenderContext sender = new SenderContext();
    private int ringSize = BotConfiguration.RING_SIZE_DEFAULT;
    private SendMode sendMode = SendMode.RING;
    private IdleChoice idleTrading = IdleChoice.SPIN;
    private IdleChoice launcherIdleTrading;
    private String strategy = BotConfiguration.STRATEGY_DEFAULT;
    private List<Path> strategyPath = List.of();
    private List<String> strategyParams = List.of();
    private String maxPosition = BotConfiguration.MAX_POSITION_DEFAULT;
    private int maxOpenOrders = BotConfiguration.MAX_OPEN_ORDERS_DEFAULT;
    /** Null: twice the position limit, from the limit short to the limit long in one order. */
    private String maxOrderSize;
    private Strategies strategies;
    private StrategyParameters strategyParameters;
    private RiskLimits riskLimits;
    private long warmupEvents = BotConfiguration.WARMUP_EVENTS_DEFAULT;
    private boolean timeHops = true;
    private boolean quiet;
    private Path summaryFile;
    private String cpus;
    private String tradingCpu;
    private String launcherCpus;
    private String launcherTradingCpu;
    private boolean exitWithParent;

    /** What to replay and how fast. */
    public ReplayContext replay()
    {
        return replay;
    }

    /** How the events reach the broker. */
    public SenderContext sender()
    {
        return sender;
    }

    public BotContext ringSize(final int ringSize)
    {
        this.ringSize = ringSize;
        return this;
    }

    public int ringSize()
    {
        return ringSize;
    }

    public BotContext sendMode(final SendMode sendMode)
    {
        this.sendMode = sendMode;
        return this;
    }

    public SendMode sendMode()
    {
        return sendMode;
    }

    public BotContext idleTrading(final IdleChoice idleTrading)
    {
        this.idleTrading = idleTrading;
        return this;
    }

    public IdleChoice idleTrading()
    {
        return idleTrading;
    }

    /** @param launcherIdleTrading the launcher's idle strategy for the trading thread; null for none */
    public BotContext launcherIdleTrading(final IdleChoice launcherIdleTrading)
    {
        this.launcherIdleTrading = launcherIdleTrading;
        return this;
    }

    /**
     * What the trading thread does between paced ticks: the launcher's choice when it made one (it
     * makes one only when the bot's own arguments name none), else {@link #idleTrading()}.
     */
    public IdleChoice tradingIdle()
    {
        return null != launcherIdleTrading ? launcherIdleTrading : idleTrading;
    }

    /** @param strategy a name {@link Strategies} knows */
    public BotContext strategy(final String strategy)
    {
        this.strategy = strategy;
        return this;
    }

    public String strategy()
    {
        return strategy;
    }

    /** @param strategyPath jars, or folders of jars, whose strategies join the built-in ones */
    public BotContext strategyPath(final List<Path> strategyPath)
    {
        this.strategyPath = List.copyOf(strategyPath);
        return this;
    }

    public List<Path> strategyPath()
    {
        return strategyPath;
    }

    /** @param strategyParams {@code KEY=VALUE} each, the last of a key winning */
    public BotContext strategyParams(final List<String> strategyParams)
    {
        this.strategyParams = List.copyOf(strategyParams);
        return this;
    }

    /** @param maxPosition the largest absolute position per symbol, a decimal */
    public BotContext maxPosition(final String maxPosition)
    {
        this.maxPosition = maxPosition;
        return this;
    }

    public BotContext maxOpenOrders(final int maxOpenOrders)
    {
        this.maxOpenOrders = maxOpenOrders;
        return this;
    }

    /** @param maxOrderSize the largest quantity of one order, a decimal; null for twice {@code maxPosition} */
    public BotContext maxOrderSize(final String maxOrderSize)
    {
        this.maxOrderSize = maxOrderSize;
        return this;
    }

    /** The strategy the run trades with; concluded. */
    public StrategyProvider strategyProvider()
    {
        return strategies.provider(strategy);
    }

    /** Its values, given or default; concluded. */
    public StrategyParameters strategyParameters()
    {
        return strategyParameters;
    }

    /** What paper execution lets the strategy do; concluded. */
    public RiskLimits riskLimits()
    {
        return riskLimits;
    }

    /**
     * @param warmupEvents events with this sequence or lower are a warm-up, timed apart from the
     *                     headline of the bot's hops; 0 for none; {@link BotConfiguration#WARMUP_EVENTS_DEFAULT}
     *                     for the default rule (a share of the ticks)
     */
    public BotContext warmupEvents(final long warmupEvents)
    {
        this.warmupEvents = warmupEvents;
        return this;
    }

    public long warmupEvents()
    {
        return warmupEvents;
    }

    /** @param timeHops record the bot's hop latencies ({@code latencyNs.tickToPublish.*}, {@code ringToSend}) */
    public BotContext timeHops(final boolean timeHops)
    {
        this.timeHops = timeHops;
        return this;
    }

    public boolean timeHops()
    {
        return timeHops;
    }

    /** @param quiet no progress line */
    public BotContext quiet(final boolean quiet)
    {
        this.quiet = quiet;
        return this;
    }

    public boolean quiet()
    {
        return quiet;
    }

    /** @param summaryFile where the {@code bot.*} counters go at exit; null for nowhere */
    public BotContext summaryFile(final Path summaryFile)
    {
        this.summaryFile = summaryFile;
        return this;
    }

    public Path summaryFile()
    {
        return summaryFile;
    }

    /** @param cpus the CPU list every thread of the process is pinned to; null for anywhere */
    public BotContext cpus(final String cpus)
    {
        this.cpus = cpus;
        return this;
    }

    public String cpus()
    {
        return cpus;
    }

    /** @param tradingCpu the CPU list the trading thread is pinned to; null for where the others are */
    public BotContext tradingCpu(final String tradingCpu)
    {
        this.tradingCpu = tradingCpu;
        return this;
    }

    public String tradingCpu()
    {
        return tradingCpu;
    }

    /** @param launcherCpus the launcher's CPU list for every thread ({@code --launcher-cpus}); null for none */
    public BotContext launcherCpus(final String launcherCpus)
    {
        this.launcherCpus = launcherCpus;
        return this;
    }

    public String launcherCpus()
    {
        return launcherCpus;
    }

    /** @param launcherTradingCpu the launcher's CPU list for the trading thread ({@code --launcher-trading-cpu}); null for none */
    public BotContext launcherTradingCpu(final String launcherTradingCpu)
    {
        this.launcherTradingCpu = launcherTradingCpu;
        return this;
    }

    public String launcherTradingCpu()
    {
        return launcherTradingCpu;
    }

    /**
     * What the bot's threads are pinned to: its own {@code --cpus}, else the launcher's; null for
     * anywhere. Each of the two lists on its own, as a launcher gives them: a broker's {@code --cpus}
     * with its user's {@code --bot-arg=--trading-cpu} pins both.
     */
    public String effectiveCpus()
    {
        return null != cpus ? cpus : launcherCpus;
    }

    /** What the trading thread is pinned to: its own {@code --trading-cpu}, else the launcher's; null for where the others are. */
    public String effectiveTradingCpu()
    {
        return null != tradingCpu ? tradingCpu : launcherTradingCpu;
    }

    /** @param exitWithParent take the stop from the launcher on standard input, and stop when that pipe ends */
    public BotContext exitWithParent(final boolean exitWithParent)
    {
        this.exitWithParent = exitWithParent;
        return this;
    }

    public boolean exitWithParent()
    {
        return exitWithParent;
    }

    /**
     * Validates everything once, each refusal naming its flag: the replay first (a missing file is
     * the most common mistake), then the link to the broker, then the rest.
     */
    public BotContext conclude()
    {
        replay.conclude();
        sender.conclude();
        Validate.powerOfTwo(RING_SIZE_FLAG, ringSize, BotConfiguration.RING_SIZE_MIN, BotConfiguration.RING_SIZE_MAX);
        Validate.inRange(WARMUP_EVENTS_FLAG, warmupEvents, BotConfiguration.WARMUP_EVENTS_DEFAULT, Long.MAX_VALUE);
        Validate.required(SEND_MODE_FLAG, sendMode);
        CpuAffinity.validate(CpuOptions.FLAG, cpus);
        CpuAffinity.validate(TRADING_CPU_FLAG, tradingCpu);
        CpuAffinity.validate(CpuOptions.LAUNCHER_FLAG, launcherCpus);
        CpuAffinity.validate(LAUNCHER_TRADING_CPU_FLAG, launcherTradingCpu);
        Validate.required(IDLE_TRADING_FLAG, idleTrading);
        if (idleTrading.isWake() || (null != launcherIdleTrading && launcherIdleTrading.isWake()))
        {
            // Between paced ticks the trading thread waits for a time, not for work anyone brings.
            throw new ConfigException(IDLE_TRADING_FLAG + ": 'wake' is for the threads that are woken by work; "
                + "the trading thread waits for its next tick's time (use spin, yield, backoff or sleep)");
        }
        strategies = Strategies.load(strategyPath);
        strategyParameters = strategies.parameters(strategy, parseParams(strategyParams, strategy, strategies));
        riskLimits = concludeRiskLimits();
        if (summaryFile != null)
        {
            final Path parent = summaryFile.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent))
            {
                throw new ConfigException(SUMMARY_FLAG + " " + summaryFile + ": no such directory " + parent);
            }
        }
        return this;
    }

    /**
     * {@code KEY=VALUE} each into a map for {@code strategy}, the last of a key winning (the command
     * line's, which comes after a file's). A key may name its strategy, {@code STRATEGY.KEY=VALUE}:
     * it then applies only when that strategy runs. That is how a run's {@code config.yaml} records
     * them, so that a file reused with another {@code --strategy} does not hand its parameters to it.
     *
     * @param known the strategies a qualified key may name; null takes every qualifier as known
     * @throws ConfigException for one that is not {@code KEY=VALUE}, or whose qualifier names no known strategy.
     */
    static Map<String, String> parseParams(final List<String> params, final String strategy, final Strategies known)
    {
        final Map<String, String> given = new LinkedHashMap<>();
        for (final String param : params)
        {
            final int equals = param.indexOf('=');
            if (equals <= 0)
            {
                throw new ConfigException(STRATEGY_PARAM_FLAG + " '" + param + "' is not KEY=VALUE");
            }
            String key = param.substring(0, equals).trim();
            final int dot = key.indexOf('.');
            if (dot >= 0)
            {
                final String owner = key.substring(0, dot);
                if (null != known && !known.nameSet().contains(owner))
                {
                    throw new ConfigException(STRATEGY_PARAM_FLAG + " '" + param + "': no strategy '" + owner +
                        "' (known: " + known.names() + ")");
                }
                if (!owner.equals(strategy))
                {
                    continue;
                }
                key = key.substring(dot + 1);
            }
            given.put(key, param.substring(equals + 1));
        }
        return given;
    }

    private RiskLimits concludeRiskLimits()
    {
        final long position = positiveDecimal(MAX_POSITION_FLAG, maxPosition);
        final long orderSize = null == maxOrderSize ? 2 * position : positiveDecimal(MAX_ORDER_SIZE_FLAG, maxOrderSize);
        Validate.inRange(MAX_OPEN_ORDERS_FLAG, maxOpenOrders, 1, RiskLimits.MAX_OPEN_ORDERS_LIMIT);
        return new RiskLimits(position, maxOpenOrders, orderSize);
    }

    private static long positiveDecimal(final String flag, final String text)
    {
        final long value;
        try
        {
            value = (Long)StrategyParameter.Kind.DECIMAL.parse(String.valueOf(text));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigException(flag + " " + ex.getMessage());
        }
        if (value <= 0 || value > RiskLimits.MAX_QUANTITY)
        {
            throw new ConfigException(flag + " " + text + " must be more than 0 and at most " +
                RiskLimits.MAX_QUANTITY / Event.SCALE);
        }
        return value;
    }

    /**
     * The bot's section of {@code config.yaml}: every setting under the name of the flag that sets
     * it, in that flag's syntax, so that {@code bin/bot.sh --config FILE} runs the same bot again.
     * Two maps beside them are records that {@code --config} skips: {@code sockets}, every socket
     * option (most have no flag); and {@code run}, what belongs to this run alone and would be
     * wrong in another: the summary file (a second run would overwrite this one's report),
     * whether a launcher held the bot's standard input (a bot run by hand has none to watch), and
     * the CPUs the launcher chose ({@code --launcher-cpus}, {@code --launcher-trading-cpu}): the
     * broker's layout is its decision, made again by the broker of a reused file (or not, with
     * {@code --no-pin}); as flag keys they would pin the bot whatever that broker decides. Only
     * the CPU flags the bot's user gave it ({@code --bot-arg=--cpus=...}) are flag keys.
     */
    public void writeYaml(final WireOut wire)
    {
        replay.writeFlags(wire);
        wire.write(key(QUIET_FLAG)).bool(quiet);
        wire.write(key(TIME_HOPS_FLAG)).bool(timeHops);
        wire.write(key(WARMUP_EVENTS_FLAG)).int64(warmupEvents);
        wire.write(key(SEND_MODE_FLAG)).text(sendMode.word());
        wire.write(key(RING_SIZE_FLAG)).int64(ringSize);
        wire.write(key(IDLE_TRADING_FLAG)).text(idleTrading.word());
        wire.write(key(STRATEGY_FLAG)).text(strategy);
        wire.write(key(STRATEGY_PATH_FLAG)).sequence(strategyPath, (paths, out) ->
            paths.forEach(path -> out.text(ConfigYaml.absolute(path))));
        // Every value, defaults included, once concluded (a reused file runs the same strategy even if
        // its defaults change), each under its strategy's name (another --strategy leaves them be).
        final Map<String, String> params = null == strategyParameters ?
            parseParams(strategyParams, strategy, null) : strategyParameters.texts();
        wire.write(key(STRATEGY_PARAM_FLAG)).marshallable(out ->
            params.forEach((name, text) -> out.write(strategy + "." + name).text(text)));
        wire.write(key(MAX_POSITION_FLAG)).text(maxPosition);
        wire.write(key(MAX_OPEN_ORDERS_FLAG)).int64(maxOpenOrders);
        wire.write(key(MAX_ORDER_SIZE_FLAG)).text(maxOrderSize);
        wire.write(key(CpuOptions.FLAG)).text(cpus);
        wire.write(key(TRADING_CPU_FLAG)).text(tradingCpu);
        sender.writeFlags(wire);
        wire.write(SOCKETS_KEY).marshallable(sender.sockets()::writeYaml);
        wire.write(RUN_KEY).marshallable((run) ->
        {
            run.write(key(SUMMARY_FLAG)).text(ConfigYaml.absolute(summaryFile));
            run.write(key(EXIT_WITH_PARENT_FLAG)).bool(exitWithParent);
            run.write(key(CpuOptions.LAUNCHER_FLAG)).text(launcherCpus);
            run.write(key(LAUNCHER_TRADING_CPU_FLAG)).text(launcherTradingCpu);
            run.write(key(BotConfiguration.LAUNCHER_IDLE_TRADING_FLAG)).text(
                null == launcherIdleTrading ? null : launcherIdleTrading.word());
        });
    }
}
