package dev.quietloop.broker;

import dev.quietloop.protocol.process.ConfigYaml;
import net.openhft.chronicle.wire.WireOut;

/** The broker's section of a run's {@code config.yaml}, written from its concluded context. */
final class BrokerSection
{
    private BrokerSection()
    {
    }

    /**
     * Every setting: endpoints as text, paths absolute, the arguments passed on to the children as
     * sequences, the socket options as a {@code sockets} map.
     */
    static void write(final BrokerContext ctx, final WireOut wire)
    {
        final RunContext run = ctx.run();
        wire.write("ingest").text(ctx.ingest().toString());
        wire.write("sidecar").text(ctx.sidecar().toString());
        wire.write("launchStub").bool(run.sidecarMode() == RunContext.SidecarMode.LAUNCH_STUB);
        ConfigYaml.writeTexts(wire, "stubArgs", run.stubArgs());
        wire.write("launchBot").bool(run.botMode() == RunContext.BotMode.LAUNCH);
        wire.write("dataFile").text(ConfigYaml.absolute(run.dataFile()));
        ConfigYaml.writeTexts(wire, "botArgs", run.botArgs());
        wire.write("expectBots").int64(run.expectBots());
        wire.write("runId").text(run.runId());
        wire.write("runIdGiven").bool(run.runIdOrigin() == RunContext.RunIdOrigin.GIVEN);
        wire.write("reportsDir").text(ConfigYaml.absolute(run.reportsDir()));
        wire.write("drainTimeoutSeconds").int64(ctx.drainTimeoutS());
        wire.write("ringSize").int64(ctx.ringSize());
        wire.write("maxFrameBytes").int64(ctx.maxFrameBytes());
        wire.write("sockets").marshallable(ctx.sockets()::writeYaml);
        wire.write("idleReceiver").text(ctx.idleReceiver().word());
        wire.write("idleForwarder").text(ctx.idleForwarder().word());
        wire.write("jvmOptionsFile").text(ConfigYaml.absolute(run.jvmOptionsFile()));
        wire.write("timeHops").bool(ctx.timeHops());
        wire.write("plots").bool(run.plots());
        wire.write("cpus").text(ctx.cpus());
        wire.write("exitWithParent").bool(ctx.exitWithParent());
        wire.write("security").marshallable(ctx.security()::writeYaml);
    }
}
