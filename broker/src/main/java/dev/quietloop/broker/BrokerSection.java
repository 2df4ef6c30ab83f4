package dev.quietloop.broker;

import dev.quietloop.broker.metrics.MetricsEndpoint;
import dev.quietloop.protocol.config.CpuOptions;
import dev.quietloop.protocol.process.ConfigYaml;
import net.openhft.chronicle.wire.WireOut;

import static dev.quietloop.broker.BrokerConfiguration.*;

/**
 * The broker's section of a run's {@code config.yaml}, written from its concluded context so that
 * {@code --config FILE} reads it back as the same run: every setting under the long name of the
 * flag that sets it, in the flag's syntax (endpoints as text, {@code *} for a port left to the
 * system; paths absolute; {@code bot-arg} and {@code stub-arg} as sequences, the flag repeated).
 * <p>
 * A reused file reproduces the run's settings, never the run itself, so what names or launched
 * this run is a record in the {@code run} map, which {@code --config} passes over. Its id is no
 * flag: a generated one is this run's time, and a given one is taken now; as a flag either would
 * send the new run into the old one's folder, or have it refused there. A new run gets an id of
 * its own (a command line's {@code --run-id} still chooses one). {@code exit-with-parent} says a
 * quietloop process started this broker and holds its standard input, not what the run does: from
 * a terminal or a script it would end the run when that input ends. {@code config} is the file
 * this run's flags came from, if any. {@code tradingCpu} and {@code otherCpus} are the CPUs
 * {@code pin: true} chose on this machine (null when the run was not pinned by default): the flag
 * is the setting, and another machine decides again. This is the layout's only record as a choice
 * of the run's: the children it was given to hold it in their own {@code run} maps, as the
 * launcher's ({@link CpuLayout}), never as their flags.
 */
final class BrokerSection
{
    static final String RUN = "run";

    private BrokerSection()
    {
    }

    static void write(final BrokerContext ctx, final WireOut wire)
    {
        final RunContext run = ctx.run();
        wire.write(key(INGEST_FLAG)).text(ctx.ingest().toString());
        wire.write(key(SIDECAR_FLAG)).text(ctx.sidecar().toString());
        wire.write(key(LAUNCH_STUB_FLAG)).bool(run.sidecarMode() == RunContext.SidecarMode.LAUNCH_STUB);
        ConfigYaml.writeTexts(wire, key(STUB_ARG_FLAG), run.stubArgs());
        wire.write(key(LAUNCH_BOT_FLAG)).bool(run.botMode() == RunContext.BotMode.LAUNCH);
        // One file as a scalar, which a --data given with --config replaces; several as a sequence, which it adds to.
        if (run.dataFiles().size() == 1)
        {
            wire.write(key(DATA_FLAG)).text(ConfigYaml.absolute(run.dataFiles().get(0)));
        }
        else
        {
            ConfigYaml.writeTexts(wire, key(DATA_FLAG), run.dataFiles().stream().map(ConfigYaml::absolute).toList());
        }
        wire.write(key(BOTS_FLAG)).int64(run.bots());
        ConfigYaml.writeTexts(wire, key(BOT_ARG_FLAG), run.botArgs());
        // Left out when it is the default, the bots launched: a replay with another --bots expects its own.
        wire.write(key(EXPECT_BOTS_FLAG)).text(run.expectBots() == run.launchedBots().size() ?
            null : Integer.toString(run.expectBots()));
        wire.write(key(REPORTS_FLAG)).text(ConfigYaml.absolute(run.reportsDir()));
        wire.write(key(DRAIN_TIMEOUT_FLAG)).int64(ctx.drainTimeoutS());
        wire.write(key(RING_SIZE_FLAG)).int64(ctx.ringSize());
        wire.write(key(MAX_FRAME_BYTES_FLAG)).int64(ctx.maxFrameBytes());
        ctx.sockets().writeFlags(wire);
        wire.write(key(IDLE_RECEIVER_FLAG)).text(ctx.idleReceiver().word());
        wire.write(key(IDLE_FORWARDER_FLAG)).text(ctx.idleForwarder().word());
        wire.write(key(JVM_OPTIONS_FLAG)).text(ConfigYaml.absolute(run.jvmOptionsFile()));
        wire.write(key(TIME_HOPS_FLAG)).bool(ctx.timeHops());
        wire.write(key(PLOTS_FLAG)).bool(run.plots());
        wire.write(key(CpuOptions.FLAG)).text(ctx.cpus());
        wire.write(key(PIN_FLAG)).bool(ctx.pin());
        wire.write(key(BOT_TIMEOUT_FLAG)).int64(ctx.botTimeoutS());
        wire.write(key(MetricsEndpoint.PORT_FLAG)).text(ctx.metricsPort() == MetricsEndpoint.OFF ?
            null : Integer.toString(ctx.metricsPort()));
        wire.write(key(MetricsEndpoint.BIND_FLAG)).text(ctx.metricsBind());
        wire.write(key(MetricsEndpoint.LINGER_FLAG)).int64(ctx.metricsLingerS());
        ctx.security().writeFlags(wire);
        wire.write(RUN).marshallable(record ->
        {
            record.write("id").text(run.runId());
            record.write("idGiven").bool(run.runIdOrigin() == RunContext.RunIdOrigin.GIVEN);
            record.write("exitWithParent").bool(ctx.exitWithParent());
            record.write("config").text(ConfigYaml.absolute(ctx.configFile()));
            record.write("tradingCpu").text(ctx.cpuLayout().tradingCpu());
            record.write("otherCpus").text(ctx.cpuLayout().otherCpus());
        });
    }

    /** A flag's key: its long name without the dashes, as {@code --config} looks it up. */
    static String key(final String flag)
    {
        return flag.substring(2);
    }
}
