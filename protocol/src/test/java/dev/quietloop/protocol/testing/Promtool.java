package dev.quietloop.protocol.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * {@code promtool check metrics}, Prometheus's own linter for an exposition: Debian's
 * {@code prometheus} package, which {@code .ci/run} installs. On a machine without it the check is
 * skipped and says so; under CI ({@code CI} set) its absence fails the test.
 */
public final class Promtool
{
    private Promtool()
    {
    }

    /** Fails unless promtool takes {@code exposition} without a word; skipped where promtool is not installed, but under CI. */
    public static void assertClean(final String exposition) throws IOException, InterruptedException
    {
        final Process promtool;
        try
        {
            promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        }
        catch (final IOException ex)
        {
            assertTrue(null == System.getenv("CI"), "CI runs promtool: install Debian's prometheus package (.ci/run does)");
            Assumptions.abort("promtool is not installed (apt-get install prometheus): the names are not linted here");
            return;
        }
        try (OutputStream in = promtool.getOutputStream())
        {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        // Read before waiting: a long report would otherwise fill the pipe and block promtool.
        final String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(promtool.waitFor(30, TimeUnit.SECONDS), "promtool did not end");
        assertEquals(0, promtool.exitValue(), output);
        assertEquals("", output.strip(), "promtool finds nothing to say about the names");
    }
}
