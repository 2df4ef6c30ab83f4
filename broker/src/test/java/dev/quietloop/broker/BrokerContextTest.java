package dev.quietloop.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import dev.quietloop.broker.ingress.IngressReceiver;
import dev.quietloop.broker.metrics.MetricsEndpoint;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.wire.ConfigException;
import dev.quietloop.wire.Endpoint;
import org.junit.jupiter.api.Test;

class BrokerContextTest
{
    @Test
    void shouldAcceptDefaults()
    {
        final BrokerContext ctx = new BrokerContext().conclude();

        assertEquals(BrokerConfiguration.RING_SIZE_DEFAULT, ctx.ringSize());
        assertEquals(0, ctx.run().expectBots(), "bots apart: the run goes on until a signal");
        assertEquals(RunContext.RunIdOrigin.GENERATED, ctx.run().runIdOrigin());
        assertEquals(IngressReceiver.ANY_SOURCE, ctx.run().onlySource());
        assertEquals(BrokerConfiguration.MAX_FRAME_BYTES_DEFAULT, ctx.sockets().maxFrameBytes());
        assertEquals(BrokerConfiguration.FORWARDER_HIGH_WATER_MARK, ctx.forwarderSockets().highWaterMark());
    }

    @Test
    void shouldNameEachBadValue()
    {
        assertMessage("--ring-size must be a power of two", () -> new BrokerContext().ringSize(1000).conclude());
        assertMessage("--drain-timeout must be in [0, ", () -> new BrokerContext().drainTimeoutS(-1).conclude());
        assertMessage("--max-frame-bytes must be in [", () -> new BrokerContext().maxFrameBytes(1).conclude());
        assertMessage("--expect-bots must be in [0, ", () -> new BrokerContext().run(new RunContext().expectBots(-1))
            .conclude());
        assertMessage("bad --run-id '../x'", () -> new BrokerContext().run(new RunContext().runId("../x")).conclude());
        assertMessage("bad --run-id 'latest'", () -> new BrokerContext().run(new RunContext().runId("latest")).conclude());
        assertMessage("--sidecar", () -> new BrokerContext().sidecar(Endpoint.loopback(0)).conclude());
        assertMessage("cannot read data file none.csv (--data)", () -> new BrokerContext()
            .run(new RunContext().botMode(RunContext.BotMode.LAUNCH).dataFiles(List.of(Path.of("none.csv"))))
            .conclude());
        assertMessage("--bot-arg=--source-id needs a whole number: x", () -> new BrokerContext()
            .run(new RunContext().botMode(RunContext.BotMode.LAUNCH).dataFiles(List.of(Path.of("pom.xml")))
                .jvmOptionsFile(Path.of("pom.xml")).botArgs(List.of("--source-id=x")))
            .conclude());
        assertMessage("--bot-arg=--max-frame-bytes=65535 is larger than the broker's --max-frame-bytes 16384", () ->
            new BrokerContext().run(new RunContext().botMode(RunContext.BotMode.LAUNCH).dataFiles(List.of(Path.of("pom.xml")))
                .jvmOptionsFile(Path.of("pom.xml")).botArgs(List.of("--max-frame-bytes", "65535")))
            .conclude());
        assertMessage("--metrics-port must be in [0, 65535]: 70000", () -> new BrokerContext()
            .metrics(70_000, "127.0.0.1", 0).conclude());
        assertMessage("--metrics-bind needs a host name or address", () -> new BrokerContext()
            .metrics(0, " ", 0).conclude());
        assertMessage("--bot-timeout must be in [1, 86400]: 0", () -> new BrokerContext().botTimeoutS(0).conclude());
        assertMessage("--metrics-linger 5 needs --metrics-port: there is no /metrics to keep serving", () ->
            new BrokerContext().metrics(MetricsEndpoint.OFF, "127.0.0.1", 5).conclude());
        assertMessage("--metrics-linger must be in [0, 3600]: -1", () -> new BrokerContext()
            .metrics(MetricsEndpoint.OFF, "127.0.0.1", -1).conclude());
        assertMessage("--bot-arg=--max-frame-bytes needs a whole number: big", () ->
            new BrokerContext().run(new RunContext().botMode(RunContext.BotMode.LAUNCH).dataFiles(List.of(Path.of("pom.xml")))
                .jvmOptionsFile(Path.of("pom.xml")).botArgs(List.of("--max-frame-bytes=big")))
            .conclude());
    }

    @Test
    void shouldLaunchABotWhoseFramesFitTheIngest()
    {
        final BrokerContext ctx = new BrokerContext().maxFrameBytes(65_535)
            .run(new RunContext().botMode(RunContext.BotMode.LAUNCH).dataFiles(List.of(Path.of("pom.xml")))
                .jvmOptionsFile(Path.of("pom.xml")).botArgs(List.of("--max-frame-bytes=65535")))
            .conclude();

        assertEquals(65_535, ctx.sockets().maxFrameBytes());
    }

