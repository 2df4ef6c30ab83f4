package dev.quietloop.broker;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.quietloop.broker.launch.ChildFailedException;
import dev.quietloop.broker.launch.ChildLauncher;
import dev.quietloop.broker.launch.ChildProcess;
import dev.quietloop.broker.report.ReportPlots;
import dev.quietloop.broker.report.ReportWriter;
import dev.quietloop.broker.report.RunConfigWriter;
import dev.quietloop.broker.report.SummaryText;
import dev.quietloop.broker.ring.BrokerCounters;
import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.wire.ConfigException;
import dev.quietloop.protocol.config.CpuOptions;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.process.CountersDirectory;
import dev.quietloop.protocol.process.CpuAffinity;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.ParentLink;
import dev.quietloop.protocol.process.Readiness;
import dev.quietloop.protocol.process.SignalTrap;
import org.HdrHistogram.Histogram;

/**
 * Sequences one broker run: stub, ingest bind, forwarder, reporter, readiness, bot; then waits
 * for the end (the expected ends of stream, the bot's exit, or a signal), drains within the drain
 * timeout, stops the threads and the children in order, and writes the report.
 */
final class RunCoordinator
{
    static final String BOT_MAIN = "dev.quietloop.bot.BotMain";
    static final String STUB_MAIN = "dev.quietloop.sidecar.SidecarStubMain";
    static final String BOT_ROLE = "bot";
    static final String STUB_ROLE = "sidecar-stub";
    static final String ROLE = "broker";
    static final String BOT_SUMMARY = "bot.json";
    static final String STUB_SUMMARY = "sidecar.json";

    private static final long READY_TIMEOUT_MS = 30_000;
    private static final long BOT_EXIT_GRACE_MS = 1_000;
    private static final long CHILD_STOP_TIMEOUT_MS = 10_000;
    /** How a JVM without its own signal handling answers SIGTERM: 128 + 15. */
    private static final int SIGTERM_EXIT_CODE = 143;
    private static final long POLL_NS = TimeUnit.MILLISECONDS.toNanos(5);

    private final BrokerContext ctx;
    private final PrintStream out;
    private final PrintStream err;
    private final BrokerCounters counters;
    private final ChildLauncher launcher;
    private final BrokerPipeline pipeline;
    private SignalTrap stop;
    private ChildProcess stub;
    private ChildProcess bot;
    private final ChildDeaths deaths;
    private final ChildArguments childArguments;

    RunCoordinator(final BrokerContext ctx, final BrokerCounters counters, final PrintStream out, final PrintStream err)
    {
        this.ctx = ctx;
        this.counters = counters;
        this.out = out;
        this.err = err;
        this.pipeline = new BrokerPipeline(ctx, counters, err);
        this.launcher = new ChildLauncher(ctx.run().jvmOptionsFile(), System.getProperty("java.class.path"), out, err);
        this.deaths = new ChildDeaths(CountersDirectory.resolve(), err);
        this.childArguments = new ChildArguments(ctx);
    }

    /** Runs to the end and returns the exit code; bad input surfaces as a ConfigException. */
    int run()
    {
        final Path runDir = RunDirectory.create(ctx.run().reportsDir(), ctx.run().runId(), ctx.run().runIdOrigin());
        // The first signal tells every child that this process stops them, in order: a terminal's
        // Ctrl-C reaches them too, and each must take it as part of this stop (ParentLink).
        try (SignalTrap stopSignal = SignalTrap.install(ROLE, launcher::holdAll, launcher::destroyAllForcibly))
        {
            stop = stopSignal;
            if (ctx.exitWithParent())
            {
                stopSignal.deferTo(ParentLink.watch(System.in, stopSignal::trigger, stopSignal::trigger));
            }
            try
            {
                return execute(runDir);
            }
            finally
            {
                closeWhatIsLeft();
                RunDirectory.deleteIfEmpty(runDir); // a run that failed to start leaves no empty folder
            }
        }
        catch (final ChildFailedException ex)
        {
            if (ex.exitCode() == ExitCodes.USAGE)
            {
                return ExitCodes.USAGE; // the child's own one-line message was forwarded already
            }
            err.println(ROLE + ": " + ex.getMessage());
            return ExitCodes.CHILD_FAILED;
        }
    }

