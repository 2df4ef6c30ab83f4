package dev.quietloop.perf.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import dev.quietloop.protocol.account.Accounting;

/**
 * Section 4: the CPU time one more event delivered to the sidecar costs, all three processes
 * together, against one more 64-byte message of raw JeroMQ PUSH/PULL between two processes,
 * measured in the same bench run. quietloop runs as a user starts it ({@link PipelineRun#userCommand}).
 * <p>
 * Both are marginal: the difference in CPU time between a long and a short run, over the difference
 * in what they delivered. What every run pays whatever its length (three JVMs starting, loading
 * the file's first rows, closing) falls out, as far as it is the same in both. Each process reads
 * its own CPU time as it ends, quietloop's and the baseline's alike ({@code ProcessCpu}).
 */
final class CpuPerEvent
{
    /** The goal: at most this much CPU, all three processes, per event delivered. */
    static final double GOAL_NS = 300;
    static final long LONG_TICKS = 2_000_000;
    static final long SHORT_TICKS = 100_000;
    /**
     * A bot ring that holds the whole long replay, so that no event is refused and every tick's is
     * delivered: the pipeline's own cost per event, which the default ring's refusals at max speed
     * leave unmeasured (its long run delivers a ring's worth more than its short one, no more).
     */
    static final int WHOLE_REPLAY_RING = Integer.highestOneBit((int)LONG_TICKS - 1) << 1;
    static final String WHOLE_REPLAY_RING_ARG = "--ring-size=" + WHOLE_REPLAY_RING;
    /** A default run of the long file took 9 s here; a limit far past it only catches a stuck run. */
    private static final long LIMIT_MS = 300_000;
    private static final long NS_PER_MS = 1_000_000;

    private final PipelineRun runner;
    private final RawJeromqRun rawJeromq;
    private final BenchSettings settings;
    private final List<Repeat> repeats = new ArrayList<>();
    private final List<Repeat> wholeRingRepeats = new ArrayList<>();
    private final List<RawRepeat> rawRepeats = new ArrayList<>();

    /** @param rawJeromq the raw baseline, with the same JVM flags as {@code runner}'s pipeline */
    CpuPerEvent(final PipelineRun runner, final RawJeromqRun rawJeromq, final BenchSettings settings)
    {
        this.runner = runner;
        this.rawJeromq = rawJeromq;
        this.settings = settings;
    }

    /** A long and a short quietloop run, one after the other. */
    record Repeat(RunFigures longRun, RunFigures shortRun)
    {
        /** All three processes' marginal CPU per event delivered, in ns; NaN if it cannot be told. */
        double nsPerEvent()
        {
            return marginalNs(longRun.cpuMs() * NS_PER_MS, longRun.delivered(), shortRun.cpuMs() * NS_PER_MS,
                shortRun.delivered(), longRun.cpuMs() >= 0 && shortRun.cpuMs() >= 0);
        }

        /** One process's marginal CPU per event delivered (its {@code cpuMs} key), in ns; NaN if it cannot be told. */
        double nsPerEvent(final String cpuMsKey)
        {
            final Long longMs = longRun.summary().get(cpuMsKey);
            final Long shortMs = shortRun.summary().get(cpuMsKey);
            return null == longMs || null == shortMs ? Double.NaN :
                marginalNs(longMs * NS_PER_MS, longRun.delivered(), shortMs * NS_PER_MS, shortRun.delivered(), true);
        }

        /** All three processes' marginal CPU per tick replayed, whether its event was delivered or not. */
        double nsPerTick()
        {
            return marginalNs(longRun.cpuMs() * NS_PER_MS, longRun.value(Accounting.BOT_TICKS),
                shortRun.cpuMs() * NS_PER_MS, shortRun.value(Accounting.BOT_TICKS),
                longRun.cpuMs() >= 0 && shortRun.cpuMs() >= 0);
        }
    }

    /** A long and a short raw baseline run. */
    record RawRepeat(RawJeromqRun.Result longRun, RawJeromqRun.Result shortRun)
    {
        /** Both processes' marginal CPU per message, in ns; NaN if it cannot be told. */
        double nsPerMessage()
        {
            return marginalNs(longRun.cpuNs(), longRun.messages(), shortRun.cpuNs(), shortRun.messages(),
                longRun.cpuNs() >= 0 && shortRun.cpuNs() >= 0);
        }
    }

    /**
     * (CPU of the long run - CPU of the short one) / (what the long run delivered - what the short one did).
     *
     * @param known whether both CPU times are known
     * @return NaN when either CPU time is not known or the long run delivered no more than the short one.
     */
    static double marginalNs(
        final long longCpuNs, final long longCount, final long shortCpuNs, final long shortCount, final boolean known)
    {
        final long count = longCount - shortCount;
        return !known || count <= 0 ? Double.NaN : (double)(longCpuNs - shortCpuNs) / count;
    }

