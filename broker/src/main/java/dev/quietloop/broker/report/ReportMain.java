package dev.quietloop.broker.report;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.quietloop.wire.ConfigException;
import dev.quietloop.protocol.process.Cli;
import dev.quietloop.protocol.process.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * bin/report.sh: prints a finished run's summary as a table (rendered from its summary.json, so
 * runs from before summary.txt existed work too), or compares two runs side by side.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
        "Prints a run's summary table, or compares two runs.",
        "  report [RUN]                the run's summary (default: latest)",
        "  report compare RUN_A RUN_B  percentiles side by side with B/A;",
        "                              accounting differences marked !=",
        "RUN is a run id under --reports or a path to a run folder.",
        "Exit 0; 2 on bad input (one line says what)."})
public final class ReportMain implements Callable<Integer>
{
    static final String COMPARE = "compare";

    @Option(names = "--reports", defaultValue = "perf/reports", description = "where run folders are")
    private Path reportsDir;

    @Parameters(arity = "0..3", paramLabel = "[compare] RUN", description = "a run, or: compare RUN_A RUN_B")
    private List<String> words = new ArrayList<>();

    private final PrintStream out;

    public ReportMain()
    {
        this(System.out);
    }

    ReportMain(final PrintStream out)
    {
        this.out = out;
    }

    public static void main(final String[] args)
    {
        System.exit(run(System.out, args));
    }

    /** Runs the report and returns its exit code (see {@code ExitCodes}). */
    static int run(final PrintStream out, final String... args)
    {
        return Cli.run("report", new ReportMain(out), args);
    }

    @Override
    public Integer call()
    {
        final List<String> lines;
        if (!words.isEmpty() && COMPARE.equals(words.get(0)))
        {
            if (words.size() != 3)
            {
                throw new ConfigException("compare needs two runs: compare RUN_A RUN_B");
            }
            final RunSummary a = RunSummary.find(reportsDir, words.get(1));
            final RunSummary b = RunSummary.find(reportsDir, words.get(2));
            lines = SummaryCompare.render(a.runId(), a.summary(), b.runId(), b.summary());
        }
        else
        {
            if (words.size() > 1)
            {
                throw new ConfigException("one run at a time (or: compare RUN_A RUN_B), got " + String.join(" ", words));
            }
            final RunSummary run = RunSummary.find(reportsDir, words.isEmpty() ? ReportWriter.LATEST_LINK : words.get(0));
            lines = SummaryText.render(run.runId(), run.summary());
        }
        lines.forEach(out::println);
        out.flush();
        return ExitCodes.OK;
    }
}
