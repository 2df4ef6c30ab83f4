package dev.quietloop.sidecar;

import dev.quietloop.protocol.config.CpuOptions;
import dev.quietloop.protocol.process.ConfigYaml;
import net.openhft.chronicle.wire.WireOut;

/**
 * The stub's section of a run's {@code config.yaml}, which {@code --config} reads back as the
 * stub's flags. Every scalar key is a flag's name without its dashes, holding the value in the
 * flag's syntax: {@code bind} as given ({@code *} for a port left to the system), times in the
 * units their flags name, and null for a flag not given (a fault that is off, no CPU list).
 * <p>
 * Maps are a record of the run, never read back: {@code sockets} holds every socket option, the
 * ones no flag sets too; {@code outputs} says where this run wrote, which is no setting: a run
 * reproduced from the file must write its own outputs, not over these; {@code run} holds the CPUs
 * the launcher chose ({@code launcher-cpus}: the broker's {@code --cpus} or its default layout),
 * the broker's decision, which the broker of a reused file makes again (or not, with
 * {@code --no-pin}). Only a {@code --cpus} the stub's user gave it is the {@code cpus} flag.
 */
final class StubSection
{
    private StubSection()
    {
    }

    static void write(final StubContext config, final WireOut wire)
    {
        wire.write(key(StubConfiguration.BIND_FLAG)).text(config.bind().toString());
        config.sockets().writeFlags(wire);
        wire.write(key(StubConfiguration.DELAY_US_FLAG)).int64(config.delayUs());
        writeCount(wire, StubConfiguration.STALL_AFTER_FLAG, config.stallAfter());
        wire.write(key(StubConfiguration.STALL_SECONDS_FLAG)).int64(config.stallSeconds());
        writeCount(wire, StubConfiguration.EXIT_AFTER_FLAG, config.exitAfter());
        wire.write(key(StubConfiguration.IDLE_FLAG)).text(config.idle().word());
        wire.write(key(StubConfiguration.DRAIN_MS_FLAG)).int64(config.drainMs());
        wire.write(key(StubConfiguration.TIME_HOPS_FLAG)).bool(config.timeHops());
        wire.write(key(StubConfiguration.WARMUP_EVENTS_FLAG)).int64(config.warmupEvents());
        wire.write(key(CpuOptions.FLAG)).text(config.cpus());
        wire.write(key(StubConfiguration.EXIT_WITH_PARENT_FLAG)).bool(config.exitWithParent());
        config.security().writeFlags(wire);
        wire.write("sockets").marshallable(config.sockets()::writeYaml);
        wire.write("outputs").marshallable((outputs) ->
            outputs.write(key(StubConfiguration.SUMMARY_FLAG)).text(ConfigYaml.absolute(config.summary())));
        wire.write("run").marshallable((run) ->
            run.write(key(CpuOptions.LAUNCHER_FLAG)).text(config.launcherCpus()));
    }

    private static void writeCount(final WireOut wire, final String flag, final Long count)
    {
        if (null == count)
        {
            wire.write(key(flag)).text((String)null);
        }
        else
        {
            wire.write(key(flag)).int64(count);
        }
    }

    /** A flag's key: its name without the dashes. */
    private static String key(final String flag)
    {
        return flag.substring(2);
    }
}
