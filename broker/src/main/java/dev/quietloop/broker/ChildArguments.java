package dev.quietloop.broker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.quietloop.protocol.config.CpuOptions;
import dev.quietloop.protocol.process.ConfigFile;
import dev.quietloop.protocol.process.SafepointLog;
import dev.quietloop.wire.ConfigException;
import dev.quietloop.wire.Endpoint;

/**
 * The command-line arguments the broker gives the children it launches: what each needs from the
 * run (its summary file in the run folder, the ingest to connect to), the broker's own choices
 * passed on (CPUs, keys, hop timing, the {@code --config} file) unless the child's own arguments
 * choose, and the source id of the bot, which the ingest then takes alone. The CPUs go as the
 * launcher's flags ({@link CpuLayout}): a child's {@code --cpus} and {@code --trading-cpu} are its
 * user's alone.
 */
final class ChildArguments
{
    private static final String SOURCE_ID_FLAG = "--source-id";
    private static final String MAX_FRAME_BYTES_FLAG = BrokerConfiguration.MAX_FRAME_BYTES_FLAG; // the bot's is spelled the same
    /** The source id the broker gives the bot it launches, unless its arguments choose one. */
    static final int LAUNCHED_SOURCE_ID = 1;

    private final BrokerContext ctx;

    ChildArguments(final BrokerContext ctx)
    {
        this.ctx = ctx;
    }

    /** The stub's: a bind the system picks, its summary in the run folder, the broker's own choices passed on. */
    List<String> stub(final Path runDir)
    {
        final List<String> args = new ArrayList<>(List.of(
            "--bind", "tcp://127.0.0.1:0",
            "--summary", runDir.resolve(LaunchedChildren.STUB_SUMMARY).toString()));
        args.addAll(passedOn());
        args.addAll(passCpus(ctx.run().stubArgs()));
        args.addAll(ctx.run().stubArgs());
        return args;
    }

    /**
     * A launched bot's: its data and source id, the broker's ingest, its summary in its folder, the
     * broker's own choices passed on. With several bots each gets its own source id, whatever
     * {@code --source-id} their shared arguments give (the first of them).
     *
     * @param index its place in launch order, for its trading CPU
     */
    List<String> bot(final LaunchedBot bot, final int index, final Endpoint ingest, final Path runDir)
    {
        final List<String> args = new ArrayList<>(List.of(
            "--data", bot.dataFile().toString(),
            "--broker", ingest.toString(),
            "--summary", runDir.resolve(bot.summaryFile()).toString(),
            "--drain-timeout", Integer.toString(ctx.drainTimeoutS())));
        args.addAll(passedOn());
        args.addAll(passCpus(ctx.run().botArgs()));
        if (ctx.cpuLayout().pinned())
        {
            args.addAll(List.of(CpuLayout.LAUNCHER_TRADING_CPU_FLAG, ctx.cpuLayout().tradingCpu(index)));
        }
        if (ctx.cpuLayout().tradingBacksOff())
        {
            args.addAll(List.of(CpuLayout.LAUNCHER_IDLE_TRADING_FLAG, CpuLayout.BACK_OFF));
        }
        final List<String> botArgs = bot.alone() ? ctx.run().botArgs() : without(SOURCE_ID_FLAG, ctx.run().botArgs());
        if (null == valueOf(SOURCE_ID_FLAG, botArgs))
        {
            args.addAll(List.of(SOURCE_ID_FLAG, Integer.toString(bot.sourceId())));
        }
        if (null == valueOf(MAX_FRAME_BYTES_FLAG, botArgs))
        {
            args.addAll(List.of(MAX_FRAME_BYTES_FLAG, Integer.toString(ctx.maxFrameBytes())));
        }
        args.addAll(botArgs);
        return args;
    }

    /** A child's arguments without a flag and its value. */
    private static List<String> without(final String flag, final List<String> childArgs)
    {
        final List<String> kept = new ArrayList<>(childArgs.size());
        for (int i = 0; i < childArgs.size(); i++)
        {
            final String arg = childArgs.get(i);
            if (arg.equals(flag))
            {
                i++; // its value
            }
            else if (!arg.startsWith(flag + "="))
            {
                kept.add(arg);
            }
        }
        return kept;
    }

