package dev.quietloop.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quietloop.protocol.config.IdleChoice;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.process.Cli;
import dev.quietloop.protocol.process.ConfigYaml;
import dev.quietloop.protocol.process.CpuAffinity;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.security.LinkSecurity;
import dev.quietloop.protocol.testing.YamlDocument;
import dev.quietloop.wire.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The broker's section of config.yaml: keyed by its flags, and read back by {@code --config} as the same run. */
class BrokerSectionTest
{
    @TempDir
    Path dir;

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private PrintStream savedErr;
    private BrokerContext readBack;

    @BeforeEach
    void captureErr()
    {
        savedErr = System.err;
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreErr()
    {
        System.setErr(savedErr);
    }

    @Test
    void shouldKeyEverySettingByItsFlagInTheFlagsSyntaxAndKeepTheRunsOwnNamesApart() throws IOException
    {
        final Map<?, ?> broker = section(everythingSet().conclude());

        assertEquals(List.of("ingest", "sidecar", "launch-stub", "stub-arg", "launch-bot", "data", "bots", "bot-arg",
            "expect-bots", "reports", "drain-timeout", "ring-size", "max-frame-bytes", "hwm", "socket-buffer-bytes",
            "idle-receiver", "idle-forwarder", "jvm-options", "time-hops", "plots", "cpus", "pin", "bot-timeout",
            "metrics-port", "metrics-bind", "metrics-linger", "keys", "insecure", "run"),
            new ArrayList<>(broker.keySet()), "every setting, once, in order");
        assertEquals("tcp://127.0.0.1:*", broker.get("ingest"), "a port left to the system");
        assertEquals(List.of("--delay-us=200"), broker.get("stub-arg"));
        assertEquals(dir.resolve("data.csv").toString(), broker.get("data"), "absolute");
        assertEquals(List.of("--ring-size=1024", "--quiet"), broker.get("bot-arg"));
        assertEquals(512L, YamlDocument.number(broker, "ring-size"));
        assertEquals(65_536L, YamlDocument.number(broker, "socket-buffer-bytes"));
        assertEquals("sleep:1ms", broker.get("idle-forwarder"));
        assertEquals(false, broker.get("time-hops"));
        assertEquals(false, broker.get("pin"), "--no-pin");

        final Map<?, ?> run = YamlDocument.map(broker, BrokerSection.RUN);
        assertEquals("run-1", run.get("id"), "a record, not a flag: a reused file must not reuse the folder");
        assertEquals(true, run.get("idGiven"));
        assertEquals(true, run.get("exitWithParent"), "how this broker was started, not a setting");
        assertEquals(null, run.get("tradingCpu"), "the user's --cpus chose: no layout of the broker's");
    }

    @Test
    void shouldRecordTheDefaultLayoutAsTheRunsOwnAndKeepTheFlagForTheNextMachineToDecide()
    {
        final BrokerContext ctx = new BrokerContext().cpuLayout(
            CpuLayout.decide(true, 1, null, List.of(), CpuAffinity.parse("test", "0-3"), true))
            .run(new RunContext().expectBots(1));

        final Map<?, ?> broker = section(ctx);

        assertEquals(true, broker.get("pin"));
        assertEquals(null, broker.get("cpus"), "not a choice of the user's: a reused file decides again");
        final Map<?, ?> run = YamlDocument.map(broker, BrokerSection.RUN);
        assertEquals("3", run.get("tradingCpu"));
        assertEquals("0-2", run.get("otherCpus"));
    }

    @Test
    void shouldReadTheSectionBackThroughConfigAsTheSameConfiguration() throws IOException
    {
        final Map<?, ?> written = section(everythingSet().conclude());
        final Path file = configFile(everythingSet().conclude());

        assertEquals(ExitCodes.OK, Cli.run("broker", "broker", new BrokerMain(this::capture), "--config", file.toString()),
            errBytes.toString(StandardCharsets.UTF_8));

        assertNotNull(readBack);
        assertEquals(settings(written), settings(section(readBack)));
        assertEquals(RunContext.RunIdOrigin.GENERATED, readBack.run().runIdOrigin(), "a new run, in a folder of its own");
        assertEquals(false, readBack.exitWithParent());
        assertEquals(false, readBack.pin(), "pin: false is --no-pin");
        assertEquals(file.toAbsolutePath(), readBack.configFile(), "passed on to the children");
    }

    @Test
    void shouldLetAFlagGivenWinOverTheFile() throws IOException
    {
        final Path file = configFile(everythingSet().conclude());

        assertEquals(ExitCodes.OK, Cli.run("broker", "broker", new BrokerMain(this::capture), "--config", file.toString(),
            "--ring-size", "256", "--launch-bot", "--bot-arg=--rate=5", "--plots", "--run-id", "again"),
            errBytes.toString(StandardCharsets.UTF_8));

        assertEquals(256, readBack.ringSize());
        assertEquals(RunContext.BotMode.LAUNCH, readBack.run().botMode(), "a flag the file sets too stays set");
        assertEquals(List.of("--ring-size=1024", "--quiet", "--rate=5"), readBack.run().botArgs(),
            "the file's sequence, then the command line's");
        assertEquals(true, readBack.run().plots(), "the file's off, turned on");
        assertEquals("again", readBack.run().runId());
    }

    @Test
    void shouldRefuseAKeyThatNamesNoFlagInOneLine() throws IOException
    {
        final Path file = dir.resolve("config.yaml");
        Files.writeString(file, "broker: {\n  ring-sise: 512\n}\n");

        assertEquals(ExitCodes.USAGE, Cli.run("broker", "broker", new BrokerMain(this::capture), "--config", file.toString()));
        final String err = errBytes.toString(StandardCharsets.UTF_8);
        assertTrue(err.contains("has no flag [ring-sise]"), err);
        assertEquals(1, err.strip().lines().count(), err);
    }

    private int capture(final BrokerContext ctx)
    {
        readBack = ctx;
        return ExitCodes.OK;
    }

    /** Every setting away from its default, as a run launched by a quietloop process would have it. */
    private BrokerContext everythingSet() throws IOException
    {
        final Path data = Files.writeString(dir.resolve("data.csv"), "");
        final Path jvmOptions = Files.writeString(dir.resolve("jvm.options"), "");
        return new BrokerContext()
            .ingest(Endpoint.loopback(Endpoint.EPHEMERAL))
            .sidecar(Endpoint.loopback(6557))
            .drainTimeoutS(3)
            .ringSize(512)
            .maxFrameBytes(8_192)
            .sockets(SocketSettings.DEFAULTS.withHighWaterMark(100).withKernelBufferBytes(65_536))
            .idleReceiver(new IdleChoice("yield"))
            .idleForwarder(new IdleChoice("sleep:1ms"))
            .timeHops(false)
            .cpus("0")
            .pin(false)
            .exitWithParent(true)
            .security(LinkSecurity.of(null, true, LinkSecurity.BROKER, LinkSecurity.SIDECAR))
            .run(new RunContext()
                .sidecarMode(RunContext.SidecarMode.LAUNCH_STUB)
                .stubArgs(List.of("--delay-us=200"))
                .botMode(RunContext.BotMode.LAUNCH)
                .dataFiles(List.of(data))
                .botArgs(List.of("--ring-size=1024", "--quiet"))
                .expectBots(2)
                .runId("run-1")
                .reportsDir(dir.resolve("reports"))
                .jvmOptionsFile(jvmOptions)
                .plots(false));
    }

    /** A run's config.yaml as the broker writes it, its JVM included: a machine section, then the broker's. */
    private Path configFile(final BrokerContext ctx) throws IOException
    {
        final Path file = dir.resolve("config.yaml");
        Files.writeString(file, ConfigYaml.machineSection() +
            ConfigYaml.processSection(BrokerConfiguration.ROLE, wire -> BrokerSection.write(ctx, wire)));
        return file;
    }

    private static Map<?, ?> section(final BrokerContext ctx)
    {
        return YamlDocument.map(YamlDocument.parse(
            ConfigYaml.section(BrokerConfiguration.ROLE, wire -> BrokerSection.write(ctx, wire))), BrokerConfiguration.ROLE);
    }

    /** The flags' keys and values: the section without the record of the run. */
    private static Map<?, ?> settings(final Map<?, ?> section)
    {
        final Map<Object, Object> settings = new LinkedHashMap<>(section);
        settings.remove(BrokerSection.RUN);
        return settings;
    }
}
