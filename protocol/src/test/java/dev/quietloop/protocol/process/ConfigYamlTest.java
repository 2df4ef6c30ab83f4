package dev.quietloop.protocol.process;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.quietloop.protocol.testing.YamlDocument;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.ValueIn;
import net.openhft.chronicle.wire.Wire;
import net.openhft.chronicle.wire.WireOut;
import net.openhft.chronicle.wire.WireType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigYamlTest
{
    /** Texts a YAML writer must quote or escape to read them back as they were. */
    private static final List<String> AWKWARD = List.of(
        "/data/a b: c.csv", "# not a comment", "[not, a, list]", "{not: a map}", "données/日本.csv", "-Dx=\"q\"", "");

    @TempDir
    Path dir;

    @Test
    void shouldWriteOneSectionWithTheFieldsThenTheJvmItRunsIn() throws Exception
    {
        final Path file = dir.resolve("probe.yaml");
        final ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertTrue(ConfigYaml.write(file, "probe", ConfigYamlTest::writeFields, new PrintStream(err, true)));

        assertEquals("", err.toString(StandardCharsets.UTF_8));
        final Map<?, ?> document = YamlDocument.read(file);
        assertEquals(List.of("probe"), new ArrayList<>(document.keySet()));
        final Map<?, ?> probe = YamlDocument.map(document, "probe");
        assertEquals("tcp://127.0.0.1:5556", probe.get("endpoint"));
        assertEquals(65_536L, YamlDocument.number(probe, "ringSize"));
        assertEquals(true, probe.get("quiet"));
        assertNull(probe.get("format"));
        assertEquals(1_000L, YamlDocument.number(YamlDocument.map(probe, "nested"), "lingerMs"));
        assertEquals(AWKWARD, probe.get("awkward"));
        assertEquals(List.of("awkward", ConfigYaml.JVM), lastTwo(probe.keySet()), "the jvm map comes last");

        final Map<?, ?> jvm = YamlDocument.map(probe, ConfigYaml.JVM);
        assertEquals(ProcessHandle.current().pid(), YamlDocument.number(jvm, "pid"));
        assertEquals(System.getProperty("java.vm.name"), jvm.get("name"));
        assertEquals(System.getProperty("java.vendor"), jvm.get("vendor"));
        assertEquals(Runtime.version().toString(), jvm.get("version"));
        assertEquals(Runtime.getRuntime().maxMemory(), YamlDocument.number(jvm, "maxHeapBytes"));
        assertEquals(ManagementFactory.getRuntimeMXBean().getInputArguments(), jvm.get("inputArguments"));
    }

    /**
     * Chronicle Wire 2026.7 reads a section field by field only in the order written, every
     * sequence included: its YAML reader cannot skip a sequence of quoted texts (it throws
     * IllegalStateException "TEXT"), which JVM arguments always are.
     */
    @Test
    void shouldReadBackFieldByFieldThroughAYamlWire() throws Exception
    {
        final Path file = dir.resolve("probe.yaml");
        ConfigYaml.write(file, "probe", ConfigYamlTest::writeFields, System.err);

        final Wire wire = WireType.YAML_ONLY.apply(Bytes.wrapForRead(Files.readAllBytes(file)));
        final List<String> awkward = new ArrayList<>();
        final List<String> inputArguments = new ArrayList<>();
        wire.read("probe").marshallable((in) ->
        {
            assertEquals("tcp://127.0.0.1:5556", in.read("endpoint").text());
            assertEquals(65_536L, in.read("ringSize").int64());
            assertTrue(in.read("quiet").bool());
            assertNull(in.read("format").text());
            in.read("nested").marshallable((nested) -> assertEquals(1_000L, nested.read("lingerMs").int64()));
            in.read("awkward").sequence(awkward, ConfigYamlTest::readTexts);
            in.read(ConfigYaml.JVM).marshallable((jvm) ->
            {
                assertEquals(ProcessHandle.current().pid(), jvm.read("pid").int64());
                assertEquals(System.getProperty("java.vm.name"), jvm.read("name").text());
                assertEquals(System.getProperty("java.vendor"), jvm.read("vendor").text());
                assertEquals(Runtime.version().toString(), jvm.read("version").text());
                assertEquals(Runtime.getRuntime().maxMemory(), jvm.read("maxHeapBytes").int64());
                jvm.read("inputArguments").sequence(inputArguments, ConfigYamlTest::readTexts);
            });
        });

        assertEquals(AWKWARD, awkward);
        assertEquals(ManagementFactory.getRuntimeMXBean().getInputArguments(), inputArguments);
    }

    @Test
    void shouldDescribeTheMachine()
    {
        final Map<?, ?> machine = YamlDocument.map(YamlDocument.parse(ConfigYaml.machineSection()), ConfigYaml.MACHINE);

        assertEquals(Runtime.getRuntime().availableProcessors(), YamlDocument.number(machine, "availableProcessors"));
        assertEquals(CpuAffinity.format(CpuAffinity.online("test")), machine.get("cpusOnline"));
        assertEquals(System.getProperty("os.name"), machine.get("osName"));
        assertEquals(System.getProperty("os.version"), machine.get("osVersion"));
        assertEquals(System.getProperty("os.arch"), machine.get("osArch"));
        assertTrue(YamlDocument.number(machine, "totalMemoryBytes") > 0, machine.toString());
        assertFalse(machine.containsKey(ConfigYaml.JVM), "the machine is not a process");
    }

    @Test
    void shouldJoinSectionsOneAfterAnotherIntoOneDocument()
    {
        final String joined = ConfigYaml.machineSection() +
            ConfigYaml.processSection("broker", (wire) -> wire.write("ringSize").int64(1_024)) +
            ConfigYaml.processSection("bot", ConfigYamlTest::writeFields);

        final Map<?, ?> document = YamlDocument.parse(joined);

        assertEquals(List.of("machine", "broker", "bot"), new ArrayList<>(document.keySet()));
        assertEquals(1_024L, YamlDocument.number(YamlDocument.map(document, "broker"), "ringSize"));
        assertEquals(AWKWARD, YamlDocument.map(document, "bot").get("awkward"));
    }

    @Test
    void shouldSayInOneLineNamingTheFileWhenItCannotBeWritten()
    {
        final Path file = dir.resolve("no-such-dir").resolve("bot.yaml");
        final ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertFalse(ConfigYaml.write(file, "bot", ConfigYamlTest::writeFields, new PrintStream(err, true)));

        final String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("bot: cannot write " + file + ": "), message);
        assertFalse(Files.exists(file));
    }

    @Test
    void shouldPutTheSectionBesideTheSummaryFile()
    {
        assertEquals(dir.resolve("bot.yaml"), ConfigYaml.besideSummary(dir.resolve("bot.json"), "bot"));
        assertEquals(dir.resolve("sidecar.yaml"), ConfigYaml.besideSummary(dir.resolve("any.json"), "sidecar"));
    }

    private static void writeFields(final WireOut wire)
    {
        wire.write("endpoint").text("tcp://127.0.0.1:5556");
        wire.write("ringSize").int64(65_536);
        wire.write("quiet").bool(true);
        wire.write("format").text((String)null);
        wire.write("nested").marshallable((nested) -> nested.write("lingerMs").int64(1_000));
        ConfigYaml.writeTexts(wire, "awkward", AWKWARD);
    }

    private static void readTexts(final List<String> texts, final ValueIn in)
    {
        while (in.hasNextSequenceItem())
        {
            texts.add(in.text());
        }
    }

    private static List<Object> lastTwo(final Set<?> keys)
    {
        final List<Object> list = new ArrayList<>(keys);
        return list.subList(list.size() - 2, list.size());
    }
}