    private int execute(final Path runDir)
    {
        Endpoint sidecar = ctx.sidecar();
        if (ctx.run().sidecarMode() == RunContext.SidecarMode.LAUNCH_STUB)
        {
            stub = launcher.launch(STUB_ROLE, STUB_MAIN, childArguments.stub(runDir));
            sidecar = stub.awaitReady(READY_TIMEOUT_MS, stop::isRequested);
            if (null == sidecar)
            {
                return ExitCodes.INTERRUPTED;
            }
        }
        final boolean launchBot = ctx.run().botMode() == RunContext.BotMode.LAUNCH;
        final Endpoint ingest = pipeline.start(sidecar, runDir.resolve(ReportWriter.HLOG_FILE));
        if (launchBot)
        {
            bot = launcher.launch(BOT_ROLE, BOT_MAIN, childArguments.bot(ChildArguments.connectable(ingest), runDir));
        }
        CpuAffinity.pinProcess(CpuOptions.FLAG, ctx.cpus()); // after the launches: children pin themselves
        if (!launchBot)
        {
            Readiness.announce(ROLE, ingest); // a broker that starts the bot itself has nobody waiting for it
        }

        boolean interrupted = awaitEnd(runDir);
        if (!interrupted && null != bot && !bot.isAlive() && bot.exitCode() == ExitCodes.USAGE)
        {
            return abandonOnBadInput(runDir);
        }
        final boolean stubGone = null != stub && !stub.isAlive();
        final boolean botStopped = interrupted || stubGone;
        if (botStopped && null != bot)
        {
            bot.stop(ctx.drainTimeoutMs() + CHILD_STOP_TIMEOUT_MS); // stop producing first
        }
        // A stub that is gone takes nothing more: what the broker still holds is undelivered now.
        final long undelivered = pipeline.drainAndStop(stubGone ? 0 : ctx.drainTimeoutMs());
        final int botExitCode = finishBot(botStopped);
        // A bot that exits UNDELIVERED finished: what it could not send is in its summary's bot.unsent.
        final boolean botFailed = null != bot && (bot.wasForced() || (botExitCode != ExitCodes.OK &&
            botExitCode != ExitCodes.UNDELIVERED && !(botStopped && botExitCode == ExitCodes.INTERRUPTED)));
        final boolean stubFailed = finishStub();
        interrupted |= stop.isRequested();

        final Map<String, Long> brokerSummary = new TreeMap<>(counters.snapshot());
        brokerSummary.putAll(pipeline.brokerDwell().percentiles());
        final ReportWriter writer = new ReportWriter(runDir, err);
        try
        {
            final Histogram total = pipeline.finishLatencyLog();
            writer.writeBrokerCounters(brokerSummary);
            pipeline.writeFiles(runDir);
            deaths.writeSides(runDir, Map.of(BOT_ROLE, BOT_SUMMARY, STUB_ROLE, STUB_SUMMARY));
            final Map<String, Long> components = writer.mergeComponents();
            final int exitCode = verdict(components, undelivered, interrupted, botExitCode, botFailed || stubFailed);
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
            components.putAll(brokerSummary);
            final int verdict = verdict(components, undelivered, interrupted, botExitCode, botFailed || stubFailed);
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
        final long lostWithDeadChildren = deaths.account(components, undelivered);
        if (null != pipeline.ingressFailure())
        {
            return ExitCodes.FAILURE;
        }
        return new RunOutcome(interrupted, Accounting.countLosses(components, undelivered) + lostWithDeadChildren, botExitCode,
            childFailed, deaths.any()).exitCode();
    }

    /**
     * The bot refused its input (its one line says why) before anything ran: stop the rest without
     * another word and leave no report behind, so the user sees just that line.
     */
    private int abandonOnBadInput(final Path runDir)
    {
        if (null != stub)
        {
            stub.mute();
            stub.destroyForcibly();
            stub.waitFor(CHILD_STOP_TIMEOUT_MS);
            stub = null;
        }
        pipeline.close();
        RunDirectory.delete(runDir);
        return ExitCodes.USAGE;
    }

    /**
     * Watches the children every {@link #POLL_NS} while the run goes on: a stub that dies ends the
     * run, a bot that exits (or dies) ends it once its last frames are in.
     *
     * @return true if the run ended because it was asked to stop, or because its ingest was lost.
     */
    private boolean awaitEnd(final Path runDir)
    {
        while (!stop.isRequested())
        {
            if (null != pipeline.ingressFailure())
            {
                return true; // the bot's frames can no longer arrive: stop it as a signal would
            }
            if (expectedEndsArrived())
            {
                return false;
            }
            if (null != stub && !stub.isAlive())
            {
                if (!Files.exists(runDir.resolve(STUB_SUMMARY)))
                {
                    deaths.noticed(stub, counters);
                }
                return false;
            }
            if (null != bot && !bot.isAlive())
            {
                if (!Files.exists(runDir.resolve(BOT_SUMMARY)) && bot.exitCode() != ExitCodes.USAGE)
                {
                    deaths.noticed(bot, counters); // a bot that refused its input said why, and ran nothing
                }
                awaitQuietAfterBotExit();
                return stop.isRequested();
            }
            pause();
        }
        return true;
    }


    /**
     * Frames the bot sent before exiting may still be on their way (queued behind others when the
     * sidecar is slow): wait for its end of stream until no frame has arrived for a grace period.
     * The grace runs only while the broker ring is empty: with frames still waiting to be forwarded
     * the receiver may be held back by a full ring, and its quiet says nothing about what is still
     * in flight. The wait starts the drain's clock ({@link BrokerPipeline#startDrain}): it and the
     * drain after it share one drain timeout, for a sidecar that takes nothing.
     */
    private void awaitQuietAfterBotExit()
    {
        final long graceNs = TimeUnit.MILLISECONDS.toNanos(BOT_EXIT_GRACE_MS);
        final long deadlineNs = pipeline.startDrain(ctx.drainTimeoutMs());
        long lastFrames = counters.framesReceived().get();
        long quietSinceNs = System.nanoTime();
        while (!stop.isRequested() && !expectedEndsArrived() && System.nanoTime() - quietSinceNs < graceNs &&
            System.nanoTime() - deadlineNs < 0)
        {
            pause();
            final long frames = counters.framesReceived().get();
            if (frames != lastFrames || counters.framesForwarded().get() < frames)
            {
                lastFrames = frames;
                quietSinceNs = System.nanoTime();
            }
        }
    }

    private boolean expectedEndsArrived()
    {
        return ctx.run().expectBots() > 0 && counters.endOfStreams().get() >= ctx.run().expectBots();
    }

    private int finishBot(final boolean interrupted)
    {
        if (null == bot)
        {
            return RunOutcome.NOT_LAUNCHED;
        }
        final long exitTimeoutMs = interrupted ? 0 : ctx.drainTimeoutMs() + CHILD_STOP_TIMEOUT_MS;
        if (!bot.waitFor(exitTimeoutMs))
        {
            bot.stop(CHILD_STOP_TIMEOUT_MS);
        }
        return bot.isAlive() ? ChildFailedException.NO_EXIT_CODE : bot.exitCode();
    }

    /** Stops the stub with SIGTERM so it writes its summary; @return true if it failed. */
    private boolean finishStub()
    {
        if (null == stub)
        {
            return false;
        }
        final int exitCode = stub.stop(CHILD_STOP_TIMEOUT_MS);
        final boolean failed = stub.wasForced() ||
            !(exitCode == ExitCodes.OK || exitCode == ExitCodes.INTERRUPTED || exitCode == SIGTERM_EXIT_CODE);
        stub = null;
        return failed;
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

    /** On the failure path: stop whatever is still running, producers first. */
    private void closeWhatIsLeft()
    {
        if (null != bot && bot.isAlive())
        {
            bot.stop(CHILD_STOP_TIMEOUT_MS);
        }
        pipeline.close();
        if (null != stub)
        {
            stub.mute(); // the run failed to start: its one line is what the user needs to read
            stub.stop(CHILD_STOP_TIMEOUT_MS);
        }
    }

    private static String micros(final long nanos)
    {
        return String.format(Locale.ROOT, "%.1f", nanos / 1000.0);
    }

    private static void pause()
    {
        LockSupport.parkNanos(POLL_NS);
    }
}
