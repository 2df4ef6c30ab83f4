package dev.quietloop.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.quietloop.wire.EventType;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.Readiness;
import dev.quietloop.protocol.process.SummaryJson;
import dev.quietloop.wire.testing.ForgedFrames;
import dev.quietloop.protocol.testing.LoopbackPorts;
import dev.quietloop.protocol.testing.ZmtpPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fault matrix: each fault a user meets, driven through {@code bin/run-bot.sh} in a process
 * group of its own ({@code setsid}), as a terminal runs it, with the exact account each must end
 * in. {@code bin/fault-matrix.sh} runs the same faults by hand and prints them as a table.
 */
class FaultMatrixIT
{
    /** Long enough at {@link #RATE} that every fault lands mid-run. */
    private static final String TICKS = "200000";
    private static final String RATE = "20000";
    private static final long RUN_TIMEOUT_S = 120;
    private static final Path SAMPLE = QuietloopProcess.ROOT.resolve("data/sample-quotes.csv");

    @TempDir
    static Path dir;
    private static Path data;
    private Run run;

    @BeforeAll
    static void generateData() throws Exception
    {
        data = dir.resolve("faults.csv");
        final Process gen = new ProcessBuilder(QuietloopProcess.ROOT.resolve("bin/gen-market-data.sh").toString(),
            "--ticks", TICKS, "--seed", "15", "--out", data.toString())
            .redirectErrorStream(true).redirectOutput(dir.resolve("gen.log").toFile()).start();
        assertTrue(gen.waitFor(RUN_TIMEOUT_S, TimeUnit.SECONDS));
        assertEquals(0, gen.exitValue(), Files.readString(dir.resolve("gen.log")));
    }

    @AfterEach
    void killWhatIsLeft()
    {
        if (null != run)
        {
            run.close();
        }
    }

