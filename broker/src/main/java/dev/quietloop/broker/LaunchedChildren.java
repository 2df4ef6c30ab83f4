package dev.quietloop.broker;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import dev.quietloop.broker.launch.ChildFailedException;
import dev.quietloop.broker.launch.ChildLauncher;
import dev.quietloop.broker.launch.ChildProcess;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.wire.Endpoint;

import static dev.quietloop.broker.BrokerConfiguration.CHILD_STOP_TIMEOUT_MS;

/**
 * The sidecar stub and the bot a run launches: started with their arguments, stopped in the run's
 * order (the bot first, the stub last, with SIGTERM so it writes its summary), and judged by how
 * they exited. Either may be absent: the run forwards to an external sidecar, or takes bots apart.
 */
final class LaunchedChildren
{
    static final String BOT_MAIN = "dev.quietloop.bot.BotMain";
    static final String STUB_MAIN = "dev.quietloop.sidecar.SidecarStubMain";
    static final String BOT_ROLE = "bot";
    static final String STUB_ROLE = "sidecar-stub";
    static final String BOT_SUMMARY = "bot.json";
    static final String STUB_SUMMARY = "sidecar.json";
    /** How a JVM without its own signal handling answers SIGTERM: 128 + 15. */
    private static final int SIGTERM_EXIT_CODE = 143;

    private final ChildLauncher launcher;
    private final ChildArguments arguments;
    private ChildProcess stub;
    private ChildProcess bot;

    LaunchedChildren(final BrokerContext ctx, final PrintStream out, final PrintStream err)
    {
        this.launcher = new ChildLauncher(ctx.run().jvmOptionsFile(), System.getProperty("java.class.path"), out, err);
        this.arguments = new ChildArguments(ctx);
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

    void launchBot(final Endpoint ingest, final Path runDir)
    {
        bot = launcher.launch(BOT_ROLE, ChildArguments.botJvm(runDir), BOT_MAIN,
            arguments.bot(ChildArguments.connectable(ingest), runDir));
    }

    /** The launched stub, or null: none was launched, or it was stopped. */
    ChildProcess stub()
    {
        return stub;
    }

    /** The launched bot, or null. */
    ChildProcess bot()
    {
        return bot;
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

    /** True if the bot exited refusing its input: it said why, and ran nothing. */
    boolean botRefusedInput()
    {
        return null != bot && !bot.isAlive() && bot.exitCode() == ExitCodes.USAGE;
    }

    boolean stubGone()
    {
        return null != stub && !stub.isAlive();
    }

    /** Stops the bot, if there is one, waiting up to {@code timeoutMs} for it to drain. */
    void stopBot(final long timeoutMs)
    {
        if (null != bot)
        {
            bot.stop(timeoutMs);
        }
    }

    /**
     * Waits for the bot to exit by itself, up to {@code exitTimeoutMs}, then stops it.
     *
     * @return its exit code, {@link ChildFailedException#NO_EXIT_CODE} if it would not exit, or
     *         {@link RunOutcome#NOT_LAUNCHED}.
     */
    int finishBot(final long exitTimeoutMs)
    {
        if (null == bot)
        {
            return RunOutcome.NOT_LAUNCHED;
        }
        if (!bot.waitFor(exitTimeoutMs))
        {
            bot.stop(CHILD_STOP_TIMEOUT_MS);
        }
        return bot.isAlive() ? ChildFailedException.NO_EXIT_CODE : bot.exitCode();
    }

    /**
     * A bot that exits UNDELIVERED finished: what it could not send is in its summary's bot.unsent.
     * One the broker stopped may exit INTERRUPTED.
     */
    boolean botFailed(final int botExitCode, final boolean botStopped)
    {
        return null != bot && (bot.wasForced() || (botExitCode != ExitCodes.OK &&
            botExitCode != ExitCodes.UNDELIVERED && !(botStopped && botExitCode == ExitCodes.INTERRUPTED)));
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

    /** On the failure path: the bot, if still running. */
    void stopBotIfAlive()
    {
        if (null != bot && bot.isAlive())
        {
            bot.stop(CHILD_STOP_TIMEOUT_MS);
        }
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
