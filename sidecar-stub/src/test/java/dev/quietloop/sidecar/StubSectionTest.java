package dev.quietloop.sidecar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.quietloop.protocol.config.IdleChoice;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.process.ConfigYaml;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.security.KeyFiles;
import dev.quietloop.protocol.security.LinkSecurity;
import dev.quietloop.protocol.testing.YamlDocument;
import dev.quietloop.wire.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StubSectionTest
{
    /** Every flag of the stub, in the order its section lists them, then the maps that record the run. */
    private static final List<String> KEYS = List.of(
        "bind", "hwm", "socket-buffer-bytes", "delay-us", "stall-after", "stall-seconds", "exit-after", "idle",
        "drain-ms", "time-hops", "warmup-events", "cpus", "exit-with-parent", "keys", "insecure", "sockets", "outputs",
        "run");

    @TempDir
    Path dir;

    @Test
    void shouldWriteEveryFlagUnderItsNameInTheFlagsSyntax()
    {
        final Map<?, ?> sidecar = yaml(everySetting());

        assertEquals(KEYS, new ArrayList<>(sidecar.keySet()), "every flag, once, in order");
        assertEquals("tcp://127.0.0.1:*", sidecar.get("bind"), "a port left to the system");
        assertEquals(8L, YamlDocument.number(sidecar, "hwm"));
        assertEquals(4096L, YamlDocument.number(sidecar, "socket-buffer-bytes"));
        assertEquals(200L, YamlDocument.number(sidecar, "delay-us"));
        assertEquals(10L, YamlDocument.number(sidecar, "stall-after"));
        assertEquals(2L, YamlDocument.number(sidecar, "stall-seconds"));
        assertEquals(500L, YamlDocument.number(sidecar, "exit-after"));
        assertEquals("spin", sidecar.get("idle"));
        assertEquals(1_500L, YamlDocument.number(sidecar, "drain-ms"));
        assertEquals(false, sidecar.get("time-hops"));
        assertEquals(300L, YamlDocument.number(sidecar, "warmup-events"));
        assertEquals("0", sidecar.get("cpus"));
        assertEquals(true, sidecar.get("exit-with-parent"));
        assertEquals(true, sidecar.get("insecure"));
        assertEquals(8L, YamlDocument.number(YamlDocument.map(sidecar, "sockets"), "highWaterMark"));
        assertEquals(Path.of("sidecar.json").toAbsolutePath().toString(),
            YamlDocument.map(sidecar, "outputs").get("summary"), "where this run wrote: a record, not a flag");
        assertNull(YamlDocument.map(sidecar, "run").get("launcher-cpus"), "no launcher chose");
    }

    @Test
    void shouldRecordTheLaunchersCpusInTheRunRecordWhereConfigDoesNotReadThemBack() throws IOException
    {
        final StubContext pinnedByTheBroker = new StubContext().launcherCpus("0").conclude();

        final Map<?, ?> sidecar = yaml(pinnedByTheBroker);
        final StubContext read = readBack(pinnedByTheBroker);

        assertNull(sidecar.get("cpus"), "the broker's layout is no flag of the stub's: " + sidecar);
        assertEquals("0", YamlDocument.map(sidecar, "run").get("launcher-cpus"));
        assertNull(read.effectiveCpus(), "the file pins nothing: a reused file's broker decides again");
    }

    @Test
    void shouldPinToTheLaunchersCpusUnlessItsOwnFlagChooses()
    {
        assertEquals("0", parse("--launcher-cpus", "0").effectiveCpus());
        // Two spellings of CPU 0, which every machine has: which list pins shows whose it is.
        final StubContext own = parse("--launcher-cpus", "0", "--cpus", "0-0");
        assertEquals("0-0", own.effectiveCpus(), "the stub's own --cpus wins");
        assertEquals("0-0", yaml(own).get("cpus"), "and is its flag");
    }

    @Test
    void shouldWriteFaultsThatAreOffAndFlagsNotGivenAsNull()
    {
        final Map<?, ?> sidecar = yaml(new StubContext().conclude());

        assertEquals("tcp://127.0.0.1:5557", sidecar.get("bind"));
        assertEquals(0L, YamlDocument.number(sidecar, "delay-us"));
        assertTrue(sidecar.containsKey("stall-after"));
        assertNull(sidecar.get("stall-after"));
        assertNull(sidecar.get("exit-after"));
        assertNull(sidecar.get("cpus"));
        assertNull(sidecar.get("keys"));
        assertNull(YamlDocument.map(sidecar, "outputs").get("summary"));
    }

    @Test
    void shouldReadItsOwnSectionBackThroughConfigToTheSameConfiguration() throws IOException
    {
        final StubContext written = everySetting();

        final StubContext read = readBack(written);

        assertEquals(flags(written), flags(read));
        assertEquals(written.bind(), read.bind());
        assertEquals(written.sockets(), read.sockets());
        assertEquals(written.stallAfter(), read.stallAfter());
        assertEquals(written.idle(), read.idle());
        assertEquals(written.timeHops(), read.timeHops());
        assertNull(read.summary(), "a run's outputs are not read back: a reproduced run writes its own");
    }

    @Test
    void shouldReadTheDefaultsAndCurveKeysBackToTheSameConfiguration() throws IOException
    {
        final Path keys = Files.createDirectory(dir.resolve("keys"));
        KeyFiles.write(keys, LinkSecurity.SIDECAR, KeyFiles.KeyPair.generate(), false);
        final StubContext written = new StubContext()
            .security(LinkSecurity.of(keys, false, LinkSecurity.SIDECAR, null))
            .conclude();

        final StubContext read = readBack(written);

        assertEquals(flags(written), flags(read));
        assertTrue(read.security().isCurve());
        assertEquals(written.security().keysDir(), read.security().keysDir());
        assertNull(read.stallAfter());
        assertNull(read.exitAfter());
    }

    @Test
    void shouldLetAFlagGivenOnTheCommandLineWinOverTheFile() throws IOException
    {
        final Path file = section(everySetting());

        final StubContext read = parse("--drain-ms", "7", "--config", file.toString(), "--idle", "yield",
            "--time-hops", "--exit-after", "3");

        assertEquals(7, read.drainMs());
        assertEquals(new IdleChoice("yield"), read.idle());
        assertTrue(read.timeHops());
        assertEquals(3L, read.exitAfter());
        assertEquals(200, read.delayUs(), "the rest from the file");
        assertEquals(10L, read.stallAfter());
    }

    @Test
    void shouldRefuseAKeyThatNamesNoFlag() throws IOException
    {
        final Path file = Files.writeString(dir.resolve("config.yaml"),
            "sidecar: {\n  drain-ms: 5,\n  drainMs: 5\n}\n", StandardCharsets.UTF_8);

        assertEquals(ExitCodes.USAGE, SidecarStubMain.run((config) -> ExitCodes.OK, "--config", file.toString()));
    }

    private StubContext everySetting()
    {
        return new StubContext()
            .bind(Endpoint.parse("tcp://127.0.0.1:0"))
            .sockets(SocketSettings.DEFAULTS.withHighWaterMark(8).withKernelBufferBytes(4096))
            .delayUs(200)
            .stallAfter(10L)
            .stallSeconds(2)
            .exitAfter(500L)
            .idle(IdleChoice.SPIN)
            .drainMs(1_500)
            .summary(Path.of("sidecar.json"))
            .timeHops(false)
            .warmupEvents(300)
            .cpus("0")
            .exitWithParent(true)
            .security(LinkSecurity.of(null, true, LinkSecurity.SIDECAR, null))
            .conclude();
    }

    private StubContext readBack(final StubContext written) throws IOException
    {
        return parse("--config", section(written).toString());
    }

    /** The section as a run's config.yaml holds it: with the JVM map, among the other processes'. */
    private Path section(final StubContext config) throws IOException
    {
        final String text = ConfigYaml.machineSection() +
            ConfigYaml.processSection(SidecarStub.SECTION, config::writeYaml);
        return Files.writeString(dir.resolve("config.yaml"), text, StandardCharsets.UTF_8);
    }

    private static StubContext parse(final String... args)
    {
        final AtomicReference<StubContext> parsed = new AtomicReference<>();
        assertEquals(ExitCodes.OK, SidecarStubMain.run((config) ->
        {
            parsed.set(config);
            return ExitCodes.OK;
        }, args));
        assertTrue(parsed.get().isConcluded());
        return parsed.get();
    }

    /** The section's flags, without the maps that only record the run. */
    private static Map<?, ?> flags(final StubContext config)
    {
        final Map<?, ?> flags = new HashMap<>(yaml(config));
        flags.remove("sockets");
        flags.remove("outputs");
        flags.remove("run");
        return flags;
    }

    private static Map<?, ?> yaml(final StubContext config)
    {
        return YamlDocument.map(YamlDocument.parse(ConfigYaml.section(SidecarStub.SECTION, config::writeYaml)),
            SidecarStub.SECTION);
    }
}