    /** Ctrl-C reaches the whole process group; SIGTERM only the broker, which ends the run as Ctrl-C does. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({ "ctrl-c, INT, true", "sigterm, TERM, false" })
    void shouldEndAnInterruptInABalancedPartialReportWithEveryProcessesSide(
        final String id, final String signal, final boolean toGroup) throws Exception
    {
        run = Run.start(id);
        run.awaitMidRun();
        if (toGroup)
        {
            run.signalGroup(signal);
        }
        else
        {
            run.signal(signal);
        }

        assertEquals(ExitCodes.INTERRUPTED, run.awaitExit(), run.output());
        assertStoppedInOrder(run);
    }

    @Test
    void shouldStopEveryChildWhenTheBrokerIsKilledEachWritingItsOwnSide() throws Exception
    {
        run = Run.start("broker-kill");
        run.awaitMidRun();
        final List<ProcessHandle> children = run.children();
        assertEquals(2, children.size(), "the stub and the bot");
        run.signal("KILL");
        run.awaitExit();

        for (final ProcessHandle child : children)
        {
            assertTrue(awaitGone(child), "child " + child.pid() + " outlived its launcher");
        }
        // They stopped by themselves, through their parent link, not by a kill: each wrote its summary.
        final Map<String, Long> bot = SummaryJson.read(run.runDir().resolve("bot.json"));
        final Map<String, Long> stub = SummaryJson.read(run.runDir().resolve("sidecar.json"));
        assertEquals(1L, bot.get("bot.partial"));
        assertTrue(bot.get("bot.eventsProduced") > 0);
        assertTrue(stub.get("sidecar.eventsReceived") > 0);
        // The bot claims only what the broker acknowledged before it died.
        assertEquals(bot.get("bot.eventsSent"), bot.get("bot.eventsAcked") + bot.get("bot.unacked"));
        assertTrue(bot.get("bot.unacked") >= 0);
    }

    @Test
    void shouldNameADeadBotAndCountWhatItsDeathCost() throws Exception
    {
        run = Run.start("bot-kill");
        run.awaitMidRun();
        run.killChild("BotMain");

        assertEquals(ExitCodes.CHILD_FAILED, run.awaitExit(), run.output());
        assertTrue(run.output().contains("broker: bot (pid "), run.output());
        assertTrue(run.output().contains("died mid-run"), run.output());
        final Map<String, Long> summary = run.summary();
        final long lost = summary.get("run.lostWith.bot");
        assertEquals(1L, summary.get("bot.partial"), "its side, from the counts it left");
        assertEquals(summary.get("bot.eventsProduced") - summary.get("bot.ringRejected"),
            summary.get("broker.eventsReceived") + lost, "what it produced reached the broker or died with it");
        assertEquals(summary.get("broker.eventsReceived"), summary.get("sidecar.eventsReceived"));
        final String text = Files.readString(run.runDir().resolve("summary.txt"));
        assertTrue(text.contains("ended early, exit code 4") && text.contains("bot, ") && text.contains("events lost with it"), text);
    }

    @Test
    void shouldNameADeadStubEndTheRunAndCountWhatItsDeathCost() throws Exception
    {
        run = Run.start("stub-kill");
        run.awaitMidRun();
        run.killChild("SidecarStubMain");

        assertEquals(ExitCodes.CHILD_FAILED, run.awaitExit(), run.output());
        assertTrue(run.output().contains("broker: sidecar-stub (pid "), run.output());
        final Map<String, Long> summary = run.summary();
        final long lost = summary.get("run.lostWith.sidecar-stub");
        assertEquals(1L, summary.get("sidecar.partial"), "its side, from the counts it left");
        assertEquals(summary.get("bot.eventsProduced"), summary.get("bot.ringRejected") + summary.get("bot.unsent") +
            summary.get("sidecar.eventsReceived") + lost, "every event produced is received or counted as lost");
        assertEquals(1L, summary.get("bot.partial"), "the bot was stopped: nobody was left to deliver to");
    }

    @Test
    void shouldLoseNothingWhenTheStubIsStoppedAndContinuedWithinTheHeartbeatTimeout() throws Exception
    {
        run = Run.start("stub-stop");
        run.awaitMidRun();
        final long stub = run.child("SidecarStubMain").pid();
        Run.kill("-STOP", Long.toString(stub));
        Thread.sleep(2_000); // under the 5 s heartbeat timeout: the link holds, the rings take up the slack
        Run.kill("-CONT", Long.toString(stub));

        assertEquals(ExitCodes.OK, run.awaitExit(), run.output());
        final Map<String, Long> summary = run.summary();
        assertEquals(summary.get("bot.eventsProduced"), summary.get("sidecar.eventsReceived"), "balanced");
        assertEquals(0L, summary.get("broker.sidecarDisconnects"));
    }

    @Test
    void shouldCountTheFramesInFlightWhenAnExternalSidecarIsKilledAndRestarted() throws Exception
    {
        final Endpoint sidecar = LoopbackPorts.unused();
        try (Sidecar first = Sidecar.start(sidecar, "first"))
        {
            run = Run.start("stub-restart", "--sidecar", sidecar.toString());
            run.awaitMidRun();
            first.kill();
            final Sidecar second = Sidecar.start(sidecar, "second");
            try
            {
                assertEquals(ExitCodes.UNDELIVERED, run.awaitExit(), run.output());
            }
            finally
            {
                second.close();
            }
        }
        final Map<String, Long> summary = run.summary();
        assertTrue(summary.get("broker.sidecarDisconnects") >= 1, summary.toString());
        assertTrue(summary.get("broker.framesInFlightAtDisconnect") > 0, summary.toString());
        final String text = Files.readString(run.runDir().resolve("summary.txt"));
        assertTrue(text.contains("their delivery cannot be proven"), text);
    }

    @Test
    void shouldKeepServingTheBotThroughHostileBytesAndForgedFramesAndCountEachForgery() throws Exception
    {
        final Endpoint ingest = LoopbackPorts.unused();
        run = Run.start("hostile", "--ingest", ingest.toString());
        run.awaitMidRun();
        final Random random = new Random(15);
        for (int i = 0; i < 20; i++)
        {
            hostile(ZmtpPeer.connect(ingest), peer -> peer.random(random, 4_096));
            hostile(ZmtpPeer.connect(ingest), peer -> peer.write(ZmtpPeer.greeting()).random(random, 4_096));
        }
        final ZmtpPeer topBit = ZmtpPeer.connect(ingest).handshakeAs("DEALER");
        topBit.announce(Long.MIN_VALUE | 1_549_091_498L, new byte[64]).abort();
        final ZmtpPeer forger = ZmtpPeer.connect(ingest).handshakeAs("DEALER");
        for (int i = 0; i < 5; i++)
        {
            forger.message(ForgedFrames.business(99, 1_000_000 + i, 3));
        }
        forger.message(ForgedFrames.control(EventType.END_OF_STREAM, 99, 15));
        forger.close();

        assertEquals(ExitCodes.OK, run.awaitExit(), run.output());
        final Map<String, Long> summary = run.summary();
        assertEquals(6L, summary.get("broker.rejectedUnknownSource"), "each forged frame, counted, none forwarded");
        assertEquals(0L, summary.get("broker.ingressRestarts"), "the ingest never went down");
        assertEquals(summary.get("bot.eventsProduced"), summary.get("sidecar.eventsReceived"), "the bot's all arrived");
        assertEquals(summary.get("bot.eventsProduced"), summary.get("broker.eventsReceived"), "and no forged event");
        assertEquals(1L, summary.get("sidecar.streams"));
    }

    @Test
    void shouldCountEverythingABotSentToNoBrokerAsUnacknowledgedAndExitThree() throws Exception
    {
        final Path summaryFile = dir.resolve("no-broker.json");
        final Script.Result result = Script.run(dir, "bot.sh", "--data", SAMPLE.toString(),
            "--broker", LoopbackPorts.unused().toString(), "--link-wait-ms", "200", "--drain-timeout", "1", "--quiet",
            "--summary", summaryFile.toString());

        assertEquals(ExitCodes.UNDELIVERED, result.exit(), result.output());
        assertTrue(result.output().contains("were not acknowledged by it (no link to it ever came up)"), result.output());
        final Map<String, Long> summary = SummaryJson.read(summaryFile);
        assertEquals(0L, summary.get("bot.eventsAcked"));
        assertTrue(summary.get("bot.unacked") > 0, summary.toString());
        assertEquals(summary.get("bot.eventsSent"), summary.get("bot.unacked"), "whatever its socket queued");
        assertEquals(summary.get("bot.eventsProduced"),
            summary.get("bot.ringRejected") + summary.get("bot.eventsSent") + summary.get("bot.unsent"));
    }

    @Test
    void shouldRefuseAnIngestOffLoopbackWithoutKeysInOneLine() throws Exception
    {
        final Script.Result result = Script.run(dir, "run-bot.sh", "--ingest", "tcp://0.0.0.0:0",
            "--reports", dir.resolve("reports").toString(), "--run-id", "open");

        assertEquals(ExitCodes.USAGE, result.exit(), result.output());
        assertEquals(1, result.output().lines().filter(line -> !line.isBlank()).count(), result.output());
        assertTrue(result.output().contains("--keys"), result.output());
        assertFalse(Files.exists(dir.resolve("reports/open")), "nothing ran");
    }

    /** A reports disk that the children's files fill, so the broker's report is what cannot be written. */
    private static final int FULL_DISK_KB = 80;

