package dev.quietloop.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one of the bin/ scripts as a user would, in a folder of the test's, and collects its output. */
final class Script
{
    private Script()
    {
    }

    /** What a script run left: its exit code and its output (stdout and stderr together). */
    record Result(int exit, String output)
    {
    }

    static Result run(final Path dir, final String name, final String... args) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(QuietloopProcess.ROOT.resolve("bin").resolve(name).toString());
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