    /**
     * The repeats, round-robin: quietloop long and short, the same with the whole-replay ring, raw
     * JeroMQ long and short.
     */
    void run(final Path longData, final Path shortData) throws IOException, InterruptedException
    {
        for (int repeat = 1; repeat <= settings.cpuRepeats(); repeat++)
        {
            final RunFigures longRun = runner.runAsUser("cpu-" + LONG_TICKS + "-" + repeat, longData, LIMIT_MS);
            final RunFigures shortRun = runner.runAsUser("cpu-" + SHORT_TICKS + "-" + repeat, shortData, LIMIT_MS);
            repeats.add(new Repeat(longRun, shortRun));
            wholeRingRepeats.add(new Repeat(
                runner.runAsUser("cpu-ring-" + LONG_TICKS + "-" + repeat, longData, LIMIT_MS, WHOLE_REPLAY_RING_ARG),
                runner.runAsUser("cpu-ring-" + SHORT_TICKS + "-" + repeat, shortData, LIMIT_MS, WHOLE_REPLAY_RING_ARG)));
            rawRepeats.add(new RawRepeat(rawJeromq.run(LONG_TICKS, 0), rawJeromq.run(SHORT_TICKS, 0)));
        }
    }

    List<String> report()
    {
        return report(repeats, wholeRingRepeats, rawRepeats);
    }

