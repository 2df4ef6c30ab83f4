package dev.quietloop.sidecar;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.Readiness;
import dev.quietloop.protocol.process.SummaryJson;
import dev.quietloop.sidecar.receive.TestFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SidecarStubMainTest
{
    private static final long WAIT_SECONDS = 10;

    @TempDir
    Path tempDir;

    @Test
    void shouldExitWithUsageCodeNamingAnUnknownFlag()
    {
        final String err = stderrOf(() -> assertEquals(ExitCodes.USAGE, SidecarStubMain.run("--no-such-flag")));

        assertTrue(err.contains("--no-such-flag"), err);
        assertEquals(1, err.lines().count(), err);
    }

    @Test
    void shouldExitWithUsageCodeNamingTheEndpointWhenThePortIsTaken()
    {
        try (ZContext context = new ZContext())
        {
            final ZMQ.Socket holder = SocketSettings.DEFAULTS.pull(context);
            final Endpoint taken = SocketSettings.bind(holder, Endpoint.loopback(Endpoint.EPHEMERAL));

            final String err = stderrOf(
                () -> assertEquals(ExitCodes.USAGE, SidecarStubMain.run("--bind", taken.toString())));

            assertTrue(err.contains(taken.toString()), err);
            assertEquals(1, err.lines().count(), err);
        }
    }

    @Test
    void shouldExitWithUsageCodeOnBadValues()
    {
        final String err = stderrOf(() ->
        {
            assertEquals(ExitCodes.USAGE, SidecarStubMain.run("--delay-us", "-1"));
            assertEquals(ExitCodes.USAGE, SidecarStubMain.run("--stall-after", "3"));
            assertEquals(ExitCodes.USAGE, SidecarStubMain.run("--stall-seconds", "3"));
            assertEquals(ExitCodes.USAGE, SidecarStubMain.run("--exit-after", "0"));
            assertEquals(ExitCodes.USAGE, SidecarStubMain.run("--idle", "hurry"));
            assertEquals(ExitCodes.USAGE, SidecarStubMain.run("--bind", "udp://127.0.0.1:1"));
            assertEquals(ExitCodes.USAGE, SidecarStubMain.run("--summary", tempDir.resolve("missing/sidecar.json").toString()));
        });

        assertTrue(err.contains("--delay-us"), err);
        assertTrue(err.contains("--stall-seconds"), err);
        assertTrue(err.contains("--exit-after"), err);
        assertTrue(err.contains("hurry"), err);
        assertTrue(err.contains("udp"), err);
        assertTrue(err.contains("missing"), err);
        assertEquals(7, err.lines().count(), err);
    }

    @Test
    void shouldAnnounceReadinessThenWriteSummaryAndExitZeroAfterExitAfterMessages() throws Exception
    {
        final Path summary = tempDir.resolve("sidecar.json");
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final PrintStream originalOut = System.out;
        final ExecutorService executor = Executors.newSingleThreadExecutor();
        System.setOut(new PrintStream(new LineCapture(lines), true, StandardCharsets.UTF_8));
        try (ZContext context = new ZContext())
        {
            final Future<Integer> exitCode = executor.submit(() -> SidecarStubMain.run(
                "--bind", "tcp://127.0.0.1:0", "--exit-after", "2", "--idle", "sleep:1ms",
                "--summary", summary.toString()));

            final String readiness = lines.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(readiness, "no readiness line");
            assertTrue(Readiness.isReadiness(readiness), readiness);
            assertEquals(SidecarStubMain.ROLE, Readiness.role(readiness));
            final Endpoint endpoint = Readiness.endpoint(readiness);
            assertFalse(endpoint.isEphemeral());

            final ZMQ.Socket push = SocketSettings.DEFAULTS.withLingerMs(0).push(context);
            SocketSettings.connect(push, endpoint);
            for (long sequence = 1; sequence <= 3; sequence++)
            {
                final byte[] frame = TestFrames.signals(sequence);
                assertTrue(push.send(frame, 0, frame.length, 0));
            }

            assertEquals(ExitCodes.OK, exitCode.get(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        finally
        {
            System.setOut(originalOut);
            executor.shutdownNow();
        }

        final Map<String, Long> counters = SummaryJson.read(summary);
        assertEquals(2L, counters.get("sidecar.framesReceived"));
        assertEquals(2L, counters.get("sidecar.eventsReceived"));
        assertEquals(2L, counters.get("sidecar.byType.signal"));
        assertEquals(0L, counters.get("sidecar.gaps"));
        assertEquals(1L, counters.get("sidecar.streams"));
        assertTrue(counters.get("sidecar.cpuMs") > 0, "the process's own CPU time, read as it writes its summary");
        final List<String> output = new ArrayList<>();
        lines.drainTo(output);
        assertTrue(output.stream().anyMatch(line -> line.contains("exiting on purpose after 2 messages")), output.toString());
        assertTrue(output.stream().anyMatch(line -> line.contains("received 2 events in 2 frames")), output.toString());
    }

    private static String stderrOf(final Runnable action)
    {
        final PrintStream originalErr = System.err;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try
        {
            action.run();
        }
        finally
        {
            System.setErr(originalErr);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Splits what is written into lines and hands each to a queue. */
    private static final class LineCapture extends OutputStream
    {
        private final BlockingQueue<String> lines;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineCapture(final BlockingQueue<String> lines)
        {
            this.lines = lines;
        }

        @Override
        public synchronized void write(final int b)
        {
            if (b == '\n')
            {
                lines.add(line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
            else
            {
                line.write(b);
            }
        }
    }
}
