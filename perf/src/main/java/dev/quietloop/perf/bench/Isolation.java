package dev.quietloop.perf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.quietloop.perf.bench.BenchSettings.IsolationPace;
import dev.quietloop.protocol.latency.Hop;
import dev.quietloop.protocol.latency.HopLatency;
import org.HdrHistogram.Histogram;

/**
 * Section 1, the headline: the same data and strategy under each sidecar condition, at a fixed
 * rate and at max speed, for quietloop (events through the ring to the sender thread) and for the
 * naive baseline (the trading thread sends each event itself). The figure is the bot's
 * {@code tickToPublish}, timed from each tick's intended time. Repeats run round-robin over the
 * scenarios, so drift on a shared machine spreads over all of them alike, and each scenario's
 * samples are pooled over its repeats (see {@link Scenario}).
 */
final class Isolation
{
    static final String RING = "ring";
    static final String DIRECT = "direct";
    /** quietloop's goal: every fault's p99.9 at most this times the healthy one of the same run. */
    static final double GOAL_RATIO = 1.2;
    /**
     * Start-up (about 5 s of three JVMs, longer on a busy machine) and a healthy run's drain, beyond a
     * paced replay: the naive baseline's limit, past which it is cut (behind a fault it would take hours).
     */
    static final long PACED_MARGIN_MS = 7_000;
    /**
     * quietloop's runs end by themselves, and are given the time to: behind a stalled or dead
     * sidecar the bot drains and lingers, then the broker waits out its own drain timeout and the
     * forwarder's linger (linger and handshake interval), about 10 s beyond the replay here.
     */
    static final long RING_PACED_MARGIN_MS = 13_000;
    static final long MAX_SPEED_RING_MS = 25_000;
    static final long MAX_SPEED_NAIVE_MS = 30_000;
    /**
     * Small socket buffers in every process, for both modes alike: with the defaults (1000 frames
     * per socket, the kernel's megabytes) a stalled sidecar takes minutes to push back to the bot,
     * longer than a run; with these it does within a few seconds at this rate. Smaller still (10
     * frames, 4 KiB, a 64-slot broker ring) starved the naive baseline even with a healthy stub:
     * its one-event frames could not cross three threads sharing one CPU at 5,000 per second.
     */
    static final List<String> SMALL_BUFFERS = buffers(65_536, 1_024);
    /**
     * The quick suite's runs are a second long: its queues hold fewer one-event frames (16 KiB
     * kernel buffers, a 256-slot broker ring), so that a fault reaches the naive baseline in time.
     */
    static final List<String> QUICK_BUFFERS = buffers(16_384, 256);

    private static List<String> buffers(final int kernelBytes, final int brokerRingSize)
    {
        return List.of("--hwm", "100", "--socket-buffer-bytes", Integer.toString(kernelBytes),
            "--ring-size", Integer.toString(brokerRingSize),
            "--bot-arg=--hwm=100", "--bot-arg=--socket-buffer-bytes=" + kernelBytes,
            "--stub-arg=--hwm=100", "--stub-arg=--socket-buffer-bytes=" + kernelBytes);
    }

    private final PipelineRun runner;
    private final BenchSettings settings;
    private final List<String> extraArgs;
    /** The {@code /proc/stat} line of the trading thread's CPU, or of the whole machine when it is not pinned. */
    private final String stealLabel;
    /** pace, then send mode, then condition: the repeats. */
    private final Map<IsolationPace, Map<String, Map<Condition, Scenario>>> results = new LinkedHashMap<>();

    /**
     * @param pinning    the CPU flags of every run, the same for both modes and every condition; or none
     * @param tradingCpu the CPU the pinning gives the trading thread, -1 without pinning
     */
    Isolation(final PipelineRun runner, final BenchSettings settings, final List<String> pinning, final int tradingCpu)
    {
        this.runner = runner;
        this.settings = settings;
        this.extraArgs = extraArgs(settings, pinning);
        this.stealLabel = CpuSteal.label(tradingCpu);
    }

    /** The flags every isolation run adds to the condition's: the small buffers, then the pinning. */
    private static List<String> extraArgs(final BenchSettings settings, final List<String> pinning)
    {
        final List<String> args = new ArrayList<>(settings.quick() ? QUICK_BUFFERS : SMALL_BUFFERS);
        args.addAll(pinning);
        return List.copyOf(args);
    }

