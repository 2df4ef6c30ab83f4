package dev.quietloop.broker;

import java.io.PrintStream;
import java.nio.file.Path;

import dev.quietloop.broker.launch.ChildFailedException;
import dev.quietloop.broker.report.ReportWriter;
import dev.quietloop.broker.ring.BrokerCounters;
import dev.quietloop.protocol.config.CpuOptions;
import dev.quietloop.protocol.process.CountersDirectory;
import dev.quietloop.protocol.process.CpuAffinity;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.ParentLink;
import dev.quietloop.protocol.process.Readiness;
import dev.quietloop.protocol.process.SignalTrap;
import dev.quietloop.wire.Endpoint;

import static dev.quietloop.broker.BrokerConfiguration.CHILD_STOP_TIMEOUT_MS;
import static dev.quietloop.broker.BrokerConfiguration.ROLE;

/**
 * Sequences one broker run: stub, ingest bind, forwarder, reporter, readiness, bot; then waits
 * for the end ({@link RunEndWatch}), stops the bot first, drains within the drain timeout, stops
 * the stub last, and hands the rest to the {@link FinalReport}. A first signal starts that same
 * orderly end; a failure on the way stops what runs, producers first.
 */
final class RunCoordinator
{
    private final BrokerContext ctx;
    private final PrintStream out;
    private final PrintStream err;
    private final BrokerPipeline pipeline;
    private final LaunchedChildren children;
    private final ChildDeaths deaths;
    private final FinalReport report;
    private final BrokerCounters counters;

    RunCoordinator(final BrokerContext ctx, final BrokerCounters counters, final PrintStream out, final PrintStream err)
    {
        this.ctx = ctx;
        this.counters = counters;
        this.out = out;
        this.err = err;
        this.pipeline = new BrokerPipeline(ctx, counters, err);
        this.children = new LaunchedChildren(ctx, out, err);
        this.deaths = new ChildDeaths(CountersDirectory.resolve(), err);
        this.report = new FinalReport(ctx, counters, pipeline, deaths, out, err);
    }

    /** Runs to the end and returns the exit code; bad input surfaces as a ConfigException. */
    int run()
    {
        final Path runDir = RunDirectory.create(ctx.run().reportsDir(), ctx.run().runId(), ctx.run().runIdOrigin());
        // The first signal tells every child that this process stops them, in order: a terminal's
        // Ctrl-C reaches them too, and each must take it as part of this stop (ParentLink).
        try (SignalTrap stop = SignalTrap.install(ROLE, children::holdAll, children::destroyAllForcibly))
        {
            if (ctx.exitWithParent())
            {
                stop.deferTo(ParentLink.watch(System.in, stop::trigger, stop::trigger));
            }
            try
            {
                return execute(runDir, stop);
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

    private int execute(final Path runDir, final SignalTrap stop)
    {
        Endpoint sidecar = ctx.sidecar();
        if (ctx.run().sidecarMode() == RunContext.SidecarMode.LAUNCH_STUB)
        {
            sidecar = children.launchStub(runDir, stop::isRequested);
            if (null == sidecar)
            {
                return ExitCodes.INTERRUPTED;
            }
        }
        final Endpoint ingest = pipeline.start(sidecar, runDir.resolve(ReportWriter.HLOG_FILE));
        final boolean launchBot = ctx.run().botMode() == RunContext.BotMode.LAUNCH;
        if (launchBot)
        {
            children.launchBots(ingest, runDir);
        }
        CpuAffinity.pinProcess(CpuOptions.FLAG, ctx.processCpus()); // after the launches: children pin themselves
        if (!launchBot)
        {
            Readiness.announce(ROLE, ingest); // a broker that starts the bot itself has nobody waiting for it
        }

        boolean interrupted = new RunEndWatch(ctx, counters, pipeline, children, deaths, stop::isRequested, out).await(runDir);
        if (!interrupted && children.botRefusedInput())
        {
            return abandonOnBadInput(runDir);
        }
        if (null != ctx.cpuLayout().note())
        {
            out.println(ROLE + ": " + ctx.cpuLayout().note()); // once the run is one: a refused input gets one line alone
        }
        final boolean stubGone = children.stubGone();
        final boolean botStopped = interrupted || stubGone;
        if (botStopped)
        {
            children.stopBots(ctx.drainTimeoutMs() + CHILD_STOP_TIMEOUT_MS); // stop producing first
        }
        // A stub that is gone takes nothing more: what the broker still holds is undelivered now.
        final long undelivered = pipeline.drainAndStop(stubGone ? 0 : ctx.drainTimeoutMs());
        final int botExitCode = children.finishBots(botStopped ? 0 : ctx.drainTimeoutMs() + CHILD_STOP_TIMEOUT_MS);
        final boolean botFailed = children.botFailed(botStopped);
        final boolean stubFailed = children.finishStub();
        interrupted |= stop.isRequested();
        return report.write(runDir, interrupted, undelivered, botExitCode, botFailed || stubFailed);
    }

    /**
     * A bot refused its input (its one line says why) before anything ran: stop the rest without
     * another word and leave no report behind, so the user sees just that line.
     */
    private int abandonOnBadInput(final Path runDir)
    {
        children.stopBotsQuietly();
        children.killStubQuietly();
        pipeline.close();
        RunDirectory.delete(runDir);
        return ExitCodes.USAGE;
    }

    /** On the failure path: stop whatever is still running, producers first. */
    private void closeWhatIsLeft()
    {
        children.stopBotsIfAlive();
        pipeline.close();
        children.stopStubQuietly();
    }
}