    @Test
    void shouldTakeTheLaunchedBotsSourceAloneAndEndAfterItsStream()
    {
        final BrokerContext ctx = new BrokerContext()
            .run(new RunContext().botMode(RunContext.BotMode.LAUNCH).dataFiles(List.of(Path.of("pom.xml")))
                .jvmOptionsFile(Path.of("pom.xml")).botArgs(List.of("--source-id", "9")).runId("r"))
            .conclude();

        assertEquals(1, ctx.run().expectBots());
        assertEquals(9, ctx.run().onlySource());
        assertEquals(RunContext.RunIdOrigin.GIVEN, ctx.run().runIdOrigin());
    }

    @Test
    void shouldKeepTheSmallerHighWaterMarkOfTheSidecarLinkAndTheFrameLimitOfTheIngest()
    {
        final BrokerContext ctx = new BrokerContext().sockets(SocketSettings.DEFAULTS.withHighWaterMark(8))
            .maxFrameBytes(8_192).conclude();

        assertEquals(8, ctx.forwarderSockets().highWaterMark());
        assertEquals(8_192, ctx.sockets().maxFrameBytes());
        assertEquals(8_192, ctx.forwarderSockets().maxFrameBytes());
    }

    @Test
    void shouldConcludeOnce()
    {
        final BrokerContext ctx = new BrokerContext().conclude();

        assertThrows(IllegalStateException.class, ctx::conclude);
    }

    @Test
    void shouldSendBotsToLoopbackWhenIngestIsBoundToEveryInterface()
    {
        assertEquals(Endpoint.loopback(5556), ChildArguments.connectable(new Endpoint("0.0.0.0", 5556)));
        assertEquals(new Endpoint("10.0.0.1", 5556), ChildArguments.connectable(new Endpoint("10.0.0.1", 5556)));
    }

    private static void assertMessage(final String expected, final Runnable build)
    {
        final ConfigException ex = assertThrows(ConfigException.class, build::run);
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
    }

    @Test
    void shouldLaunchNBotsOnOneFileWithSourceIdsFromTheGivenOneUp()
    {
        final BrokerContext ctx = new BrokerContext()
            .run(new RunContext().botMode(RunContext.BotMode.LAUNCH).dataFiles(List.of(Path.of("pom.xml"))).bots(4)
                .jvmOptionsFile(Path.of("pom.xml")).botArgs(List.of("--source-id", "10")))
            .conclude();

        assertEquals(List.of(10, 11, 12, 13), ctx.run().launchedBots().stream().map(LaunchedBot::sourceId).toList());
        assertEquals(List.of("bot-10", "bot-11", "bot-12", "bot-13"),
            ctx.run().launchedBots().stream().map(LaunchedBot::role).toList());
        assertEquals(4, ctx.run().expectBots());
        assertEquals(10, ctx.run().onlySource());
    }

    @Test
    void shouldLaunchOneBotPerDataFile()
    {
        final BrokerContext ctx = new BrokerContext()
            .run(new RunContext().botMode(RunContext.BotMode.LAUNCH)
                .dataFiles(List.of(Path.of("pom.xml"), Path.of("./pom.xml"))).jvmOptionsFile(Path.of("pom.xml")))
            .conclude();

        assertEquals(List.of(Path.of("pom.xml"), Path.of("./pom.xml")),
            ctx.run().launchedBots().stream().map(LaunchedBot::dataFile).toList());
        assertEquals("bot-2/bot.json", ctx.run().launchedBots().get(1).summaryFile());
        assertEquals(2, ctx.run().expectBots());
    }

    @Test
    void shouldRefuseSeveralBotsThatCannotAllRun()
    {
        assertMessage("--bots 2 launches copies of one --data, and 2 were given", () -> new BrokerContext()
            .run(new RunContext().botMode(RunContext.BotMode.LAUNCH).bots(2)
                .dataFiles(List.of(Path.of("pom.xml"), Path.of("./pom.xml"))).jvmOptionsFile(Path.of("pom.xml")))
            .conclude());
        assertMessage("cannot read data file none.csv (--data)", () -> new BrokerContext()
            .run(new RunContext().botMode(RunContext.BotMode.LAUNCH)
                .dataFiles(List.of(Path.of("pom.xml"), Path.of("none.csv"))).jvmOptionsFile(Path.of("pom.xml")))
            .conclude());
        assertMessage("--bots must be in [1, 64]: 0", () -> new BrokerContext()
            .run(new RunContext().botMode(RunContext.BotMode.LAUNCH).bots(0).dataFiles(List.of(Path.of("pom.xml")))
                .jvmOptionsFile(Path.of("pom.xml")))
            .conclude());
        assertMessage("--expect-bots 1 is fewer than the 3 bots this broker launches", () -> new BrokerContext()
            .run(new RunContext().botMode(RunContext.BotMode.LAUNCH).bots(3).expectBots(1)
                .dataFiles(List.of(Path.of("pom.xml"))).jvmOptionsFile(Path.of("pom.xml")))
            .conclude());
    }
}
