package dev.quietloop.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * One real quietloop JVM, started the way bin/*.sh start it ({@code java @config/jvm.options
 * -cp dist/target/lib/* MAIN ...}), its output captured to a file. Closing it kills it and
 * everything it launched, so a failing test never leaves a process behind.
 */
final class QuietloopProcess implements AutoCloseable
{
    static final Path ROOT = Path.of(System.getProperty("quietloop.root", "..")).toAbsolutePath().normalize();
    static final Path JVM_OPTIONS = Path.of(System.getProperty("quietloop.jvmOptions",
        ROOT.resolve("config/jvm.options").toString()));
    static final Path LIB = Path.of(System.getProperty("quietloop.lib", "target/lib")).toAbsolutePath();

    private final Process process;
    private final Path output;

    private QuietloopProcess(final Process process, final Path output)
    {
        this.process = process;
        this.output = output;
    }

    static QuietloopProcess start(final Path workDir, final String mainClass, final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + JVM_OPTIONS);
        command.add("-cp");
        command.add(LIB + "/*");
        command.add(mainClass);
        command.addAll(List.of(args));
        final Path output = Files.createTempFile(workDir, "process-", ".log");
        final Process process = new ProcessBuilder(command)
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
        return new QuietloopProcess(process, output);
    }

    /** Waits for the exit code; a process still running after the timeout fails the test. */
    int waitFor(final long timeout, final TimeUnit unit) throws InterruptedException, IOException
    {
        if (!process.waitFor(timeout, unit))
        {
            throw new AssertionError("still running after " + timeout + " " + unit + "; output:\n" + output());
        }
        return process.exitValue();
    }

    /**
     * Waits until the output holds a match of {@code pattern} (a readiness line, say).
     *
     * @return the match's first group, or the whole match when the pattern has none.
     */
    String awaitOutput(final Pattern pattern, final long timeout, final TimeUnit unit)
        throws InterruptedException, IOException
    {
        final long deadlineNs = System.nanoTime() + unit.toNanos(timeout);
        while (true)
        {
            final Matcher matcher = pattern.matcher(output());
            if (matcher.find())
            {
                return matcher.group(matcher.groupCount() > 0 ? 1 : 0);
            }
            if (System.nanoTime() - deadlineNs > 0 || !process.isAlive())
            {
                throw new AssertionError("no " + pattern + " in the output; output:\n" + output());
            }
            Thread.sleep(50);
        }
    }

    /** {@code kill -9}: no end of stream, no summary, no goodbye; waits until it is gone. */
    void kill() throws InterruptedException
    {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The processes it started, and theirs. */
    Stream<ProcessHandle> descendants()
    {
        return process.descendants();
    }

    String output() throws IOException
    {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    @Override
    public void close()
    {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try
        {
            process.waitFor(10, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
