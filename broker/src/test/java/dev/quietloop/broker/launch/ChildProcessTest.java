package dev.quietloop.broker.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.quietloop.wire.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest
{
    private static final long TIMEOUT_MS = 30_000;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private ChildLauncher launcher;
    private ChildProcess child;

    @BeforeEach
    void setUp() throws IOException
    {
        final Path jvmOptions = Files.writeString(dir.resolve("jvm.options"),
            "# small and quick to start\n-Xmx32m\n-XX:TieredStopAtLevel=1\n-Xshare:auto\n");
        launcher = new ChildLauncher(jvmOptions, System.getProperty("java.class.path"),
            new PrintStream(outBytes, true, StandardCharsets.UTF_8), new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown()
    {
        if (null != child)
        {
            child.destroyForcibly();
        }
    }

    @Test
    void shouldBuildJavaCommandWithOptionsFileClassPathAndExitWithParent()
    {
        final ChildLauncher builder = new ChildLauncher(
            Path.of("/opt/jdk/bin/java"), Path.of("config/jvm.options"), "a.jar:b.jar", System.out, System.err);
        assertEquals(
            List.of("/opt/jdk/bin/java", "@config/jvm.options", "-cp", "a.jar:b.jar", "x.Main", "--data", "f.csv",
                "--exit-with-parent"),
            builder.command("x.Main", List.of("--data", "f.csv")));
        assertEquals(
            List.of("/opt/jdk/bin/java", "@config/jvm.options", "-Xlog:safepoint", "-cp", "a.jar:b.jar", "x.Main",
                "--exit-with-parent"),
            builder.command(List.of("-Xlog:safepoint"), "x.Main", List.of()), "its own JVM options after the shared ones");
    }

    @Test
    void shouldTakeReadinessAndForwardTheRestWithPrefix()
    {
        child = launcher.launch("test", ReadyChildMain.class.getName(), List.of("--flag"));
        final Endpoint endpoint = child.awaitReady(TIMEOUT_MS, () -> false);
        assertEquals(Endpoint.loopback(4242), endpoint);
        assertTrue(child.waitFor(TIMEOUT_MS));
        assertEquals(0, child.exitCode());

        final String out = outBytes.toString(StandardCharsets.UTF_8);
        final String err = errBytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("[test] starting with --flag --exit-with-parent\n"), out);
        assertFalse(out.contains("quietloop-ready"), "the launcher consumes the readiness line: " + out);
        assertTrue(out.contains("[test] done\n"), out);
        assertTrue(err.contains("[test] a line on stderr\n"), err);
        assertFalse(out.contains("a line on stderr"), out);
    }

    @Test
    void shouldFailWithExitCodeWhenChildExitsBeforeReadiness()
    {
        child = launcher.launch("test", FailingChildMain.class.getName(), List.of());
        final ChildFailedException ex = assertThrows(ChildFailedException.class, () -> child.awaitReady(TIMEOUT_MS, () -> false));
        assertEquals(2, ex.exitCode());
        assertEquals("test", ex.role());
        assertTrue(ex.getMessage().contains("exited with code 2 before it was ready"), ex.getMessage());
        assertTrue(child.waitFor(TIMEOUT_MS));
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("[test] test: cannot read data file missing.csv"));
    }

    @Test
    void shouldStopAWaitingChildWithSigterm()
    {
        child = launcher.launch("test", ReadyChildMain.class.getName(), List.of("--wait"));
        child.awaitReady(TIMEOUT_MS, () -> false);
        final int exitCode = child.stop(TIMEOUT_MS);
        assertFalse(child.isAlive());
        assertFalse(child.wasForced());
        assertEquals(128 + 15, exitCode); // the JVM's answer to SIGTERM without a handler
        assertFalse(outBytes.toString(StandardCharsets.UTF_8).contains("[test] done"));
    }

    @Test
    void shouldStopWaitingForReadinessWhenAbandoned()
    {
        child = launcher.launch("test", ReadyChildMain.class.getName(), List.of("--silent"));
        assertNull(child.awaitReady(TIMEOUT_MS, () -> true));
        assertNotEquals(0, child.pid());
    }
}
