package dev.quietloop.dist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.process.CpuAffinity;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.SummaryJson;
import dev.quietloop.protocol.testing.YamlDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/run-bot.sh --config perf/reports/RUN/config.yaml} runs a past run again: the broker
 * takes its section of the file, passes the file on to the bot and the stub, which take theirs,
 * and the new run lands in a report folder of its own with the same settings and the same events.
 * <p>
 * Needs the bot and the sidecar stub to take {@code --config} (their sections keyed by their flag
 * names: {@code strategy}, {@code ring-size}, ...). On a branch where they do not yet, the bot
 * refuses the flag the broker passes it and the second run exits 2: this test fails there, as it
 * should, and passes once their side is merged.
 */
class ConfigReuseIT
{
    /** What names a run's own outputs and endpoints, not a setting: each run has its own. */
    private static final Set<String> PER_RUN_KEYS = Set.of("summary", "broker", "config");

    @TempDir
    Path dir;

    @Test
    void shouldRunAPastRunAgainFromItsConfigYamlIntoAReportFolderOfItsOwn() throws Exception
    {
        final Path reports = dir.resolve("reports");
        final Script.Result first = Script.run(dir, "run-bot.sh", "--run-id", "first", "--reports", reports.toString(),
            "--ingest", "tcp://127.0.0.1:0", "--strategy", "tick-signal", "--bot-arg=--ring-size=1024", "--quiet",
            "--no-plots");
        assertEquals(ExitCodes.OK, first.exit(), first.output());
        final Path firstDir = reports.resolve("first");

        final Script.Result again = Script.run(dir, "run-bot.sh", "--config", firstDir.resolve("config.yaml").toString());

        assertEquals(ExitCodes.OK, again.exit(), again.output());
        final Path againDir = reports.resolve(Files.readSymbolicLink(reports.resolve("latest")));
        assertNotEquals(firstDir, againDir, "a folder of its own: " + again.output());
        assertTrue(Files.isRegularFile(firstDir.resolve("summary.json")), "the first run's report is left as it was");

        final Map<?, ?> firstConfig = YamlDocument.read(firstDir.resolve("config.yaml"));
        final Map<?, ?> againConfig = YamlDocument.read(againDir.resolve("config.yaml"));
        final Map<?, ?> bot = YamlDocument.map(againConfig, "bot");
        assertEquals("tick-signal", bot.get("strategy"), bot.toString());
        assertEquals(1024L, YamlDocument.number(bot, "ring-size"), bot.toString());
        for (final String section : new String[] {"broker", "bot"})
        {
            assertEquals(settings(YamlDocument.map(firstConfig, section)), settings(YamlDocument.map(againConfig, section)),
                section);
        }

        final Map<String, Long> firstSummary = SummaryJson.read(firstDir.resolve("summary.json"));
        final Map<String, Long> againSummary = SummaryJson.read(againDir.resolve("summary.json"));
        assertEquals(firstSummary.get(Accounting.BOT_EVENTS_PRODUCED), againSummary.get(Accounting.BOT_EVENTS_PRODUCED));
        assertEquals(firstSummary.get(Accounting.BOT_FINGERPRINT), againSummary.get(Accounting.BOT_FINGERPRINT),
            "the same data, strategy and options give the same events");
    }

    /**
     * The default layout is the broker's decision, made again on every run: a pinned run's file run
     * again with {@code --no-pin} pins nothing (its children's sections name no CPUs of theirs), and
     * run again as it is, it is pinned by the new broker's default, not by the file's children.
     */
    @Test
    void shouldPinNothingWhenAPinnedRunIsRunAgainWithNoPinAndPinByTheBrokersDefaultWithout() throws Exception
    {
        final Path reports = dir.resolve("reports");
        final Script.Result pinned = Script.run(dir, "run-bot.sh", "--run-id", "pinned", "--reports", reports.toString(),
            "--bot-arg=--idle-trading=backoff", "--quiet", "--no-plots");
        assertEquals(ExitCodes.OK, pinned.exit(), pinned.output());
        final String file = reports.resolve("pinned").resolve("config.yaml").toString();
        final BitSet allowed = CpuAffinity.parse("test", CpuAffinity.currentThreadCpus());
        // Where this machine cannot pin (1 CPU, no taskset), no run is pinned: the first says why,
        // and the runs again below must still pin nothing.
        final boolean canPin = allowed.cardinality() >= 2 && CpuAffinity.available();
        final BitSet rest = (BitSet)allowed.clone();
        rest.clear(allowed.length() - 1);
        final String trading = canPin ? Integer.toString(allowed.length() - 1) : null;
        final String others = canPin ? CpuAffinity.format(rest) : null;
        final String pinnedLine = "broker: pinned: trading thread on CPU " + trading + "; everything else on CPU " + others;
        assertTrue(pinned.output().contains(canPin ? pinnedLine : "broker: not pinned: "), pinned.output());
        assertCpus(YamlDocument.read(reports.resolve("pinned").resolve("config.yaml")), trading, others);

        final Script.Result free = Script.run(dir, "run-bot.sh", "--config", file, "--run-id", "free", "--no-pin");

        assertEquals(ExitCodes.OK, free.exit(), free.output());
        assertFalse(free.output().contains("pinned"), free.output());
        final Map<?, ?> freeConfig = YamlDocument.read(reports.resolve("free").resolve("config.yaml"));
        assertEquals(false, YamlDocument.map(freeConfig, "broker").get("pin"));
        assertEquals(null, YamlDocument.map(YamlDocument.map(freeConfig, "broker"), "run").get("tradingCpu"));
        assertCpus(freeConfig, null, null);

        final Script.Result again = Script.run(dir, "run-bot.sh", "--config", file, "--run-id", "again");

        assertEquals(ExitCodes.OK, again.exit(), again.output());
        assertTrue(again.output().contains(canPin ? pinnedLine : "broker: not pinned: "), again.output());
        final Map<?, ?> againConfig = YamlDocument.read(reports.resolve("again").resolve("config.yaml"));
        assertCpus(againConfig, trading, others);
    }

    /** The children's CPUs in a run's config.yaml: the broker's layout in their run maps, and no CPU flags of theirs. */
    private static void assertCpus(final Map<?, ?> config, final String trading, final String others)
    {
        final Map<?, ?> bot = YamlDocument.map(config, "bot");
        final Map<?, ?> sidecar = YamlDocument.map(config, "sidecar");
        assertEquals(null, bot.get("cpus"), bot.toString());
        assertEquals(null, bot.get("trading-cpu"), bot.toString());
        assertEquals(null, sidecar.get("cpus"), sidecar.toString());
        assertEquals(trading, YamlDocument.map(bot, "run").get("launcher-trading-cpu"), bot.toString());
        assertEquals(others, YamlDocument.map(bot, "run").get("launcher-cpus"), bot.toString());
        assertEquals(others, YamlDocument.map(sidecar, "run").get("launcher-cpus"), sidecar.toString());
    }

    /** A section's settings: its scalars and sequences, without the records (maps) and the run's own names. */
    private static Map<Object, Object> settings(final Map<?, ?> section)
    {
        final Map<Object, Object> settings = new LinkedHashMap<>();
        section.forEach((key, value) ->
        {
            if (!(value instanceof Map) && !PER_RUN_KEYS.contains(String.valueOf(key)))
            {
                settings.put(key, value);
            }
        });
        return settings;
    }
}
