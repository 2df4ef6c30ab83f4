package dev.quietloop.dist;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.SummaryJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A strategy plugin as its user makes one: {@code examples/strategy-plugin}, a Maven project of its
 * own that depends on the strategy API alone, built with Maven (offline, against the API this build
 * installed: the README's test command is {@code ./mvnw -B install}), then listed and replayed
 * through {@code bin/run-bot.sh --strategy-path}. Its signals reach the sidecar: as many as the
 * test counts from the sample file by the plugin's own rule.
 */
class PluginStrategyIT
{
    private static final Path EXAMPLE = QuietloopProcess.ROOT.resolve("examples/strategy-plugin");
    private static final Path SAMPLE = QuietloopProcess.ROOT.resolve("data/sample-quotes.csv");
    private static final String SIGNALS = "sidecar.byType.signal";

    @TempDir
    Path dir;

    @Test
    void shouldBuildTheExamplePluginAndReplayTheSampleThroughItToTheSidecar() throws Exception
    {
        final Path jar = buildExample();

        final Script.Result listed = Script.run(dir, "run-bot.sh", "--strategy-path", jar.toString(), "--list-strategies");
        assertEquals(ExitCodes.OK, listed.exit(), listed.output());
        assertTrue(listed.output().lines().anyMatch("spread-watch min-spread=0.03 code=100"::equals), listed.output());
        assertTrue(listed.output().lines().anyMatch("tick-signal"::equals), "the built-in ones beside it: " + listed.output());

        final Path reports = dir.resolve("reports");
        final Script.Result run = Script.run(dir, "run-bot.sh", "--strategy-path", jar.toString(),
            "--strategy", "spread-watch", "--strategy-param", "min-spread=0.02", "--reports", reports.toString(),
            "--run-id", "plugin", "--quiet", "--no-plots");

        assertEquals(ExitCodes.OK, run.exit(), run.output());
        final Map<String, Long> summary = SummaryJson.read(reports.resolve("plugin/summary.json"));
        final long expected = widenings(SAMPLE, new BigDecimal("0.02"));
        assertTrue(expected > 1_000, "the sample widens often enough to tell: " + expected);
        assertEquals(expected, summary.get(Accounting.BOT_EVENTS_PRODUCED), "one signal a widening, nothing else");
        assertEquals(expected, summary.get(SIGNALS), "every one at the sidecar, as a signal");
        assertEquals(expected, summary.get(Accounting.SIDECAR_EVENTS_RECEIVED));
        assertEquals(0L, summary.get(Accounting.SIDECAR_GAPS));
    }

    @Test
    void shouldRefuseAParameterThePluginDoesNotDeclareInOneLineListingItsOwn() throws Exception
    {
        final Path jar = buildExample();

        final Script.Result run = Script.run(dir, "run-bot.sh", "--strategy-path", jar.toString(),
            "--strategy", "spread-watch", "--strategy-param", "min-sprd=0.02", "--reports", dir.resolve("r").toString(),
            "--quiet", "--no-plots");

        assertEquals(ExitCodes.USAGE, run.exit(), run.output());
        assertTrue(run.output().contains(
            "bot: strategy 'spread-watch' has no parameter 'min-sprd' (its parameters: min-spread=0.03, code=100)"),
            run.output());
    }

    /** A copy of the example built with the Maven running this build: its jar. */
    private Path buildExample() throws IOException, InterruptedException
    {
        final Path project = dir.resolve("strategy-plugin");
        copy(EXAMPLE, project);
        final String mavenHome = System.getProperty("quietloop.mavenHome");
        final String mvn = null == mavenHome ? "mvn" : Path.of(mavenHome, "bin", "mvn").toString();
        final List<String> command = new ArrayList<>(List.of(mvn, "-B", "-q", "-o", "-f",
            project.resolve("pom.xml").toString(), "package"));
        final String repo = System.getProperty("quietloop.mavenRepo");
        if (null != repo)
        {
            command.add("-Dmaven.repo.local=" + repo);
        }
        final Path log = dir.resolve("maven.log");
        final ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
            .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        final Process maven = builder.start();
        try
        {
            assertTrue(maven.waitFor(3, TimeUnit.MINUTES), "the example's build did not end");
            assertEquals(0, maven.exitValue(), "the example plugin builds (after ./mvnw install): " +
                Files.readString(log, StandardCharsets.UTF_8));
        }
        finally
        {
            maven.descendants().forEach(ProcessHandle::destroyForcibly);
            maven.destroyForcibly();
        }
        final Path jar = project.resolve("target/spread-watch-strategy-0.1.0.jar");
        assertTrue(Files.isRegularFile(jar), "built: " + jar);
        return jar;
    }

    private static void copy(final Path from, final Path to) throws IOException
    {
        try (Stream<Path> files = Files.walk(from))
        {
            for (final Path file : files.filter(path -> !from.relativize(path).startsWith("target")).toList())
            {
                final Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file))
                {
                    Files.createDirectories(target);
                }
                else
                {
                    Files.copy(file, target);
                }
            }
        }
    }

    /**
     * The plugin's rule, counted apart from it: a signal each time a symbol's spread (ask - bid)
     * reaches {@code minSpread} from below it, every symbol starting narrow.
     */
    static long widenings(final Path quotes, final BigDecimal minSpread) throws IOException
    {
        final Map<String, Boolean> wide = new HashMap<>();
        long count = 0;
        final List<String> lines = Files.readAllLines(quotes, StandardCharsets.UTF_8);
        for (final String line : lines.subList(1, lines.size()))
        {
            final String[] fields = line.split(",");
            final boolean isWide = new BigDecimal(fields[4]).subtract(new BigDecimal(fields[2])).compareTo(minSpread) >= 0;
            if (isWide && !wide.getOrDefault(fields[1], false))
            {
                count++;
            }
            wide.put(fields[1], isWide);
        }
        return count;
    }
}
