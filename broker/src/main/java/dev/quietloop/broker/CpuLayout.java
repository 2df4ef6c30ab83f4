package dev.quietloop.broker;

import java.util.BitSet;
import java.util.List;

import dev.quietloop.protocol.config.CpuOptions;
import dev.quietloop.protocol.process.CpuAffinity;

/**
 * Where a run's threads go when the user chose none: with 2 or more CPUs allowed, the launched
 * bot's trading thread alone on the last of them, and every other thread of the broker, the stub
 * and the bot on the rest. Decided once by the broker, which launches the other two; the CPU flags
 * a user gives (the broker's {@code --cpus}, the bot's {@code --cpus} or {@code --trading-cpu})
 * always win, and {@code --no-pin} turns it off.
 * <p>
 * The children get it as the launcher's flags ({@code --launcher-cpus}, {@code --launcher-trading-cpu}),
 * never as their own {@code --cpus} and {@code --trading-cpu}: the layout is this broker's decision,
 * recorded in its section's {@code run} map, and a child records a launcher's flag in its own
 * {@code run} map, which {@code --config} skips. As flags of the children, a reused
 * {@code config.yaml} would pin them whatever the new run's broker decides, {@code --no-pin} or
 * another machine included.
 *
 * With several bots, each trading thread gets a CPU of its own, from the last down, when there
 * are enough for them and one more for the rest. When there are not, nothing is pinned and the
 * trading threads back off instead of spinning (the launcher's {@code --launcher-idle-trading
 * backoff}), unless the bots' arguments choose their {@code --idle-trading}: N threads spinning on
 * fewer than N + 1 CPUs would starve the pipeline, the machine and each other. That holds when the
 * user chose the CPUs, or {@code --no-pin}, too. Said once, in the note.
 *
 * @param tradingCpu      the bots' trading threads' CPUs, one per bot in launch order, comma-separated;
 *                        or null when the run is not pinned by default
 * @param otherCpus       every other thread's CPUs, or null
 * @param note            the one line the run says about it, or null for none (the user chose)
 * @param tradingBacksOff whether the launched bots' trading threads are told to back off, not spin
 */
record CpuLayout(String tradingCpu, String otherCpus, String note, boolean tradingBacksOff)
{
    /** The bot's flag that pins its trading thread (the bot's {@code BotConfiguration.TRADING_CPU_FLAG}). */
    static final String TRADING_CPU_FLAG = "--trading-cpu";
    /** The bot's flag for the launcher's trading CPU (the bot's {@code BotConfiguration.LAUNCHER_TRADING_CPU_FLAG}). */
    static final String LAUNCHER_TRADING_CPU_FLAG = "--launcher-trading-cpu";
    /** The bot's trading thread's idle strategy (the bot's {@code BotConfiguration.IDLE_TRADING_FLAG}). */
    static final String IDLE_TRADING_FLAG = "--idle-trading";
    /** The launcher's for it (the bot's {@code BotConfiguration.LAUNCHER_IDLE_TRADING_FLAG}), which a reused config.yaml leaves out. */
    static final String LAUNCHER_IDLE_TRADING_FLAG = "--launcher-idle-trading";
    /** What a trading thread without a CPU of its own does between ticks. */
    static final String BACK_OFF = "backoff";

    /** No pinning by default: the user chose, or turned it off. */
    static final CpuLayout NONE = new CpuLayout(null, null, null, false);

    CpuLayout(final String tradingCpu, final String otherCpus, final String note)
    {
        this(tradingCpu, otherCpus, note, false);
    }

    /**
     * @param pin        the broker's {@code --pin} ({@code --no-pin}: false)
     * @param bots       how many bots the broker launches: without one there is no trading thread to isolate
     * @param brokerCpus the broker's {@code --cpus}, or null
     * @param botArgs    the launched bots' own arguments ({@code --bot-arg})
     * @param allowed    the CPUs this process may run on, or null where that cannot be read (not Linux)
     * @param canPin     whether pinning is possible here ({@code taskset} on the PATH)
     */
    static CpuLayout decide(
        final boolean pin,
        final int bots,
        final String brokerCpus,
        final List<String> botArgs,
        final BitSet allowed,
        final boolean canPin)
    {
        if (bots == 0)
        {
            return NONE;
        }
        final int cpuCount = null == allowed ? Runtime.getRuntime().availableProcessors() : allowed.cardinality();
        final boolean backOff = bots > 1 && cpuCount < bots + 1 &&
            botArgs.stream().noneMatch(arg -> arg.startsWith(IDLE_TRADING_FLAG));
        final String share = bots > 1 && cpuCount < bots + 1 ? "; " + share(bots, cpuCount, backOff) : "";
        final boolean cpusChosen = null != brokerCpus ||
            botArgs.stream().anyMatch(arg -> arg.startsWith(CpuOptions.FLAG) || arg.startsWith(TRADING_CPU_FLAG));
        if (!pin || cpusChosen)
        {
            // The user placed the threads, or asked for no placement: still, N trading threads that
            // outnumber the CPUs must not all spin.
            return share.isEmpty() ? NONE :
                new CpuLayout(null, null, "not pinned by default (" + (pin ? "CPUs chosen" : "--no-pin") + ")" + share, backOff);
        }
        if (null == allowed || !canPin)
        {
            return new CpuLayout(null, null, "not pinned: this system cannot pin threads (needs Linux and taskset)" + share,
                backOff);
        }
        if (!share.isEmpty())
        {
            return new CpuLayout(null, null, "not pinned: " + bots + " bots need " + (bots + 1) + " CPUs, a trading " +
                "thread alone on each and one for the rest, and " + cpuCount + " are allowed (" +
                CpuAffinity.format(allowed) + ")" + share, backOff);
        }
        if (cpuCount < 2)
        {
            return new CpuLayout(null, null,
                "not pinned: 1 CPU allowed (" + CpuAffinity.format(allowed) + "), the trading thread shares it");
        }
        final BitSet rest = (BitSet)allowed.clone();
        final StringBuilder trading = new StringBuilder();
        for (int i = 0; i < bots; i++)
        {
            final int cpu = rest.length() - 1;
            rest.clear(cpu);
            trading.append(i == 0 ? "" : ",").append(cpu);
        }
        final String others = CpuAffinity.format(rest);
        final String threads = bots == 1 ? "trading thread on CPU " : "trading threads on CPUs ";
        return new CpuLayout(trading.toString(), others,
            "pinned: " + threads + trading + "; everything else on CPU " + others + " (--no-pin: off)");
    }

    private static String share(final int bots, final int cpuCount, final boolean backOff)
    {
        return bots + " trading threads share " + cpuCount + " CPUs" + (backOff ?
            ", so they back off between ticks instead of spinning (--bot-arg=" + IDLE_TRADING_FLAG + "=spin to spin anyway)" :
            " as their " + IDLE_TRADING_FLAG + " says");
    }

    /** The trading CPU of the launched bot at {@code index}, in launch order; null when not pinned. */
    String tradingCpu(final int index)
    {
        return null == tradingCpu ? null : tradingCpu.split(",")[index];
    }

    /** True when the run pins by default: {@link #tradingCpu()} and {@link #otherCpus()} are set. */
    boolean pinned()
    {
        return null != tradingCpu;
    }
}
