package dev.quietloop.perf.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.quietloop.protocol.process.CountersDirectory;
import dev.quietloop.protocol.process.SummaryJson;

/**
 * One run of the whole pipeline, as {@code bin/run-bot.sh} makes it: the broker launches the
 * stub (or not, for a dead endpoint) and the bot, the bot replays, the broker writes the report.
 * The bench only adds the fault it cannot ask the processes for: stopping the broker with SIGSTOP
 * once the bot has replayed a given number of ticks, read from the bot's live counters.
 */
final class PipelineRun
{
    private static final String BROKER_MAIN = "dev.quietloop.broker.BrokerMain";
    /** Every run's strategy: one signal per tick, so events and ticks are one to one. */
    private static final String STRATEGY = "tick-signal";
    private static final long POLL_MS = 1;
    /** After SIGTERM, how long the broker gets to stop the bot, drain and write its partial report. */
    private static final long STOP_GRACE_MS = 60_000;

    private final Path root;
    private final Path jvmOptions;
    private final Path reportsDir;
    private final Path countersDir;

    PipelineRun(final Path root, final Path jvmOptions, final Path reportsDir, final Path countersDir)
    {
        this.root = root;
        this.jvmOptions = jvmOptions;
        this.reportsDir = reportsDir;
        this.countersDir = countersDir;
    }

    /**
     * What to run: the data, the bot's pacing and send mode, the condition and its extra flags;
     * the strategy is always {@link #STRATEGY}.
     *
     * @param stopAfterMs past this, the run is asked to stop (SIGTERM) and leaves a partial report:
     *                    the naive baseline behind a stalled sidecar waits on every event and
     *                    would take hours to finish its replay
     */
    record Spec(
        String runId,
        Path data,
        String pace,
        String sendMode,
        Condition condition,
        long stopAtTicks,
        long stopMs,
        long warmupEvents,
        long stopAfterMs,
        List<String> extraArgs)
    {
    }

    /** The command line, as a user would type it after {@code bin/run-bot.sh}'s own defaults. */
    List<String> command(final Spec spec, final int deadPort)
    {
        final List<String> command = new ArrayList<>(List.of(
            javaBinary(), "@" + jvmOptions, "-cp", root.resolve("dist/target/lib") + File.separator + "*", BROKER_MAIN,
            "--launch-bot", "--data", spec.data().toString(),
            "--reports", reportsDir.toString(), "--run-id", spec.runId(), "--jvm-options", jvmOptions.toString(),
            "--ingest", "tcp://127.0.0.1:0", "--drain-timeout", "1", "--stub-arg=--drain-ms=500", "--no-plots",
            "--bot-arg=--strategy=" + STRATEGY, "--bot-arg=--quiet", "--bot-arg=" + spec.pace(),
            "--bot-arg=--send-mode=" + spec.sendMode()));
        if (spec.warmupEvents() > 0)
        {
            command.add("--bot-arg=--warmup-events=" + spec.warmupEvents());
            if (spec.condition() != Condition.DEAD)
            {
                command.add("--stub-arg=--warmup-events=" + spec.warmupEvents());
            }
        }
        command.addAll(spec.condition().brokerArgs(deadPort));
        command.addAll(spec.extraArgs());
        return command;
    }

    /**
     * The command line of {@code bin/run-bot.sh --data DATA --strategy tick-signal}, the defaults a
     * user gets and nothing else but where its report goes ({@code --reports}, {@code --run-id}):
     * max speed, the default ring, warm-up, pinning and idle strategies, the progress line; and the
     * bot arguments given, each as {@code --bot-arg=}.
     */
    List<String> userCommand(final String runId, final Path data, final String... botArgs)
    {
        final List<String> command = new ArrayList<>(List.of(
            javaBinary(), "@" + jvmOptions, "-cp", root.resolve("dist/target/lib") + File.separator + "*", BROKER_MAIN,
            "--launch-bot", "--data", data.toString(), "--launch-stub",
            "--reports", reportsDir.toString(), "--jvm-options", jvmOptions.toString(),
            "--bot-arg=--strategy=" + STRATEGY));
        for (final String botArg : botArgs)
        {
            command.add("--bot-arg=" + botArg);
        }
        command.addAll(List.of("--run-id", runId));
        return command;
    }

