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

    /** The bot's: the data, the broker's ingest, its summary in the run folder, the broker's own choices passed on. */
    List<String> bot(final Endpoint ingest, final Path runDir)
    {
        final List<String> args = new ArrayList<>(List.of(
            "--data", ctx.run().dataFile().toString(),
            "--broker", ingest.toString(),
            "--summary", runDir.resolve(LaunchedChildren.BOT_SUMMARY).toString(),
            "--drain-timeout", Integer.toString(ctx.drainTimeoutS())));
        args.addAll(passedOn());
        args.addAll(passCpus(ctx.run().botArgs()));
        if (ctx.cpuLayout().pinned())
        {
            args.addAll(List.of(CpuLayout.LAUNCHER_TRADING_CPU_FLAG, ctx.cpuLayout().tradingCpu()));
        }
        if (ctx.run().botArgs().stream().noneMatch(arg -> arg.startsWith(SOURCE_ID_FLAG)))
        {
            args.addAll(List.of(SOURCE_ID_FLAG, Integer.toString(LAUNCHED_SOURCE_ID)));
        }
        args.addAll(ctx.run().botArgs());
        return args;
    }

    /**
     * The bot's JVM options of its own: its safepoint log into the run folder
     * ({@code bot-safepoints.log}), which it reads back for its summary's {@code bot.safepoints}.
     */
    static List<String> botJvm(final Path runDir)
    {
        try
        {
            return List.of(SafepointLog.jvmOption(runDir.resolve(SafepointLog.fileName(LaunchedChildren.BOT_ROLE))));
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
        for (int i = 0; i < botArgs.size(); i++)
        {
            final String arg = botArgs.get(i);
            if (arg.startsWith(SOURCE_ID_FLAG + "="))
            {
                return sourceId(arg.substring(SOURCE_ID_FLAG.length() + 1));
            }
            if (arg.equals(SOURCE_ID_FLAG) && i + 1 < botArgs.size())
            {
                return sourceId(botArgs.get(i + 1));
            }
        }
        return LAUNCHED_SOURCE_ID;
    }

    private static int sourceId(final String value)
    {
        try
        {
            return Integer.parseInt(value);
        }
        catch (final NumberFormatException ex)
        {
            throw new ConfigException("--bot-arg=" + SOURCE_ID_FLAG + " needs a whole number: " + value);
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
