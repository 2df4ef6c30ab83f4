package dev.quietloop.protocol.process;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatMainTest
{
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @Test
    void shouldPrintEachCounterOfARunningProcessWithItsRate() throws Exception
    {
        try (CounterRegistry registry = CounterRegistry.inFile(dir, "bot", 16))
        {
            final AtomicCounter ticks = registry.newCounter("bot.ticks");
            ticks.getAndAddRelease(3);
            registry.newCounter("bot.errors");
            final byte[] before = Files.readAllBytes(registry.file());

            final Result result = stat("--dir", dir.toString(), "--count", "1");

            assertEquals(ExitCodes.OK, result.exit, result.output);
            assertTrue(result.output.startsWith("== "), result.output);
            assertTrue(result.output.contains("1 process in " + dir), result.output);
            assertTrue(result.output.contains("bot  pid " + PID + "  up "), result.output);
            assertLine(result.output, "bot\\.ticks\\s+3\\s+\\d+/s");
            assertLine(result.output, "bot\\.errors\\s+0\\s+0/s");
            assertEquals(before.length, Files.readAllBytes(registry.file()).length);
            assertEquals(-1, Files.mismatch(registry.file(), writeTemp(before)), "the tool never writes");
        }
    }

    @Test
    void shouldDeriveTheRingDepthsFromTheCountersAroundTheRing() throws Exception
    {
        try (CounterRegistry registry = CounterRegistry.inFile(dir, "bot", 16))
        {
            registry.newCounter("bot.eventsProduced").getAndAddRelease(10);
            registry.newCounter("bot.ringRejected").getAndAddRelease(2);
            registry.newCounter("bot.eventsSent").getAndAddRelease(5);

            final Result result = stat("--dir", dir.toString(), "--count", "1");

            assertLine(result.output, "bot\\.ringDepth\\s+3\\s+= bot\\.eventsProduced - bot\\.ringRejected - bot\\.eventsSent");
            assertFalse(result.output.contains("broker.ringDepth"), result.output);
        }
    }

    @Test
    void shouldPrintAsManyTimesAsCounted() throws Exception
    {
        try (CounterRegistry registry = CounterRegistry.inFile(dir, "broker", 4))
        {
            registry.newCounter("broker.framesReceived");

            final Result result = stat("--dir", dir.toString(), "--count", "3", "--interval-ms", "1");

            assertEquals(3, result.output.lines().filter(line -> line.startsWith("== ")).count(), result.output);
            assertEquals(3, result.output.lines().filter(line -> line.startsWith("broker  pid ")).count());
        }
    }

    @Test
    void shouldSkipWhatAProcessThatDidNotExitCleanlyLeftUnlessAskedForAll() throws Exception
    {
        final CountersFile crashed = CountersFile.create(dir.resolve("bot-" + PID + ".counters"), "bot", PID, 0, 4);
        crashed.manager().newCounter("bot.ticks").setRelease(42);

        final Result quiet = stat("--dir", dir.toString(), "--count", "1");
        final Result all = stat("--dir", dir.toString(), "--count", "1", "--all");

        assertTrue(quiet.output.contains("0 processes in "), quiet.output);
        assertTrue(quiet.output.contains("(1 more left by processes that did not exit cleanly: --all shows them)"),
            quiet.output);
        assertFalse(quiet.output.contains("bot.ticks"), quiet.output);
        assertTrue(all.output.contains("bot  pid " + PID + "  NOT RUNNING"), all.output);
        assertLine(all.output, "bot\\.ticks\\s+42");
        assertTrue(Files.exists(dir.resolve("bot-" + PID + ".counters")), "the tool deletes nothing");
    }

    @Test
    void shouldSaySoWhenNoProcessRuns() throws Exception
    {
        final Result result = stat("--dir", dir.resolve("missing").toString(), "--count", "1");

        assertEquals(ExitCodes.OK, result.exit);
        assertTrue(result.output.contains("0 processes in " + dir.resolve("missing")), result.output);
    }

    @Test
    void shouldRefuseANonPositiveInterval() throws Exception
    {
        assertEquals(ExitCodes.USAGE, stat("--dir", dir.toString(), "--interval-ms", "0").exit);
    }

    private Path writeTemp(final byte[] bytes) throws Exception
    {
        return Files.write(Files.createTempFile(dir, "copy", ".bin"), bytes);
    }

    private static void assertLine(final String output, final String regex)
    {
        final Pattern line = Pattern.compile("^\\s+" + regex + "\\s*$", Pattern.MULTILINE);
        assertTrue(line.matcher(output).find(), "no line like " + regex + " in:\n" + output);
    }

    private static Result stat(final String... args)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int exit;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8))
        {
            exit = StatMain.run(out, args);
        }
        return new Result(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output)
    {
    }
}
