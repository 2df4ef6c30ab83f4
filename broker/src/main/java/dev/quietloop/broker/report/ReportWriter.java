package dev.quietloop.broker.report;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import dev.quietloop.protocol.process.SummaryJson;
import org.HdrHistogram.Histogram;

/**
 * Writes the end-of-run files of one report folder and points {@code REPORTS/latest} at it.
 * Component summaries (bot, sidecar, broker) are merged with the send-latency percentiles into
 * {@code summary.json}, also rendered as the table {@code summary.txt}; a component whose file is
 * missing is simply absent from the merge.
 */
public final class ReportWriter
{
    public static final String HGRM_FILE = "send-latency.hgrm";
    public static final String HLOG_FILE = "send-latency.hlog";
    public static final String BROKER_FILE = "broker.json";
    public static final String SUMMARY_FILE = "summary.json";
    /** The run's fingerprint, top-level: the hash over the ordered events the bot produced. */
    public static final String FINGERPRINT = "fingerprint";
    static final String BOT_FINGERPRINT = Accounting.BOT_FINGERPRINT;
    public static final String LATEST_LINK = "latest";
    public static final List<String> COMPONENT_FILES = List.of("bot.json", "sidecar.json", BROKER_FILE);

    private final Path runDir;
    private final PrintStream err;

    public ReportWriter(final Path runDir, final PrintStream err)
    {
        this.runDir = runDir;
        this.err = err;
    }

    public Path runDir()
    {
        return runDir;
    }

    public void writeDistribution(final Histogram total)
    {
        HopLatency.writeDistribution(runDir.resolve(HGRM_FILE), total);
    }

    public void writeBrokerCounters(final Map<String, Long> counters)
    {
        SummaryJson.write(runDir.resolve(BROKER_FILE), counters);
    }

    /** The component files found in the folder (bot, sidecar, broker), merged as dotted keys. */
    public Map<String, Long> mergeComponents()
    {
        final Map<String, Long> summary = new TreeMap<>();
        for (final String name : COMPONENT_FILES)
        {
            final Path file = runDir.resolve(name);
            if (Files.isRegularFile(file))
            {
                try
                {
                    summary.putAll(SummaryJson.read(file));
                }
                catch (final RuntimeException ex)
                {
                    err.println("broker: left " + file + " out of the summary: " + ex.getMessage());
                }
            }
        }
        return summary;
    }

    /**
     * Writes the merged components with the percentiles and the run's outcome. A warm-up the bot put
     * back into its headline goes back into the other hops' too ({@link WarmUpPutBack}), their files
     * in this folder with it.
     *
     * @return what was written, as dotted keys.
     */
    public Map<String, Long> writeSummary(
        final Map<String, Long> components, final Histogram total, final boolean partial, final int exitCode)
    {
        final Map<String, Long> summary = new TreeMap<>(components);
        WarmUpPutBack.apply(runDir, summary);
        summary.putAll(percentiles(total));
        summary.putAll(HopLatency.percentiles(HopLatency.KEY_PREFIX + Hop.EXTERNAL_SEND.key(), total));
        final Long fingerprint = components.get(BOT_FINGERPRINT);
        if (null != fingerprint)
        {
            summary.put(FINGERPRINT, fingerprint);
        }
        summary.put(Accounting.RUN_PARTIAL, partial ? 1L : 0L);
        summary.put(Accounting.RUN_EXIT_CODE, (long)exitCode);
        SummaryJson.write(runDir.resolve(SUMMARY_FILE), summary);
        return summary;
    }

    /**
     * Writes {@code summary.txt}, the table a person reads, next to {@code summary.json}.
     *
     * @return its lines, for the console.
     */
    public List<String> writeSummaryText(final Map<String, Long> summary)
    {
        final List<String> lines = SummaryText.render(runDir.getFileName().toString(), summary);
        final Path file = runDir.resolve(SummaryText.FILE);
        try
        {
            Files.write(file, lines, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            err.println("broker: cannot write " + file + ": " + ex);
        }
        return lines;
    }

    /** The headline figures in nanoseconds, under {@code sendLatencyNs.*}. */
    public static Map<String, Long> percentiles(final Histogram total)
    {
        return HopLatency.percentiles("sendLatencyNs", total);
    }

    /** Replaces {@code REPORTS/latest} with a relative link to this folder in one rename. */
    public void pointLatest()
    {
        final Path reportsDir = runDir.toAbsolutePath().getParent();
        final Path latest = reportsDir.resolve(LATEST_LINK);
        final Path staging = reportsDir.resolve("." + LATEST_LINK + "-" + ProcessHandle.current().pid());
        try
        {
            Files.deleteIfExists(staging);
            Files.createSymbolicLink(staging, runDir.getFileName());
            Files.move(staging, latest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final IOException | UnsupportedOperationException ex)
        {
            err.println("broker: cannot point " + latest + " at " + runDir.getFileName() + ": " + ex);
            try
            {
                Files.deleteIfExists(staging);
            }
            catch (final IOException ignore)
            {
                // the message above already names the problem
            }
        }
    }
}
