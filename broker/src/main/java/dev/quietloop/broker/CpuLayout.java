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
 * @param tradingCpu the bot's trading thread's CPU, or null when the run is not pinned by default
 * @param otherCpus  every other thread's CPUs, or null
 * @param note       the one line the run says about it, or null for none (the user chose)
 */
record CpuLayout(String tradingCpu, String otherCpus, String note)
{
    /** The bot's flag that pins its trading thread (the bot's {@code BotConfiguration.TRADING_CPU_FLAG}). */
    static final String TRADING_CPU_FLAG = "--trading-cpu";
    /** The bot's flag for the launcher's trading CPU (the bot's {@code BotConfiguration.LAUNCHER_TRADING_CPU_FLAG}). */
    static final String LAUNCHER_TRADING_CPU_FLAG = "--launcher-trading-cpu";

    /** No pinning by default: the user chose, or turned it off. */
    static final CpuLayout NONE = new CpuLayout(null, null, null);

    /**
     * @param pin        the broker's {@code --pin} ({@code --no-pin}: false)
     * @param launchBot  whether the broker launches the bot: without one there is no trading thread to isolate
     * @param brokerCpus the broker's {@code --cpus}, or null
     * @param botArgs    the launched bot's own arguments ({@code --bot-arg})
     * @param allowed    the CPUs this process may run on, or null where that cannot be read (not Linux)
     * @param canPin     whether pinning is possible here ({@code taskset} on the PATH)
     */
    static CpuLayout decide(
        final boolean pin,
        final boolean launchBot,
        final String brokerCpus,
        final List<String> botArgs,
        final BitSet allowed,
        final boolean canPin)
    {
        if (!pin || !launchBot || null != brokerCpus ||
            botArgs.stream().anyMatch(arg -> arg.startsWith(CpuOptions.FLAG) || arg.startsWith(TRADING_CPU_FLAG)))
        {
            return NONE;
        }
        if (null == allowed || !canPin)
        {
            return new CpuLayout(null, null, "not pinned: this system cannot pin threads (needs Linux and taskset)");
        }
        if (allowed.cardinality() < 2)
        {
            return new CpuLayout(null, null,
                "not pinned: 1 CPU allowed (" + CpuAffinity.format(allowed) + "), the trading thread shares it");
        }
        final int trading = allowed.length() - 1;
        final BitSet rest = (BitSet)allowed.clone();
        rest.clear(trading);
        final String others = CpuAffinity.format(rest);
        return new CpuLayout(Integer.toString(trading), others,
            "pinned: trading thread on CPU " + trading + "; everything else on CPU " + others + " (--no-pin: off)");
    }

    /** True when the run pins by default: {@link #tradingCpu()} and {@link #otherCpus()} are set. */
    boolean pinned()
    {
        return null != tradingCpu;
    }
}
