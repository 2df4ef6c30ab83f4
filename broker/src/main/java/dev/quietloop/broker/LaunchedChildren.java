package dev.quietloop.broker;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.quietloop.broker.launch.ChildFailedException;
import dev.quietloop.broker.launch.ChildLauncher;
import dev.quietloop.broker.launch.ChildProcess;
import dev.quietloop.broker.report.BotSides;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.wire.Endpoint;

import static dev.quietloop.broker.BrokerConfiguration.CHILD_STOP_TIMEOUT_MS;

/**
 * The sidecar stub and the bots a run launches: started with their arguments, stopped in the run's
 * order (the bots first, the stub last, with SIGTERM so it writes its summary), and judged by how
 * they exited. Either may be absent: the run forwards to an external sidecar, or takes bots apart.
 */
final class LaunchedChildren
{
    static final String BOT_MAIN = "dev.quietloop.bot.BotMain";
    static final String STUB_MAIN = "dev.quietloop.sidecar.SidecarStubMain";
    static final String BOT_ROLE = "bot";
    static final String STUB_ROLE = "sidecar-stub";
    static final String BOT_SUMMARY = BotSides.SUMMARY_FILE;
    static final String STUB_SUMMARY = "sidecar.json";
    /** How a JVM without its own signal handling answers SIGTERM: 128 + 15. */
    private static final int SIGTERM_EXIT_CODE = 143;

    private final ChildLauncher launcher;
    private final ChildArguments arguments;
    private final List<LaunchedBot> botSpecs;
    private final List<ChildProcess> bots = new ArrayList<>();
    private ChildProcess stub;

    LaunchedChildren(final BrokerContext ctx, final PrintStream out, final PrintStream err)
    {
        this.launcher = new ChildLauncher(ctx.run().jvmOptionsFile(), System.getProperty("java.class.path"), out, err);
        this.arguments = new ChildArguments(ctx);
        this.botSpecs = ctx.run().launchedBots();
    }

    /**
     * Launches the stub and waits until it is bound.
     *
     * @return the stub's endpoint, or null if the run was asked to stop first.
     */
    Endpoint launchStub(final Path runDir, final BooleanSupplier stopRequested)
    {
        stub = launcher.launch(STUB_ROLE, STUB_MAIN, arguments.stub(runDir));
        return stub.awaitReady(BrokerConfiguration.READY_TIMEOUT_MS, stopRequested);
    }

    /** Launches every bot, each with its folder made first: its JVM opens its safepoint log there at start. */
    void launchBots(final Endpoint ingest, final Path runDir)
    {
        for (int i = 0; i < botSpecs.size(); i++)
        {
            final LaunchedBot spec = botSpecs.get(i);
            final Path folder = spec.folder(runDir);
            try
            {
                Files.createDirectories(folder);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot make " + folder, ex);
            }
            bots.add(launcher.launch(spec.role(), ChildArguments.botJvm(folder), BOT_MAIN,
                arguments.bot(spec, i, ChildArguments.connectable(ingest), runDir)));
        }
    }

    /** The launched stub, or null: none was launched, or it was stopped. */
    ChildProcess stub()
    {
        return stub;
    }

    /** The launched bots, in launch order; empty when the bots run apart. */
    List<ChildProcess> bots()
    {
        return bots;
    }

    /** What the run launched each bot as, in the order of {@link #bots()}. */
    List<LaunchedBot> botSpecs()
    {
        return botSpecs;
    }

    /** The first signal: every child leaves the stop to the broker, which stops them in order. */
    void holdAll()
    {
        launcher.holdAll();
    }

    /** The last resort of a second signal: no child survives the broker. */
    void destroyAllForcibly()
    {
        launcher.destroyAllForcibly();
    }

    /** True if a bot exited refusing its input: it said why, and ran nothing. */
    boolean botRefusedInput()
    {
        return bots.stream().anyMatch(bot -> !bot.isAlive() && bot.exitCode() == ExitCodes.USAGE);
    }

    boolean stubGone()
    {
        return null != stub && !stub.isAlive();
    }

    /** Stops the bots still running, all at once, waiting up to {@code timeoutMs} in all for them to drain. */
    void stopBots(final long timeoutMs)
    {
        bots.forEach(ChildProcess::askToStop);
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        bots.forEach(bot -> bot.stop(Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNs - System.nanoTime()))));
    }

    /**
     * Waits for the bots to exit by themselves, up to {@code exitTimeoutMs} in all, then stops those left.
     *
     * @return the bots' exit code: the first that is not OK, in launch order;
     *         {@link ChildFailedException#NO_EXIT_CODE} if one would not exit, or {@link RunOutcome#NOT_LAUNCHED}.
     */
    int finishBots(final long exitTimeoutMs)
    {
        if (bots.isEmpty())
        {
            return RunOutcome.NOT_LAUNCHED;
        }
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(exitTimeoutMs);
        for (final ChildProcess bot : bots)
        {
            bot.waitFor(Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNs - System.nanoTime())));
        }
        stopBots(CHILD_STOP_TIMEOUT_MS); // those that would not exit by themselves
        int exitCode = ExitCodes.OK;
        for (final ChildProcess bot : bots)
        {
            final int botExitCode = bot.isAlive() ? ChildFailedException.NO_EXIT_CODE : bot.exitCode();
            if (exitCode == ExitCodes.OK)
            {
                exitCode = botExitCode;
            }
        }
        return exitCode;
    }

    /**
     * A bot that exits UNDELIVERED finished: what it could not send is in its summary's bot.unsent.
     * One the broker stopped may exit INTERRUPTED.
     */
    boolean botFailed(final boolean botStopped)
    {
        for (final ChildProcess bot : bots)
        {
            final int botExitCode = bot.isAlive() ? ChildFailedException.NO_EXIT_CODE : bot.exitCode();
            if (bot.wasForced() || (botExitCode != ExitCodes.OK && botExitCode != ExitCodes.UNDELIVERED &&
                !(botStopped && botExitCode == ExitCodes.INTERRUPTED)))
            {
                return true;
            }
        }
        return false;
    }

    /** Stops the stub with SIGTERM so it writes its summary; @return true if it failed. */
    boolean finishStub()
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

    /** The bot refused its input: the stub goes without a word, so the bot's one line is all the user sees. */
    void killStubQuietly()
    {
        if (null != stub)
        {
            stub.mute();
            stub.destroyForcibly();
            stub.waitFor(CHILD_STOP_TIMEOUT_MS);
            stub = null;
        }
    }

    /** On the failure path: the bots still running. */
    void stopBotsIfAlive()
    {
        stopBots(CHILD_STOP_TIMEOUT_MS);
    }

    /** Another bot refused its input: those still running go without a word, so its one line is all the user sees. */
    void stopBotsQuietly()
    {
        for (final ChildProcess bot : bots)
        {
            if (bot.isAlive())
            {
                bot.mute();
            }
            else
            {
                bot.waitFor(0); // its output forwarded to the end: the refusal's one line among it
            }
        }
        stopBots(CHILD_STOP_TIMEOUT_MS);
    }

    /** On the failure path: the stub, muted, since the run failed to start and its one line is what the user needs. */
    void stopStubQuietly()
    {
        if (null != stub)
        {
            stub.mute();
            stub.stop(CHILD_STOP_TIMEOUT_MS);
        }
    }
}
