package dev.quietloop.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.quietloop.protocol.process.CpuAffinity;
import dev.quietloop.protocol.process.ExitCodes;
import net.openhft.chronicle.wire.WireType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run's config.yaml as bin/run-bot.sh leaves it: the machine, then the broker, the bot and the
 * sidecar stub each with its own effective configuration and JVM, read back by Chronicle Wire's
 * YAML parser, and no per-process file left beside it.
 */
class ConfigYamlIT
{
    @TempDir
    Path dir;

    @Test
    void shouldHoldTheMachineAndEveryProcessSectionInTheReportFolder() throws Exception
    {
        final Path reports = dir.resolve("reports");
        // Pinned, the whole run on one CPU this test may use: the broker passes its --cpus on.
        final String cpu = Integer.toString(CpuAffinity.parse("test", CpuAffinity.currentThreadCpus()).nextSetBit(0));
        final Script.Result run = script("run-bot.sh", "--run-id", "config", "--reports", reports.toString(),
            "--ingest", "tcp://127.0.0.1:0", "--bot-arg=--idle-trading=backoff", "--strategy", "imbalance", "--quiet",
            "--cpus", cpu, "--bot-arg=--trading-cpu=" + cpu);

        assertEquals(ExitCodes.OK, run.exit(), run.output());
        final Path runDir = reports.resolve("config");
        final Path file = runDir.resolve("config.yaml");
        assertTrue(Files.isRegularFile(file), run.output());
        assertFalse(Files.exists(runDir.resolve("bot.yaml")), "joined into config.yaml, then deleted");
        assertFalse(Files.exists(runDir.resolve("sidecar.yaml")), "joined into config.yaml, then deleted");

        final Map<?, ?> config = assertInstanceOf(Map.class,
            WireType.YAML_ONLY.fromString(Files.readString(file, StandardCharsets.UTF_8)));
        assertEquals(List.of("machine", "broker", "bot", "sidecar"), new ArrayList<>(config.keySet()));

        final Map<?, ?> machine = map(config, "machine");
        assertEquals(CpuAffinity.format(CpuAffinity.online("test")), machine.get("cpusOnline"));
        assertEquals(1, number(machine, "availableProcessors"), "the broker writes it pinned to one CPU");
        assertEquals(System.getProperty("os.name"), machine.get("osName"));

        final Map<?, ?> broker = map(config, "broker");
        assertEquals("config", map(broker, "run").get("id"), "a record of the run, not a flag: --config skips it");
        assertEquals(true, broker.get("launch-bot"));
        assertEquals(true, broker.get("launch-stub"));
        assertTrue(assertInstanceOf(List.class, broker.get("bot-arg")).contains("--strategy=imbalance"),
            broker.toString());
        assertEquals(cpu, broker.get("cpus"));

        // The bot's settings under the names of its flags, for bot.sh --config; its run's own in "run".
        final Map<?, ?> bot = map(config, "bot");
        assertEquals(QuietloopProcess.ROOT.resolve("data/sample-quotes.csv").toString(), bot.get("data"));
        assertEquals("imbalance", bot.get("strategy"));
        assertEquals("backoff", bot.get("idle-trading"));
        assertEquals(runDir.resolve("bot.json").toString(), map(bot, "run").get("summary"));
        assertFalse(bot.containsKey("summary"), "another run must not write over this one's report");
        assertEquals(null, bot.get("cpus"), "the broker's --cpus is no flag of the bot's");
        assertEquals(cpu, map(bot, "run").get("launcher-cpus"), "passed on by the broker: a record of the run");
        assertEquals(cpu, bot.get("trading-cpu"), "given to the bot by its user (--bot-arg): its flag");

        final Map<?, ?> sidecar = map(config, "sidecar");
        assertEquals(runDir.resolve("sidecar.json").toString(), map(sidecar, "outputs").get("summary"),
            "where the stub wrote: a record of the run, not a flag that --config would read back");
        assertEquals(null, sidecar.get("cpus"), "the broker's --cpus is no flag of the stub's");
        assertEquals(cpu, map(sidecar, "run").get("launcher-cpus"), "passed on by the broker: a record of the run");

        final List<String> jvmOptions = jvmOptions();
        final Set<Long> pids = new HashSet<>();
        for (final Map<?, ?> process : List.of(broker, bot, sidecar))
        {
            final Map<?, ?> jvm = map(process, "jvm");
            pids.add(number(jvm, "pid"));
            assertTrue(number(jvm, "maxHeapBytes") > 0, jvm.toString());
            final List<?> inputArguments = assertInstanceOf(List.class, jvm.get("inputArguments"));
            assertTrue(inputArguments.containsAll(jvmOptions), "started with config/jvm.options: " + jvm);
        }
        assertEquals(3, pids.size(), "three processes: " + pids);
    }

