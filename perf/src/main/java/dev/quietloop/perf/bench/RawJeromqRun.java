package dev.quietloop.perf.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One run of the raw JeroMQ baseline ({@code dev.quietloop.perf.RawJeromqBaseline}, PUSH/PULL
 * between two JVMs, 64-byte single messages) from the bench, and what its {@code RESULT} line says.
 */
final class RawJeromqRun
{
    static final String RESULT_PREFIX = "RESULT rawJeromq ";
    private static final long LIMIT_S = 120;

    private final Path root;
    private final Path jvmOptions;

    /** @param jvmOptions the flags of both of its JVMs */
    RawJeromqRun(final Path root, final Path jvmOptions)
    {
        this.root = root;
        this.jvmOptions = jvmOptions;
    }

    /**
     * What one run measured.
     *
     * @param messagesPerSecond the timed messages per second, past the warm-up
     * @param receiverCpuNs     the receiving JVM's own CPU time, whole: -1 if it could not say
     * @param senderCpuNs       the sending JVM's, as it exited: -1 if it could not say
     */
    record Result(long messages, double messagesPerSecond, long receiverCpuNs, long senderCpuNs)
    {
        /** Both JVMs' CPU time, or -1 when either is not known. */
        long cpuNs()
        {
            return receiverCpuNs < 0 || senderCpuNs < 0 ? -1 : receiverCpuNs + senderCpuNs;
        }
    }

    /** Sends {@code warmup} untimed messages, then {@code messages} timed ones; throws unless it gave its result. */
    Result run(final long messages, final long warmup) throws IOException, InterruptedException
    {
        System.out.printf(Locale.ROOT, "bench: raw JeroMQ PUSH/PULL, %,d messages after %,d%n", messages, warmup);
        final List<String> command = List.of(
            PipelineRun.javaBinary(), "@" + jvmOptions,
            "-cp", root.resolve("perf/target/classes") + File.pathSeparator + root.resolve("perf/target/lib") +
                File.separator + "*",
            "dev.quietloop.perf.RawJeromqBaseline", "--jvm-options", jvmOptions.toString(),
            "--messages", Long.toString(messages), "--warmup", Long.toString(warmup));
        final Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        Result result = null;
        final StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                output.append(line).append('\n');
                if (line.startsWith(RESULT_PREFIX))
                {
                    result = parse(line);
                }
            }
        }
        finally
        {
            if (!process.waitFor(LIMIT_S, TimeUnit.SECONDS))
            {
                PipelineRun.killAll(process);
            }
        }
        if (null == result)
        {
            throw new IllegalStateException("raw JeroMQ baseline gave no RESULT line:\n" + output);
        }
        return result;
    }

    /**
     * A {@code RESULT rawJeromq} line's fields; a CPU time the line lacks (a baseline from before
     * they were added) reads as -1, not known.
     */
    static Result parse(final String line)
    {
        long messages = -1;
        double perSecond = Double.NaN;
        long receiverCpuNs = -1;
        long senderCpuNs = -1;
        for (final String field : line.substring(RESULT_PREFIX.length()).strip().split(" +"))
        {
            final int equals = field.indexOf('=');
            final String value = field.substring(equals + 1);
            switch (field.substring(0, Math.max(0, equals)))
            {
                case "messages" -> messages = Long.parseLong(value);
                case "messagesPerSecond" -> perSecond = Double.parseDouble(value);
                case "receiverCpuNs" -> receiverCpuNs = Long.parseLong(value);
                case "senderCpuNs" -> senderCpuNs = Long.parseLong(value);
                default ->
                {
                    // seconds, and whatever a later baseline adds
                }
            }
        }
        return new Result(messages, perSecond, receiverCpuNs, senderCpuNs);
    }
}