    /**
     * @param repeats          the runs as a user starts them
     * @param wholeRingRepeats the same runs with {@link #WHOLE_REPLAY_RING_ARG}: what the goal is judged on
     */
    static List<String> report(final List<Repeat> repeats, final List<Repeat> wholeRingRepeats, final List<RawRepeat> rawRepeats)
    {
        final List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "The CPU time of every process, user and system, as each read its own " +
            "at its end. quietloop: the default pipeline as a user starts it, `bin/run-bot.sh --data FILE " +
            "--strategy tick-signal` (max speed, the default ring, pinning, idle strategies and heap; only " +
            "`--reports` and `--run-id` added), on a %,d-tick and a %,d-tick file, one event per tick. Raw " +
            "JeroMQ: PUSH/PULL between two JVMs, 64-byte single messages, %,d and %,d of them, the same JVM flags. " +
            "%d repeats, round-robin. The same quietloop runs again with `--bot-arg=%s`, a bot ring that holds the " +
            "whole long replay: at max speed the default ring refuses most events, so only these runs deliver every " +
            "tick's event and measure what the pipeline costs per event.", LONG_TICKS, SHORT_TICKS, LONG_TICKS,
            SHORT_TICKS, repeats.size(), WHOLE_REPLAY_RING_ARG));
        lines.add("");
        lines.add("| quietloop, repeat | bot ring | ticks | delivered | ring rejected | bot CPU ms | broker CPU ms | " +
            "sidecar stub CPU ms | all three ms | exit |");
        lines.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        addRunRows(lines, repeats, "default");
        addRunRows(lines, wholeRingRepeats, String.format(Locale.ROOT, "%,d", WHOLE_REPLAY_RING));
        lines.add("");
        lines.add("| raw JeroMQ, repeat | messages | receiver CPU ms | sender CPU ms | both ms | messages/s |");
        lines.add("| --- | --- | --- | --- | --- | --- |");
        for (int i = 0; i < rawRepeats.size(); i++)
        {
            lines.add(rawRow(i + 1, rawRepeats.get(i).longRun()));
            lines.add(rawRow(i + 1, rawRepeats.get(i).shortRun()));
        }
        lines.add("");
        final Spread quietloop = known(wholeRingRepeats, Repeat::nsPerEvent);
        final Spread raw = known(rawRepeats, RawRepeat::nsPerMessage);
        lines.add("| marginal CPU, ns | median of the repeats (lowest–highest) |");
        lines.add("| --- | --- |");
        lines.add("| quietloop, all three processes, per event delivered, whole-replay ring (nothing refused) | " +
            plain(quietloop) + " |");
        lines.add("| - bot | " + plain(known(wholeRingRepeats, r -> r.nsPerEvent(Accounting.BOT_CPU_MS))) + " |");
        lines.add("| - broker | " + plain(known(wholeRingRepeats, r -> r.nsPerEvent(Accounting.BROKER_CPU_MS))) + " |");
        lines.add("| - sidecar stub | " + plain(known(wholeRingRepeats, r -> r.nsPerEvent(Accounting.SIDECAR_CPU_MS))) + " |");
        lines.add("| quietloop, all three processes, per event delivered, default ring (most refused) | " +
            plain(known(repeats, Repeat::nsPerEvent)) + " |");
        lines.add("| quietloop, all three processes, per tick replayed, default ring (its event delivered or " +
            "refused by the bot ring) | " + plain(known(repeats, Repeat::nsPerTick)) + " |");
        lines.add("| raw JeroMQ, both processes, per message | " + plain(raw) + " |");
        lines.add("");
        final double ratio = quietloop.median() / raw.median();
        lines.add(String.format(Locale.ROOT, "- quietloop per event delivered / raw JeroMQ per message = **%s**",
            Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f×", ratio)));
        lines.add(String.format(Locale.ROOT, "- Goal: %.0f ns or less per event delivered: %s", GOAL_NS,
            Double.isNaN(quietloop.median()) ? "**not measured**" :
            quietloop.median() <= GOAL_NS ? "met" : String.format(Locale.ROOT, "**not met** (%,.0f ns)", quietloop.median())));
        lines.add(String.format(Locale.ROOT, "- Marginal: (CPU of the %,d-tick run - CPU of the %,d-tick run) / " +
            "(events the sidecar received in the first - in the second), per repeat; raw JeroMQ's likewise over " +
            "the messages. What both runs pay whatever their length (three JVMs, or two, starting and closing) falls " +
            "out; the JIT's compiling, which goes on longer in a longer run, does not. At max speed a full bot ring " +
            "refuses events (ring rejected): the trading thread's work on their ticks is in the CPU but they are not " +
            "delivered, so they raise the cost per event delivered, and the default ring's long run delivers little " +
            "more than its short one; the per-tick row leaves that out. The ratio and the goal take the whole-replay " +
            "ring's figure.", LONG_TICKS, SHORT_TICKS));
        lines.add("- CPU: `bot.cpuMs`, `broker.cpuMs`, `sidecar.cpuMs` of each run's summary, and the baseline's " +
            "`receiverCpuNs`, `senderCpuNs`: each process's whole CPU time (every thread, the JIT's and the " +
            "collector's included, not its children's), in the kernel's 10 ms clock ticks, read by itself as it " +
            "ends. A run whose figures are missing counts in no median.");
        return lines;
    }

    private static void addRunRows(final List<String> lines, final List<Repeat> repeats, final String ring)
    {
        for (int i = 0; i < repeats.size(); i++)
        {
            lines.add(runRow(i + 1, ring, repeats.get(i).longRun()));
            lines.add(runRow(i + 1, ring, repeats.get(i).shortRun()));
        }
    }

    private static String runRow(final int repeat, final String ring, final RunFigures run)
    {
        return String.format(Locale.ROOT, "| %d | %s | %,d | %,d | %,d | %s | %s | %s | %s | %d%s |", repeat, ring,
            run.value(Accounting.BOT_TICKS), run.delivered(), run.ringRejected(), ms(run, Accounting.BOT_CPU_MS),
            ms(run, Accounting.BROKER_CPU_MS), ms(run, Accounting.SIDECAR_CPU_MS),
            run.cpuMs() < 0 ? "-" : String.format(Locale.ROOT, "%,d", run.cpuMs()), run.value(Accounting.RUN_EXIT_CODE),
            run.value(Accounting.RUN_PARTIAL) != 0 ? " (partial)" : "");
    }

    private static String ms(final RunFigures run, final String key)
    {
        final Long ms = run.summary().get(key);
        return null == ms ? "-" : String.format(Locale.ROOT, "%,d", ms);
    }

    private static String rawRow(final int repeat, final RawJeromqRun.Result run)
    {
        return String.format(Locale.ROOT, "| %d | %,d | %s | %s | %s | %,.0f |", repeat, run.messages(), nsAsMs(run.receiverCpuNs()), nsAsMs(run.senderCpuNs()), nsAsMs(run.cpuNs()),
            run.messagesPerSecond());
    }

    private static String nsAsMs(final long ns)
    {
        return ns < 0 ? "-" : String.format(Locale.ROOT, "%,d", TimeUnit.NANOSECONDS.toMillis(ns));
    }

    /** The figure over the runs that have it: a run with a CPU time missing counts in no median. */
    private static <T> Spread known(final List<T> runs, final ToDoubleFunction<T> figure)
    {
        return Spread.of(runs.stream().mapToDouble(figure).filter(value -> !Double.isNaN(value)).toArray());
    }

    private static String plain(final Spread spread)
    {
        return Double.isNaN(spread.median()) ? "-" : String.format(Locale.ROOT, "%,.0f (%,.0f–%,.0f)",
            spread.median(), spread.min(), spread.max());
    }
}
