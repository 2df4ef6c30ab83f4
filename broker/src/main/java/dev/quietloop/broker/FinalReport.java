package dev.quietloop.broker;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.quietloop.broker.ingress.SourceTally;
import dev.quietloop.broker.report.BotSides;
import dev.quietloop.broker.report.ReportPlots;
import dev.quietloop.broker.report.ReportWriter;
import dev.quietloop.broker.report.RunConfigWriter;
import dev.quietloop.broker.report.SummaryText;
import dev.quietloop.broker.ring.BrokerCounters;
import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.ProcessCpu;
import org.HdrHistogram.Histogram;

import static dev.quietloop.broker.BrokerConfiguration.ROLE;

/**
 * The end of a run, once its threads and children have stopped: the report folder's files, the
 * run's verdict from the merged account of every process, and what the user reads on the console.
 * When the folder cannot be written, the account is printed instead.
 */
final class FinalReport
{
    private final BrokerContext ctx;
    private final BrokerCounters counters;
    private final BrokerPipeline pipeline;
    private final ChildDeaths deaths;
    private final PrintStream out;
    private final PrintStream err;

    FinalReport(
        final BrokerContext ctx,
        final BrokerCounters counters,
        final BrokerPipeline pipeline,
        final ChildDeaths deaths,
        final PrintStream out,
        final PrintStream err)
    {
        this.ctx = ctx;
        this.counters = counters;
        this.pipeline = pipeline;
        this.deaths = deaths;
        this.out = out;
        this.err = err;
    }

    /**
     * Writes the report and prints it.
     *
     * @param undelivered events received but not taken by the sidecar
     * @param botExitCode the launched bots' (the first not OK), or {@link RunOutcome#NOT_LAUNCHED}
     * @param childFailed a launched child exited abnormally or had to be killed
     * @return the run's exit code.
     */
    int write(
        final Path runDir, final boolean interrupted, final long undelivered, final int botExitCode, final boolean childFailed)
    {
        final Map<String, Long> brokerSummary = new TreeMap<>(counters.snapshot());
        brokerSummary.putAll(pipeline.brokerDwell().percentiles());
        final ReportWriter writer = new ReportWriter(runDir, err);
        try
        {
            final Histogram total = pipeline.finishLatencyLog();
            writer.writeBrokerCounters(brokerSummary);
            pipeline.writeFiles(runDir);
            deaths.writeSides(runDir, this::summaryFile);
            final Map<String, Long> perBot = mergeBots(runDir);
            final Map<String, Long> components = writer.mergeComponents();
            components.putAll(perBot);
            components.put(Accounting.RUN_SAME_HOST, sameHost() ? 1L : 0L);
            final int exitCode = verdict(components, undelivered, interrupted, botExitCode, childFailed);
            RunConfigWriter.write(runDir, wire -> BrokerSection.write(ctx, wire), err);
            writeReports(writer, total, components, interrupted, exitCode, undelivered);
            if (null != pipeline.ingressFailure())
            {
                err.println(ROLE + ": " + pipeline.ingressFailure());
            }
            return exitCode;
        }
        catch (final UncheckedIOException ex)
        {
            // A full disk, a folder gone read-only: the account is in memory, so it is printed instead.
            final Map<String, Long> components = writer.mergeComponents();
            components.put(Accounting.RUN_SAME_HOST, sameHost() ? 1L : 0L);
            components.putAll(brokerSummary);
            ProcessCpu.addTo(components, Accounting.BROKER_CPU_MS);
            final int verdict = verdict(components, undelivered, interrupted, botExitCode, childFailed);
            components.put(Accounting.RUN_EXIT_CODE, (long)ExitCodes.REPORT_NOT_WRITTEN);
            components.put(Accounting.RUN_VERDICT_EXIT_CODE, (long)verdict);
            SummaryText.render(runDir.getFileName().toString(), components).forEach(out::println);
            out.flush();
            err.println(ROLE + ": cannot write the report in " + runDir + ": " +
                (null == ex.getCause() ? ex.getMessage() : ex.getCause().getMessage()) +
                "; the run's counters are above (the run alone would have exited " + verdict + ")");
            return ExitCodes.REPORT_NOT_WRITTEN;
        }
    }

    /** The run's exit code from its merged account; adds the losses no process counted to it. */
    private int verdict(
        final Map<String, Long> components,
        final long undelivered,
        final boolean interrupted,
        final int botExitCode,
        final boolean childFailed)
    {
        final long lostWithDeadChildren = deaths.account(components, undelivered, receivedBySource());
        if (null != pipeline.ingressFailure())
        {
            return ExitCodes.FAILURE;
        }
        final int exitCode = new RunOutcome(interrupted, Accounting.countLosses(components, undelivered) + lostWithDeadChildren,
            botExitCode, childFailed, deaths.any()).exitCode();
        // A lost bot's events that never reached this broker are its own to count, and it is gone.
        return exitCode == ExitCodes.OK && counters.botsLost().get() > 0 ? ExitCodes.UNDELIVERED : exitCode;
    }