    @Test
    void shouldPrintTheAccountAndExitFiveWhenTheReportsDiskIsFull() throws Exception
    {
        final Path full = Files.createDirectories(dir.resolve("full-disk"));
        // Room for what the bot and the stub write (about 16 small files, a 4 KB page each: their
        // configuration, hop logs, safepoint log and summaries), not for the broker's report after them.
        assumeTrue(0 == new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + FULL_DISK_KB + "k", "tmpfs", full.toString())
            .redirectErrorStream(true).redirectOutput(dir.resolve("mount.log").toFile()).start().waitFor(),
            "a small tmpfs needs root and mount: " + Files.readString(dir.resolve("mount.log")));
        try
        {
            final Script.Result result =
                Script.run(dir, "run-bot.sh", "--reports", full.toString(), "--run-id", "full", "--no-plots");
            final String output = result.output();

            assertEquals(ExitCodes.REPORT_NOT_WRITTEN, result.exit(), output);
            assertTrue(output.contains("broker: cannot write the report in " + full.resolve("full")), output);
            assertTrue(output.contains("No space left on device"), output);
            assertTrue(output.contains("produced 4092 = ring rejected 0 + sent 4092: holds"), output);
            assertTrue(output.contains("(the run alone would have exited 0)"), output);
        }
        finally
        {
            new ProcessBuilder("umount", full.toString()).start().waitFor();
        }
    }

    /** Sends a hostile peer's bytes; the broker may drop it part way, which is what it should do. */
    private static void hostile(final ZmtpPeer peer, final Consumer<ZmtpPeer> bytes)
    {
        try
        {
            bytes.accept(peer);
        }
        catch (final UncheckedIOException ex)
        {
            // dropped by the broker
        }
        finally
        {
            peer.abort();
        }
    }

    /** Ctrl-C and SIGTERM end alike: every side in, balanced, nothing left running. */
    private static void assertStoppedInOrder(final Run run) throws IOException
    {
        final Map<String, Long> summary = run.summary();
        assertEquals(1L, summary.get("run.partial"));
        assertEquals(1L, summary.get("bot.partial"));
        assertTrue(Files.exists(run.runDir().resolve("bot.json")), "the bot wrote its side");
        assertTrue(Files.exists(run.runDir().resolve("sidecar.json")), "the stub wrote its side");
        assertEquals(0L, summary.get("bot.ringRejected"));
        assertEquals(summary.get("bot.eventsProduced"), summary.get("sidecar.eventsReceived"), "balanced");
        assertEquals(0L, summary.get("sidecar.gaps"));
        assertFalse(summary.containsKey("run.missingAtSidecar"));
        final String text = Files.readString(run.runDir().resolve("summary.txt"));
        assertFalse(text.contains("not in this summary"), text);
        assertTrue(text.contains("PARTIAL"), text);
        for (final ProcessHandle child : run.childrenSeen)
        {
            assertFalse(child.isAlive(), "left running: " + child.pid());
        }
    }

    private static boolean awaitGone(final ProcessHandle process) throws InterruptedException
    {
        for (int i = 0; i < 200 && process.isAlive(); i++)
        {
            Thread.sleep(50);
        }
        return !process.isAlive();
    }

    /** One {@code setsid bin/run-bot.sh} run: the broker leads its own process group. */
    private static final class Run implements AutoCloseable
    {
        private final String id;
        private final Process process;
        private final Path output;
        private final List<ProcessHandle> childrenSeen = new ArrayList<>();

        private Run(final String id, final Process process, final Path output)
        {
            this.id = id;
            this.process = process;
            this.output = output;
        }

        static Run start(final String id, final String... extra) throws IOException
        {
            final List<String> command = new ArrayList<>(List.of("setsid",
                QuietloopProcess.ROOT.resolve("bin/run-bot.sh").toString(), "--data", data.toString(), "--rate", RATE,
                "--run-id", id, "--reports", dir.resolve("reports").toString(), "--no-plots"));
            command.addAll(Script.ephemeralIngest("run-bot.sh", extra));
            command.addAll(List.of(extra));
            final Path output = dir.resolve(id + ".log");
            final ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            return new Run(id, builder.start(), output);
        }

        /** Until the bot has reported progress twice: events are flowing through every hop. */
        void awaitMidRun() throws IOException, InterruptedException
        {
            for (int i = 0; i < RUN_TIMEOUT_S * 10; i++)
            {
                if (output().split("bot: progress", -1).length > 2)
                {
                    childrenSeen.addAll(children());
                    return;
                }
                assertTrue(process.isAlive(), "ended before mid-run:\n" + output());
                Thread.sleep(100);
            }
            throw new AssertionError("never reached mid-run:\n" + output());
        }

        List<ProcessHandle> children()
        {
            return process.children().toList();
        }

        /** setsid execs in place, and run-bot.sh execs the broker: its pid is the group's id. */
        void signalGroup(final String signal) throws IOException, InterruptedException
        {
            kill("-" + signal, "--", "-" + process.pid());
        }

        void signal(final String signal) throws IOException, InterruptedException
        {
            kill("-" + signal, Long.toString(process.pid()));
        }

        void killChild(final String mainClass) throws IOException, InterruptedException
        {
            kill("-KILL", Long.toString(child(mainClass).pid()));
        }

        ProcessHandle child(final String mainClass)
        {
            return children().stream()
                .filter(p -> p.info().commandLine().orElse("").contains(mainClass)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + mainClass + " child"));
        }

        static void kill(final String... args) throws IOException, InterruptedException
        {
            final List<String> command = new ArrayList<>(List.of("kill"));
            command.addAll(List.of(args));
            assertEquals(0, new ProcessBuilder(command).inheritIO().start().waitFor());
        }

        int awaitExit() throws InterruptedException, IOException
        {
            if (!process.waitFor(RUN_TIMEOUT_S, TimeUnit.SECONDS))
            {
                throw new AssertionError(id + " still running; output:\n" + output());
            }
            return process.exitValue();
        }

        Path runDir()
        {
            return dir.resolve("reports").resolve(id);
        }

        Map<String, Long> summary()
        {
            return SummaryJson.read(runDir().resolve("summary.json"));
        }

        String output() throws IOException
        {
            return Files.readString(output, StandardCharsets.UTF_8);
        }

        @Override
        public void close()
        {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            childrenSeen.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** An external sidecar: {@code bin/sidecar-stub.sh} bound where the run will send. */
    private static final class Sidecar implements AutoCloseable
    {
        private final Process process;
        private final Path output;

        private Sidecar(final Process process, final Path output)
        {
            this.process = process;
            this.output = output;
        }

        static Sidecar start(final Endpoint bind, final String name) throws IOException, InterruptedException
        {
            final Path output = dir.resolve("sidecar-" + name + ".log");
            final ProcessBuilder builder = new ProcessBuilder(
                QuietloopProcess.ROOT.resolve("bin/sidecar-stub.sh").toString(), "--bind", bind.toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            final Sidecar sidecar = new Sidecar(builder.start(), output);
            for (int i = 0; i < RUN_TIMEOUT_S * 10 && !Files.readString(output).contains(Readiness.PREFIX); i++)
            {
                assertTrue(sidecar.process.isAlive(), "the sidecar ended before it was ready:\n" + Files.readString(output));
                Thread.sleep(100);
            }
            return sidecar;
        }

        void kill() throws IOException, InterruptedException
        {
            Run.kill("-KILL", Long.toString(process.pid()));
            process.waitFor(RUN_TIMEOUT_S, TimeUnit.SECONDS);
        }

        @Override
        public void close()
        {
            process.destroyForcibly();
        }
    }
}