    /** Generates each pace's data into {@code dir}, then runs the matrix. */
    void run(final Path dir) throws IOException, InterruptedException
    {
        for (final IsolationPace pace : settings.isolationPaces())
        {
            BenchMain.generate(data(dir, pace), pace.ticks());
        }
        for (int repeat = 1; repeat <= settings.isolationRepeats(); repeat++)
        {
            for (final IsolationPace pace : settings.isolationPaces())
            {
                for (final String mode : List.of(RING, DIRECT))
                {
                    for (final Condition condition : Condition.values())
                    {
                        final PipelineRun.Spec spec = spec(data(dir, pace), pace, mode, condition, repeat);
                        final long stolenBeforeMs = CpuSteal.stolenMs(stealLabel);
                        final RunFigures figures = runner.run(spec);
                        final long stolenMs = CpuSteal.stolenMs(stealLabel) - stolenBeforeMs;
                        results.computeIfAbsent(pace, k -> new LinkedHashMap<>())
                            .computeIfAbsent(mode, k -> new EnumMap<>(Condition.class))
                            .computeIfAbsent(condition, k -> new Scenario())
                            .add(figures, tickToPublish(runner.reportDir(spec.runId())), stolenBeforeMs < 0 ? -1 : stolenMs);
                    }
                }
            }
        }
    }

    /**
     * One scenario's run in one repeat. A paced run's broker is stopped a quarter of the way into
     * the measured ticks; a run still going a few seconds after its replay should have ended is
     * cut short (the naive baseline behind a stalled sidecar would take hours).
     */
    PipelineRun.Spec spec(
        final Path data, final IsolationPace pace, final String mode, final Condition condition, final int repeat)
    {
        final String runId = String.format(Locale.ROOT, "isolation-%s-%s-%s-%d",
            pace.name(), mode, condition.name().toLowerCase(Locale.ROOT), repeat);
        final long stopAt = pace.warmupEvents() + 1 + (pace.paced() ? (pace.ticks() - pace.warmupEvents()) / 4 : 0);
        return new PipelineRun.Spec(runId, data, pace.flag(), mode, condition, stopAt, settings.stopMs(),
            pace.warmupEvents(), timeLimitMs(pace, mode), extraArgs);
    }

    /**
     * How long a run may take, start-up (about 5 s of three JVMs) included, before it is asked to
     * stop and leaves a partial report. A paced run gets its replay's length and a margin:
     * {@link #RING_PACED_MARGIN_MS} for quietloop, {@link #PACED_MARGIN_MS} for the naive baseline,
     * which behind a faulted sidecar would take hours. At max speed
     * quietloop finishes well within {@link #MAX_SPEED_RING_MS}; the naive baseline does not: it
     * sends one-event frames at the pace the pipeline takes them, a few thousand a second here even
     * with a healthy stub, so it is stopped at {@link #MAX_SPEED_NAIVE_MS}, long after its warm-up.
     */
    static long timeLimitMs(final IsolationPace pace, final String mode)
    {
        if (pace.paced())
        {
            return pace.ticks() * 1000 / pace.rate() + (RING.equals(mode) ? RING_PACED_MARGIN_MS : PACED_MARGIN_MS);
        }
        return DIRECT.equals(mode) ? MAX_SPEED_NAIVE_MS : MAX_SPEED_RING_MS;
    }

    /**
     * A run's {@code tickToPublish} samples, from the interval log its bot wrote (the warm-up's are
     * not in it); none for a run that left no log.
     */
    static Histogram tickToPublish(final Path reportDir)
    {
        final Path log = reportDir.resolve(Hop.TICK_TO_PUBLISH.logFile());
        return Files.isRegularFile(log) ? HopLatency.readLog(log) : Scenario.emptyHistogram();
    }

    /** Where a pace's generated data goes. */
    static Path data(final Path dir, final IsolationPace pace)
    {
        return dir.resolve("isolation-" + pace.name() + ".csv");
    }

    /** The tables, the goal check and the plot, as Markdown. */
    List<String> report(final Path resultsDir)
    {
        return new IsolationReport(settings.isolationRepeats(), stealLabel).lines(results, resultsDir);
    }
}