    @Test
    void shouldPinADefaultRunTheTradingThreadOnTheLastCpuAndTheRestOnTheOthers() throws Exception
    {
        final Path reports = dir.resolve("reports");
        final Script.Result run = script("run-bot.sh", "--run-id", "pinned", "--reports", reports.toString(),
            "--ingest", "tcp://127.0.0.1:0", "--bot-arg=--idle-trading=backoff", "--quiet");

        assertEquals(ExitCodes.OK, run.exit(), run.output());
        final Map<?, ?> config = assertInstanceOf(Map.class, WireType.YAML_ONLY.fromString(
            Files.readString(reports.resolve("pinned").resolve("config.yaml"), StandardCharsets.UTF_8)));
        final Map<?, ?> broker = map(config, "broker");
        assertEquals(true, broker.get("pin"));
        assertEquals(null, broker.get("cpus"), "the user chose none");
        final BitSet allowed = CpuAffinity.parse("test", CpuAffinity.currentThreadCpus());
        if (allowed.cardinality() < 2)
        {
            assertTrue(run.output().contains("broker: not pinned: 1 CPU allowed"), run.output());
            assertEquals(null, map(broker, "run").get("tradingCpu"));
            return;
        }
        final String trading = Integer.toString(allowed.length() - 1);
        final BitSet rest = (BitSet)allowed.clone();
        rest.clear(allowed.length() - 1);
        final String others = CpuAffinity.format(rest);
        assertTrue(run.output().contains("broker: pinned: trading thread on CPU " + trading +
            "; everything else on CPU " + others), run.output());
        assertEquals(trading, map(broker, "run").get("tradingCpu"));
        assertEquals(others, map(broker, "run").get("otherCpus"));
        // The broker's layout, recorded in each child's run map: as their flags, --config would pin them.
        final Map<?, ?> bot = map(config, "bot");
        assertEquals(null, bot.get("trading-cpu"));
        assertEquals(null, bot.get("cpus"));
        assertEquals(trading, map(bot, "run").get("launcher-trading-cpu"));
        assertEquals(others, map(bot, "run").get("launcher-cpus"));
        assertEquals(null, map(config, "sidecar").get("cpus"));
        assertEquals(others, map(map(config, "sidecar"), "run").get("launcher-cpus"));
        assertEquals(rest.cardinality(), number(map(config, "machine"), "availableProcessors"),
            "the broker writes it pinned to the rest");
    }

    @Test
    void shouldLeaveEveryThreadToTheSystemWithNoPin() throws Exception
    {
        final Path reports = dir.resolve("reports");
        final Script.Result run = script("run-bot.sh", "--run-id", "free", "--reports", reports.toString(),
            "--ingest", "tcp://127.0.0.1:0", "--bot-arg=--idle-trading=backoff", "--quiet", "--no-pin");

        assertEquals(ExitCodes.OK, run.exit(), run.output());
        assertFalse(run.output().contains("pinned"), run.output());
        final Map<?, ?> config = assertInstanceOf(Map.class, WireType.YAML_ONLY.fromString(
            Files.readString(reports.resolve("free").resolve("config.yaml"), StandardCharsets.UTF_8)));
        assertEquals(false, map(config, "broker").get("pin"));
        assertEquals(null, map(config, "bot").get("cpus"));
        assertEquals(null, map(config, "bot").get("trading-cpu"));
        assertEquals(null, map(config, "sidecar").get("cpus"));
    }

    private static Map<?, ?> map(final Map<?, ?> parent, final String key)
    {
        return assertInstanceOf(Map.class, parent.get(key), () -> "no map under '" + key + "' in " + parent);
    }

    private static long number(final Map<?, ?> parent, final String key)
    {
        return assertInstanceOf(Number.class, parent.get(key), () -> "no number under '" + key + "' in " + parent)
            .longValue();
    }

    /** The flags in config/jvm.options, as the JVM lists them once the launcher has read the file. */
    private static List<String> jvmOptions() throws IOException
    {
        return Files.readAllLines(QuietloopProcess.ROOT.resolve("config/jvm.options"), StandardCharsets.UTF_8).stream()
            .map(String::strip)
            .filter((line) -> !line.isEmpty() && !line.startsWith("#"))
            .toList();
    }

    private Script.Result script(final String name, final String... args) throws IOException, InterruptedException
    {
        return Script.run(dir, name, args);
    }
}
