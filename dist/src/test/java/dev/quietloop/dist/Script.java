package dev.quietloop.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the bin/ scripts as a user would, in a folder of the test's, and collects its output.
 * A broker a test starts takes an ephemeral ingest port unless the test names one: a test never
 * binds a fixed port, so it cannot clash with a run of its own or anyone else's on the machine.
 */
final class Script
{
    private Script()
    {
    }

    /** What a script run left: its exit code and its output (stdout and stderr together). */
    record Result(int exit, String output)
    {
    }

    /** {@code --ingest tcp://127.0.0.1:0} for a script that starts a broker without one; the test's own comes later and wins. */
    static List<String> ephemeralIngest(final String name, final String... args)
    {
        final boolean broker = "run-bot.sh".equals(name) || "broker.sh".equals(name);
        for (final String arg : args)
        {
            if (arg.startsWith("--ingest") || "--help".equals(arg))
            {
                return List.of();
            }
        }
        return broker ? List.of("--ingest", "tcp://127.0.0.1:0") : List.of();
    }

    static Result run(final Path dir, final String name, final String... args) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(QuietloopProcess.ROOT.resolve("bin").resolve(name).toString());
        command.addAll(ephemeralIngest(name, args));
        command.addAll(List.of(args));
        final Path output = Files.createTempFile(dir, name, ".log");
        final ProcessBuilder builder = new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        final Process process = builder.start();
        try
        {
            if (!process.waitFor(3, TimeUnit.MINUTES))
            {
                throw new AssertionError(name + " still running; output:\n" + Files.readString(output));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        }
        finally
        {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