    /** A launched child's summary file in the run folder, by its role. */
    private String summaryFile(final String role)
    {
        return ctx.run().launchedBots().stream().filter(bot -> bot.role().equals(role)).findFirst()
            .map(LaunchedBot::summaryFile).orElse(LaunchedChildren.STUB_SUMMARY);
    }

    /**
     * Several bots' sides, each in its folder, merged into the run's one ({@link BotSides}); and each
     * bot's own account beside the totals, {@code bots.<id>.*}, with what the ingest took from it and
     * whether it was lost (declared lost, or died). Nothing for a run of one bot, or of bots apart.
     */
    private Map<String, Long> mergeBots(final Path runDir)
    {
        final List<LaunchedBot> bots = ctx.run().launchedBots();
        if (bots.size() < 2)
        {
            return Map.of();
        }
        final Map<String, Long> perBot = new TreeMap<>(
            BotSides.merge(runDir, bots.stream().map(LaunchedBot::sourceId).toList(), err));
        final Map<Integer, Long> received = receivedBySource();
        final Set<Integer> lost = new HashSet<>();
        pipeline.sourceTallies().stream().filter(SourceTally::lost).forEach(tally -> lost.add(tally.sourceId()));
        final List<String> died = deaths.roles();
        for (final LaunchedBot bot : bots)
        {
            final String prefix = BotSides.PER_BOT_PREFIX + bot.sourceId() + ".";
            perBot.put(prefix + BotSides.BROKER_RECEIVED, received.getOrDefault(bot.sourceId(), 0L));
            perBot.put(prefix + BotSides.LOST, lost.contains(bot.sourceId()) || died.contains(bot.role()) ? 1L : 0L);
        }
        return perBot;
    }

    /** The events the ingest took from each source id. */
    private Map<Integer, Long> receivedBySource()
    {
        final Map<Integer, Long> received = new HashMap<>();
        pipeline.sourceTallies().forEach(tally -> received.merge(tally.sourceId(), tally.events(), Long::sum));
        return received;
    }

    private void writeReports(
        final ReportWriter writer,
        final Histogram total,
        final Map<String, Long> components,
        final boolean partial,
        final int exitCode,
        final long undelivered)
    {
        writer.writeDistribution(total);
        // As late as it can be and still be in the summary: what is left is writing the files.
        ProcessCpu.addTo(components, Accounting.BROKER_CPU_MS);
        final Map<String, Long> summary = writer.writeSummary(components, total, partial, exitCode);
        final List<String> table = writer.writeSummaryText(summary);
        if (ctx.run().plots())
        {
            ReportPlots.write(writer.runDir(), pipeline.timeline().rows(), err);
        }
        writer.pointLatest();

        table.forEach(out::println);
        out.println("report: " + writer.runDir());
        out.println(ROLE + ": frames " + counters.framesReceived().get() + " received, " +
            counters.framesForwarded().get() + " forwarded, " + counters.badFrames().get() + " bad; events " +
            counters.eventsReceived().get() + " received, " + counters.eventsForwarded().get() + " forwarded, " +
            undelivered + " undelivered; send latency p50 " + micros(total.getValueAtPercentile(50.0)) +
            " us, p99 " + micros(total.getValueAtPercentile(99.0)) + " us, max " + micros(total.getMaxValue()) +
            " us over " + total.getTotalCount() + " sends" + (partial ? " (partial run)" : ""));
        out.println(Accounting.line(summary));
        out.flush();
        if (undelivered > 0)
        {
            err.println(ROLE + ": " + undelivered + " events not taken by the sidecar within the drain timeout (" +
                ctx.drainTimeoutS() + " s)");
        }
    }

    private static String micros(final long nanos)
    {
        return String.format(Locale.ROOT, "%.1f", nanos / 1000.0);
    }

    /**
     * Whether the bot and the sidecar surely ran on this host, on one clock: only when this broker
     * launched both. An outside bot or an external sidecar may be another host, whose monotonic
     * clock {@code endToEnd} cannot be compared with.
     */
    private boolean sameHost()
    {
        return ctx.run().botMode() == RunContext.BotMode.LAUNCH && ctx.run().sidecarMode() == RunContext.SidecarMode.LAUNCH_STUB;
    }
}