    /**
     * Runs it to the end, or past {@code stopAfterMs} stops it with SIGTERM as a user's Ctrl-C would
     * (a partial report), or past that grace kills it and all it started; then reads the report.
     */
    RunFigures run(final Spec spec) throws IOException, InterruptedException
    {
        return execute(spec.runId(), command(spec, unusedPort()), spec.stopAfterMs(),
            spec.condition() == Condition.BROKER_STOPPED ? broker -> stopBrokerMidRun(broker, spec) : broker -> { });
    }

    /** A run of {@link #userCommand}, as {@link #run(Spec)} runs one. */
    RunFigures runAsUser(final String runId, final Path data, final long stopAfterMs, final String... botArgs)
        throws IOException, InterruptedException
    {
        return execute(runId, userCommand(runId, data, botArgs), stopAfterMs, broker -> { });
    }

    /** What the bench does to a run's broker while it runs, besides waiting for it. */
    private interface MidRun
    {
        void during(Process broker) throws IOException, InterruptedException;
    }

    private RunFigures execute(final String runId, final List<String> command, final long stopAfterMs, final MidRun midRun)
        throws IOException, InterruptedException
    {
        System.out.println("bench: " + runId);
        final Path log = reportsDir.resolve(runId + ".log");
        final ProcessBuilder builder = new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().put(CountersDirectory.ENV, countersDir.toString());
        final long startNs = System.nanoTime();
        final Process broker = builder.start();
        try
        {
            midRun.during(broker);
            final long leftMs = stopAfterMs - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);
            if (!broker.waitFor(Math.max(0, leftMs), TimeUnit.MILLISECONDS))
            {
                System.out.println("bench: " + runId + " still running after " + stopAfterMs +
                    " ms: stopping it (SIGTERM), its report will be partial");
                broker.destroy();
                if (!broker.waitFor(STOP_GRACE_MS, TimeUnit.MILLISECONDS))
                {
                    throw new IllegalStateException("run " + runId + " did not stop within " + STOP_GRACE_MS +
                        " ms of SIGTERM; its output: " + log);
                }
            }
        }
        finally
        {
            killAll(broker);
        }
        final double wallSeconds = (System.nanoTime() - startNs) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "bench: %s took %.1f s, exit %d%n", runId, wallSeconds,
            broker.exitValue());
        final Path summary = reportDir(runId).resolve("summary.json");
        if (!Files.isRegularFile(summary))
        {
            throw new IllegalStateException("run " + runId + " exited " + broker.exitValue() +
                " without a summary; its output: " + log);
        }
        return new RunFigures(SummaryJson.read(summary));
    }

    /** Where a run's report goes: the broker's {@code --reports} folder and its {@code --run-id}. */
    Path reportDir(final String runId)
    {
        return reportsDir.resolve(runId);
    }

    /** Stops the broker once its bot has replayed {@code stopAtTicks}, for {@code stopMs}. */
    private void stopBrokerMidRun(final Process broker, final Spec spec) throws IOException, InterruptedException
    {
        final long target = spec.stopAtTicks();
        try (BotTicks ticks = new BotTicks(broker.toHandle(), countersDir))
        {
            while (broker.isAlive() && ticks.read() < target)
            {
                Thread.sleep(POLL_MS);
            }
        }
        if (!broker.isAlive())
        {
            return;
        }
        signal("STOP", broker.pid());
        try
        {
            Thread.sleep(spec.stopMs());
        }
        finally
        {
            signal("CONT", broker.pid());
        }
    }

    private static void signal(final String signal, final long pid) throws IOException, InterruptedException
    {
        final Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0)
        {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }

    /** Kills the process and everything it started, at once. */
    static void killAll(final Process process)
    {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static int unusedPort()
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot find a free loopback port", ex);
        }
    }

    /** The java of the JVM the bench runs on, for the processes it starts. */
    static String javaBinary()
    {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
