package dev.quietloop.broker;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import dev.quietloop.broker.launch.ChildProcess;
import dev.quietloop.broker.ring.BrokerCounters;
import dev.quietloop.protocol.process.ExitCodes;

/**
 * Watches a run from the main thread until it ends: the expected ends of stream arrive, the bots
 * exit (and their last frames are in), the stub dies, the ingest is lost, or a stop is asked for.
 * A child seen dead is told at once ({@link ChildDeaths}).
 */
final class RunEndWatch
{
    private final BrokerContext ctx;
    private final BrokerCounters counters;
    private final BrokerPipeline pipeline;
    private final LaunchedChildren children;
    private final ChildDeaths deaths;
    private final BooleanSupplier stopRequested;
    private final PrintStream out;
    private long botsLostTold;
    private long sourceInUseTold;

    RunEndWatch(
        final BrokerContext ctx,
        final BrokerCounters counters,
        final BrokerPipeline pipeline,
        final LaunchedChildren children,
        final ChildDeaths deaths,
        final BooleanSupplier stopRequested,
        final PrintStream out)
    {
        this.out = out;
        this.ctx = ctx;
        this.counters = counters;
        this.pipeline = pipeline;
        this.children = children;
        this.deaths = deaths;
        this.stopRequested = stopRequested;
    }

    /**
     * Watches the children every {@link BrokerConfiguration#RUN_POLL_NS} while the run goes on: a
     * stub that dies ends the run, a bot that refuses its input ends it at once, a bot that dies is
     * told and the run goes on with the others, and once every bot has exited the run ends when
     * their last frames are in.
     *
     * @return true if the run ended because it was asked to stop, or because its ingest was lost.
     */
    boolean await(final Path runDir)
    {
        final ChildProcess stub = children.stub();
        final List<ChildProcess> bots = children.bots();
        final boolean[] seenExited = new boolean[bots.size()];
        while (!stopRequested.getAsBoolean())
        {
            tellNewsOfTheBots();
            if (null != pipeline.ingressFailure())
            {
                return true; // the bots' frames can no longer arrive: stop them as a signal would
            }
            if (expectedEndsArrived())
            {
                return false;
            }
            if (null != stub && !stub.isAlive())
            {
                if (!Files.exists(runDir.resolve(LaunchedChildren.STUB_SUMMARY)))
                {
                    deaths.noticed(stub, counters);
                }
                return false;
            }
            int exited = 0;
            for (int i = 0; i < bots.size(); i++)
            {
                final ChildProcess bot = bots.get(i);
                if (!seenExited[i] && !bot.isAlive())
                {
                    seenExited[i] = true;
                    if (bot.exitCode() == ExitCodes.USAGE)
                    {
                        return false; // it refused its input and said why: the run is abandoned
                    }
                    if (!Files.exists(runDir.resolve(children.botSpecs().get(i).summaryFile())))
                    {
                        deaths.noticed(bot, counters);
                    }
                }
                exited += seenExited[i] ? 1 : 0;
            }
            if (!bots.isEmpty() && exited == bots.size())
            {
                awaitQuietAfterBotExit();
                return stopRequested.getAsBoolean();
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
        final long graceNs = TimeUnit.MILLISECONDS.toNanos(BrokerConfiguration.BOT_EXIT_GRACE_MS);
        final long deadlineNs = pipeline.startDrain(ctx.drainTimeoutMs());
        long lastFrames = counters.framesReceived().get();
        long quietSinceNs = System.nanoTime();
        while (!stopRequested.getAsBoolean() && !expectedEndsArrived() &&
            System.nanoTime() - quietSinceNs < graceNs && System.nanoTime() - deadlineNs < 0)
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

    /** A bot lost counts as one ended: the run goes on with the others, and ends when they end. */
    private boolean expectedEndsArrived()
    {
        final int expectBots = ctx.run().expectBots();
        return expectBots > 0 && counters.endOfStreams().get() + counters.botsLost().get() >= expectBots;
    }

    /**
     * Says on the console, once each, what the receiver counted: a bot declared lost, and frames
     * refused for a source id another live bot holds.
     */
    private void tellNewsOfTheBots()
    {
        final long lost = counters.botsLost().get();
        if (lost > botsLostTold)
        {
            out.println(BrokerConfiguration.ROLE + ": the bot with source id " + counters.botLostSource().get() + " is lost: " +
                "no frame for " + ctx.botTimeoutS() + " s (" + BrokerConfiguration.BOT_TIMEOUT_FLAG + ") and no end of " +
                "stream; what it sent is counted, and the run goes on with the others");
        }
        botsLostTold = lost;
        final long refused = counters.sourceInUse().get();
        final long claimed = counters.sourceInUseId().get();
        if (refused > 0 && claimed != sourceInUseTold)
        {
            out.println(BrokerConfiguration.ROLE + ": refusing the frames of a second bot with source id " + claimed +
                ", which a live bot holds on another connection (counted in broker.sourceInUse): give each bot its " +
                "own --source-id");
            sourceInUseTold = claimed;
        }
    }

    private static void pause()
    {
        LockSupport.parkNanos(BrokerConfiguration.RUN_POLL_NS);
    }
}
