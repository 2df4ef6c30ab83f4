package dev.quietloop.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import dev.quietloop.protocol.process.CountersDirectory;
import dev.quietloop.protocol.process.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/stat.sh beside a real paced run of bin/run-bot.sh: the three processes show up with their
 * counters while the run goes on, and a clean stop (SIGTERM, as Ctrl-C) leaves no counters file.
 */
class LiveCountersIT
{
    private static final int PROCESSES = 3;
    private static final long START_TIMEOUT_MS = 60_000;
    private static final int STAT_ATTEMPTS = 5;

    @TempDir
    Path dir;

    @Test
    void shouldShowEveryProcessOfARunningReplayAndLeaveNoFileAfterACleanStop() throws Exception
    {
        final Path counters = dir.resolve("counters");
        final Path runOutput = dir.resolve("run.log");
        final Process run = start(counters, runOutput, "run-bot.sh",
            "--rate", "2000", "--bot-arg=--idle-trading=backoff", "--quiet",
            "--ingest", "tcp://127.0.0.1:0", "--reports", dir.resolve("reports").toString(), "--run-id", "live");
        try
        {
            awaitCountersFiles(counters, run, runOutput);

            final String stat = statUntilEveryRoleShows(counters);

            assertTrue(stat.contains("== "), stat);
            for (final String role : List.of("bot", "broker", "sidecar-stub"))
            {
                assertTrue(Pattern.compile("^" + role + "  pid \\d+  up ", Pattern.MULTILINE).matcher(stat).find(),
                    role + " missing from:\n" + stat);
            }
            assertLine(stat, "bot\\.ticks\\s+\\d+\\s+-?\\d+/s");
            assertLine(stat, "bot\\.ringDepth\\s+\\d+\\s+= .*");
            assertLine(stat, "broker\\.framesReceived\\s+\\d+\\s+-?\\d+/s");
            assertLine(stat, "broker\\.ringDepth\\s+\\d+\\s+= .*");
            assertLine(stat, "sidecar\\.eventsReceived\\s+\\d+\\s+-?\\d+/s");

            run.destroy();
            assertTrue(run.waitFor(2, TimeUnit.MINUTES), "the run did not stop on SIGTERM:\n" + read(runOutput));
            assertEquals(ExitCodes.INTERRUPTED, run.exitValue(), read(runOutput));
            assertEquals(List.of(), CountersDirectory.list(counters), "each process deletes its file at a clean exit");
        }
        finally
        {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
            run.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** One file a process: the bot's shows up last, once its data is loaded. */
    private static void awaitCountersFiles(final Path counters, final Process run, final Path runOutput)
        throws IOException, InterruptedException
    {
        final long deadlineMs = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (CountersDirectory.list(counters).size() < PROCESSES)
        {
            if (!run.isAlive() || System.currentTimeMillis() > deadlineMs)
            {
                throw new AssertionError("expected " + PROCESSES + " counters files in " + counters + ", found " +
                    CountersDirectory.list(counters) + "; run output:\n" + read(runOutput));
            }
            Thread.sleep(50);
        }
    }

    /** A file may be seen in the instant before its owner writes its header: then ask again. */
    private String statUntilEveryRoleShows(final Path counters) throws IOException, InterruptedException
    {
        String output = "";
        for (int attempt = 0; attempt < STAT_ATTEMPTS; attempt++)
        {
            final Path statOutput = dir.resolve("stat-" + attempt + ".log");
            final Process stat = start(dir.resolve("unused"), statOutput, "stat.sh",
                "--count", "1", "--dir", counters.toString());
            try
            {
                assertTrue(stat.waitFor(2, TimeUnit.MINUTES), "stat.sh did not stop after one print");
                output = read(statOutput);
                assertEquals(ExitCodes.OK, stat.exitValue(), output);
            }
            finally
            {
                stat.destroyForcibly();
            }
            if (output.contains(PROCESSES + " processes in " + counters))
            {
                return output;
            }
        }
        return output;
    }

    private Process start(final Path counters, final Path output, final String script, final String... args)
        throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(QuietloopProcess.ROOT.resolve("bin").resolve(script).toString());
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put(CountersDirectory.ENV, counters.toString());
        return builder.start();
    }

    private static void assertLine(final String output, final String regex)
    {
        assertTrue(Pattern.compile("^\\s+" + regex + "\\s*$", Pattern.MULTILINE).matcher(output).find(),
            "no line like " + regex + " in:\n" + output);
    }

    private static String read(final Path file) throws IOException
    {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