    /**
     * A bot's JVM options of its own: its safepoint log into its folder ({@code bot-safepoints.log}),
     * which it reads back for its summary's {@code bot.safepoints}.
     */
    static List<String> botJvm(final Path botFolder)
    {
        try
        {
            return List.of(SafepointLog.jvmOption(botFolder.resolve(SafepointLog.fileName(LaunchedChildren.BOT_ROLE))));
        }
        catch (final IllegalArgumentException ex)
        {
            return List.of(); // a folder the option cannot name: the summary goes without safepoint figures
        }
    }

    /**
     * What every child gets of the broker's own choices: its hop timing and its security; and, when
     * the broker's flags came from a run's {@code config.yaml}, that file, whose section of its own
     * the child reads. The flags given here win over the file's: the broker's hop timing is then
     * given either way, since the file's child section may say otherwise.
     */
    private List<String> passedOn()
    {
        final List<String> args = new ArrayList<>();
        if (null != ctx.configFile())
        {
            args.addAll(List.of(ConfigFile.FLAG, ctx.configFile().toString()));
        }
        if (!ctx.timeHops())
        {
            args.add("--no-time-hops");
        }
        else if (null != ctx.configFile())
        {
            args.add(BrokerConfiguration.TIME_HOPS_FLAG);
        }
        args.addAll(ctx.security().childArgs());
        return args;
    }

    /** The source id of the bot this broker launches: the one its {@code --bot-arg}s give, or the one it passes. */
    static int launchedSourceId(final List<String> botArgs)
    {
        final String value = valueOf(SOURCE_ID_FLAG, botArgs);
        return null == value ? LAUNCHED_SOURCE_ID : wholeNumber(SOURCE_ID_FLAG, value);
    }

    /**
     * Refuses a launched bot whose frames the broker's ingest would not take: JeroMQ drops a peer
     * that sends a message over the ingest's limit, so such a bot would be cut off at its first
     * full frame and every later event lost. A bot told nothing gets the broker's own limit.
     *
     * @throws ConfigException naming both limits.
     */
    static void checkBotFrameBytes(final List<String> botArgs, final int brokerMaxFrameBytes)
    {
        final String value = valueOf(MAX_FRAME_BYTES_FLAG, botArgs);
        if (null != value && wholeNumber(MAX_FRAME_BYTES_FLAG, value) > brokerMaxFrameBytes)
        {
            throw new ConfigException("--bot-arg=" + MAX_FRAME_BYTES_FLAG + "=" + value + " is larger than the broker's " +
                MAX_FRAME_BYTES_FLAG + " " + brokerMaxFrameBytes + ": the broker would drop the bot at its first full frame; " +
                "give the broker " + MAX_FRAME_BYTES_FLAG + " " + value + " as well (the bot then takes it by itself)");
        }
    }

    /** The value a child's arguments give a flag, as {@code --flag=value} or {@code --flag value}; null when they give none. */
    private static String valueOf(final String flag, final List<String> childArgs)
    {
        for (int i = 0; i < childArgs.size(); i++)
        {
            final String arg = childArgs.get(i);
            if (arg.startsWith(flag + "="))
            {
                return arg.substring(flag.length() + 1);
            }
            if (arg.equals(flag) && i + 1 < childArgs.size())
            {
                return childArgs.get(i + 1);
            }
        }
        return null;
    }

    private static int wholeNumber(final String flag, final String value)
    {
        try
        {
            return Integer.parseInt(value);
        }
        catch (final NumberFormatException ex)
        {
            throw new ConfigException("--bot-arg=" + flag + " needs a whole number: " + value);
        }
    }

    /**
     * The broker's CPUs for a child (its {@code --cpus}, or the default layout's for every thread but
     * the trading one) as {@code --launcher-cpus}, unless the child's own arguments choose its CPUs.
     */
    private List<String> passCpus(final List<String> childArgs)
    {
        final String cpus = ctx.processCpus();
        if (null == cpus || childArgs.stream().anyMatch(arg -> arg.startsWith(CpuOptions.FLAG)))
        {
            return List.of();
        }
        return List.of(CpuOptions.LAUNCHER_FLAG, cpus);
    }

    /** A bot cannot connect to a wildcard address: send it to loopback instead. */
    static Endpoint connectable(final Endpoint bound)
    {
        final String host = bound.host();
        if ("0.0.0.0".equals(host) || "*".equals(host) || "::".equals(host))
        {
            return Endpoint.loopback(bound.port());
        }
        return bound;
    }
}
