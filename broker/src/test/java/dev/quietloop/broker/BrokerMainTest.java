package dev.quietloop.broker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.quietloop.broker.report.ReportWriter;
import dev.quietloop.broker.ring.TestFrames;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.Readiness;
import dev.quietloop.protocol.process.SummaryJson;
import dev.quietloop.protocol.testing.LoopbackPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

class BrokerMainTest
{
    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final ZContext context = new ZContext(1);
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void captureOutput()
    {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore()
    {
        System.setOut(savedOut);
        System.setErr(savedErr);
        context.close();
    }

    private String out()
    {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err()
    {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldExitWithUsageOnUnknownFlag()
    {
        assertEquals(ExitCodes.USAGE, BrokerMain.run("--no-such-flag"));
        assertTrue(err().contains("--no-such-flag"), err());
        assertEquals(1, err().strip().lines().count(), err());
    }

    @Test
    void shouldNameMissingDataFileBeforeLaunchingAnything()
    {
        final Path missing = dir.resolve("missing.csv");
        final Path reports = dir.resolve("reports");
        assertEquals(ExitCodes.USAGE, BrokerMain.run("--launch-bot", "--data", missing.toString(),
            "--reports", reports.toString()));
        assertTrue(err().contains(missing.toString()), err());
        assertEquals(1, err().strip().lines().count(), err());
        assertFalse(Files.exists(reports), "nothing was created");
    }

    @Test
    void shouldPassOptionLikeArgumentsToTheChildren()
    {
        // --ring-size is also a broker option: it must still reach the bot, not the broker.
        assertEquals(ExitCodes.USAGE, BrokerMain.run("--bot-arg=--ring-size=3", "--stub-arg", "--delay-us=200",
            "--ring-size", "1000", "--reports", dir.toString()));
        assertTrue(err().contains("--ring-size must be a power of two in [1, 1073741824]: 1000"), err());
    }

    @Test
    void shouldRejectRingSizeThatIsNotAPowerOfTwo()
    {
        assertEquals(ExitCodes.USAGE, BrokerMain.run("--ring-size", "1000", "--reports", dir.toString()));
        assertTrue(err().contains("--ring-size"), err());
    }

    @Test
    void shouldNameTheIngestEndpointWhenItsPortIsTaken()
    {
        final ZMQ.Socket holder = SocketSettings.DEFAULTS.pull(context);
        final Endpoint taken = SocketSettings.bind(holder, Endpoint.loopback(Endpoint.EPHEMERAL));

        assertEquals(ExitCodes.USAGE, BrokerMain.run("--ingest", taken.toString(), "--sidecar", "tcp://127.0.0.1:5557",
            "--reports", dir.toString(), "--run-id", "taken"));
        assertTrue(err().contains("cannot bind " + taken + ": address already in use"), err());
        assertEquals(1, err().strip().lines().count(), err());
        assertFalse(out().contains(Readiness.PREFIX), out());
    }

    @Test
    void shouldForwardEverythingAndWriteTheReportWhenTheStreamEnds() throws Exception
    {
        final ZMQ.Socket sidecar = SocketSettings.DEFAULTS.pull(context);
        final Endpoint sidecarEndpoint = SocketSettings.bind(sidecar, Endpoint.loopback(Endpoint.EPHEMERAL));
        final CompletableFuture<Integer> exitCode = startBroker("--sidecar", sidecarEndpoint.toString(),
            "--expect-bots", "1", "--run-id", "e2e");
        final ZMQ.Socket bot = connectBot(awaitBrokerReady());

        final List<byte[]> frames = List.of(
            TestFrames.business(3), TestFrames.heartbeat(), TestFrames.business(2), TestFrames.endOfStream());
        for (final byte[] frame : frames)
        {
            assertTrue(bot.send(frame, 0));
        }
        sidecar.setReceiveTimeOut(30_000);
        final List<byte[]> received = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++)
        {
            received.add(sidecar.recv());
        }
        assertEquals(ExitCodes.OK, exitCode.get(60, TimeUnit.SECONDS), err());
        for (int i = 0; i < frames.size(); i++)
        {
            assertArrayEquals(frames.get(i), received.get(i));
        }

        final Path runDir = dir.resolve("e2e");
        final Map<String, Long> summary = SummaryJson.read(runDir.resolve(ReportWriter.SUMMARY_FILE));
        assertEquals(4L, summary.get("broker.framesReceived"));
        assertEquals(4L, summary.get("broker.framesForwarded"));
        assertEquals(5L, summary.get("broker.eventsReceived"));
        assertEquals(5L, summary.get("broker.eventsForwarded"));
        assertEquals(2L, summary.get("broker.controlFrames"));
        assertEquals(1L, summary.get("broker.endOfStreams"));
        assertEquals(0L, summary.get("broker.undelivered"));
        assertEquals(0L, summary.get("broker.badFrames"));
        assertEquals(4L, summary.get("sendLatencyNs.count"));
        assertEquals(0L, summary.get("run.partial"));
        assertEquals(0L, summary.get("run.exitCode"));
        // The broker's own CPU time; the bot ran apart and the sidecar is external, so theirs are not known.
        assertTrue(summary.get("broker.cpuMs") > 0, summary.toString());
        assertFalse(summary.containsKey("bot.cpuMs") || summary.containsKey("sidecar.cpuMs"), summary.toString());
        assertTrue(out().contains("bot not known (ran apart), broker "), out());
        assertTrue(Files.isRegularFile(runDir.resolve(ReportWriter.HLOG_FILE)));
        assertTrue(Files.isRegularFile(runDir.resolve(ReportWriter.HGRM_FILE)));
        assertTrue(Files.isRegularFile(runDir.resolve(ReportWriter.BROKER_FILE)));
        assertEquals(Path.of("e2e"), Files.readSymbolicLink(dir.resolve(ReportWriter.LATEST_LINK)));
        assertTrue(out().contains("report: " + runDir), out());
    }

    @Test
    void shouldCountUndeliveredAndExitThreeWhenTheSidecarTakesNothing() throws Exception
    {
        final CompletableFuture<Integer> exitCode = startBroker("--sidecar", LoopbackPorts.unused().toString(),
            "--expect-bots", "1", "--run-id", "nobody", "--drain-timeout", "0", "--hwm", "1");
        final ZMQ.Socket bot = connectBot(awaitBrokerReady());
        for (int i = 0; i < 8; i++)
        {
            assertTrue(bot.send(TestFrames.business(4), 0));
        }
        assertTrue(bot.send(TestFrames.endOfStream(), 0));

        assertEquals(ExitCodes.UNDELIVERED, exitCode.get(60, TimeUnit.SECONDS), err());
        final Map<String, Long> summary = SummaryJson.read(dir.resolve("nobody").resolve(ReportWriter.SUMMARY_FILE));
        final long undelivered = summary.get("broker.undelivered");
        assertTrue(undelivered > 0, "a sidecar that never comes leaves events behind");
        assertEquals(32L, undelivered + summary.get("broker.eventsForwarded"));
        assertEquals(3L, summary.get("run.exitCode"));
        assertTrue(err().contains(undelivered + " events not taken by the sidecar"), err());
    }

    @Test
    void shouldWriteAPartialReportAndExit130OnSigterm() throws Exception
    {
        final ZMQ.Socket sidecar = SocketSettings.DEFAULTS.pull(context);
        final Endpoint sidecarEndpoint = SocketSettings.bind(sidecar, Endpoint.loopback(Endpoint.EPHEMERAL));
        final CompletableFuture<Integer> exitCode = startBroker("--sidecar", sidecarEndpoint.toString(),
            "--expect-bots", "0", "--run-id", "stopped");
        final ZMQ.Socket bot = connectBot(awaitBrokerReady());
        assertTrue(bot.send(TestFrames.business(2), 0));
        sidecar.setReceiveTimeOut(30_000);
        assertTrue(null != sidecar.recv(), "the frame went through before the signal");
        assertFalse(err().contains("cannot handle SIGINT/SIGTERM"), "the handler is installed: " + err());

        raise("TERM");

        assertEquals(ExitCodes.INTERRUPTED, exitCode.get(60, TimeUnit.SECONDS), err());
        final Map<String, Long> summary = SummaryJson.read(dir.resolve("stopped").resolve(ReportWriter.SUMMARY_FILE));
        assertEquals(1L, summary.get("run.partial"));
        assertEquals(130L, summary.get("run.exitCode"));
        assertEquals(2L, summary.get("broker.eventsForwarded"));
        assertEquals(0L, summary.get("broker.undelivered"));
    }

    @Test
    void shouldLeaveNoEmptyReportFolderWhenStartUpFails()
    {
        final ZMQ.Socket holder = SocketSettings.DEFAULTS.pull(context);
        final Endpoint taken = SocketSettings.bind(holder, Endpoint.loopback(Endpoint.EPHEMERAL));
        assertEquals(ExitCodes.USAGE, BrokerMain.run("--ingest", taken.toString(), "--reports", dir.toString(),
            "--run-id", "failed"));
        assertFalse(Files.exists(dir.resolve("failed")));
    }

    /** Sends a signal to this JVM, where the broker's handler turns it into a stop request. */
    private static void raise(final String name) throws ReflectiveOperationException
    {
        final Class<?> signalClass = Class.forName("sun.misc.Signal");
        signalClass.getMethod("raise", signalClass).invoke(null, signalClass.getConstructor(String.class).newInstance(name));
    }

    @Test
    void shouldRefuseARunIdThatAlreadyHoldsAReport() throws Exception
    {
        Files.createDirectories(dir.resolve("used"));
        Files.writeString(dir.resolve("used").resolve("summary.json"), "{}");
        assertEquals(ExitCodes.USAGE, BrokerMain.run("--reports", dir.toString(), "--run-id", "used"));
        assertTrue(err().contains("run id 'used' is taken"), err());
    }

    private CompletableFuture<Integer> startBroker(final String... args)
    {
        final List<String> all = new ArrayList<>(List.of("--ingest", "tcp://127.0.0.1:0", "--reports", dir.toString(),
            "--idle-receiver", "sleep:1ms", "--idle-forwarder", "sleep:1ms"));
        all.addAll(List.of(args));
        final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
        final Thread thread = new Thread(() -> exitCode.complete(BrokerMain.run(all.toArray(new String[0]))), "broker");
        thread.setDaemon(true);
        thread.start();
        return exitCode;
    }

    private Endpoint awaitBrokerReady()
    {
        final String[] line = new String[1];
        assertTrue(TestFrames.until(() ->
        {
            line[0] = out().lines().filter(Readiness::isReadiness).findFirst().orElse(null);
            return null != line[0];
        }, () -> {}), "broker ready: " + err());
        assertEquals("broker", Readiness.role(line[0]));
        return Readiness.endpoint(line[0]);
    }

    private ZMQ.Socket connectBot(final Endpoint ingest)
    {
        final ZMQ.Socket bot = SocketSettings.DEFAULTS.dealer(context);
        SocketSettings.connect(bot, ingest);
        return bot;
    }

}
