package dev.quietloop.protocol.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM's safepoints, from the unified log it writes when started with {@link #jvmOption}. Every
 * Java thread stops at each one (a collection, the JIT's deoptimisation or inline-cache clean-up,
 * a thread dump), the trading thread too, wherever it is. The process that was started with the
 * option reads its own log back at the end, over the window it measured, in the JVM's uptime: the
 * log's {@code uptimemillis} decorator and {@link RuntimeMXBean#getUptime()} are the same clock.
 * Each line is written (and flushed) when its safepoint ends; JDK 17 and 25 both write
 * {@code [1038ms] Safepoint "G1CollectFull", Time since last: ..., Total: 92072811 ns}, the total
 * running from the request to the end.
 */
public final class SafepointLog
{
    private static final String OPTION_PREFIX = "-Xlog:safepoint=info:file=\"";
    private static final String OPTION_SUFFIX = "\":uptimemillis:filecount=0";
    private static final Pattern LINE = Pattern.compile("^\\[(\\d+)ms] Safepoint \"[^\"]*\",.* Total: (\\d+) ns");
    private static final long NS_PER_MS = 1_000_000;

    private SafepointLog()
    {
    }

    /** The log's name in a run folder: {@code bot-safepoints.log}. */
    public static String fileName(final String role)
    {
        return role + "-safepoints.log";
    }

    /**
     * The JVM option that writes the safepoint log to {@code file}, one file that never rotates
     * (the name quoted, so a folder may hold a colon or a space).
     *
     * @throws IllegalArgumentException if the path holds a double quote, which the option cannot.
     */
    public static String jvmOption(final Path file)
    {
        final String name = file.toAbsolutePath().toString();
        if (name.indexOf('"') >= 0)
        {
            throw new IllegalArgumentException("a safepoint log's path cannot hold a double quote: " + name);
        }
        return OPTION_PREFIX + name + OPTION_SUFFIX;
    }

    /** The file a {@link #jvmOption} among {@code jvmArguments} writes to (the last, as the JVM takes it), or null. */
    public static Path fileIn(final List<String> jvmArguments)
    {
        Path file = null;
        for (final String argument : jvmArguments)
        {
            if (argument.startsWith(OPTION_PREFIX) && argument.endsWith(OPTION_SUFFIX) &&
                argument.length() > OPTION_PREFIX.length() + OPTION_SUFFIX.length())
            {
                file = Path.of(argument.substring(OPTION_PREFIX.length(), argument.length() - OPTION_SUFFIX.length()));
            }
        }
        return file;
    }

    /** This JVM's safepoint log, if it was started with {@link #jvmOption}; else null. */
    public static Path ofThisJvm()
    {
        return fileIn(ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /**
     * The safepoints of {@code file} that ended in {@code [fromUptimeMs, toUptimeMs]}; lines that
     * are not a safepoint's (a last line half written, another tag) are passed over.
     */
    public static Figures read(final Path file, final long fromUptimeMs, final long toUptimeMs)
    {
        long count = 0;
        long totalNs = 0;
        long maxNs = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            String line;
            while ((line = lines.readLine()) != null)
            {
                final Matcher safepoint = LINE.matcher(line);
                if (!safepoint.find())
                {
                    continue;
                }
                final long uptimeMs = Long.parseLong(safepoint.group(1));
                if (uptimeMs >= fromUptimeMs && uptimeMs <= toUptimeMs)
                {
                    final long ns = Long.parseLong(safepoint.group(2));
                    count++;
                    totalNs += ns;
                    maxNs = Math.max(maxNs, ns);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
        return new Figures(count, totalNs, maxNs);
    }

    /** The safepoints of a window: how many, their summed time and the longest, in nanoseconds. */
    public record Figures(long count, long totalNs, long maxNs)
    {
        /** The summed time in milliseconds, rounded to the nearest. */
        public long totalMs()
        {
            return Math.round((double)totalNs / NS_PER_MS);
        }

        /** The longest in milliseconds, rounded to the nearest. */
        public long maxMs()
        {
            return Math.round((double)maxNs / NS_PER_MS);
        }
    }
}
