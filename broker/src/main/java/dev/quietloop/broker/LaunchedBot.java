package dev.quietloop.broker;

import java.nio.file.Path;

import dev.quietloop.broker.report.BotSides;

/**
 * One bot the broker launches: its source id, the data it replays, and where its side of the
 * account goes. A run of one bot keeps today's layout (role {@code bot}, its files in the run
 * folder); with several, each is {@code bot-<id>} with a folder of its own ({@link BotSides}), so
 * their summaries, hop logs and safepoint logs never collide.
 *
 * @param sourceId the source id it is given
 * @param dataFile the market data it replays
 * @param alone    whether it is the run's only launched bot
 */
record LaunchedBot(int sourceId, Path dataFile, boolean alone)
{
    /** Its role: the prefix of its console lines, its name in a death's account ({@code run.lostWith.ROLE}). */
    String role()
    {
        return alone ? LaunchedChildren.BOT_ROLE : BotSides.FOLDER_PREFIX + sourceId;
    }

    /** The folder its summary, hop logs, safepoint log and config section go to. */
    Path folder(final Path runDir)
    {
        return alone ? runDir : BotSides.folder(runDir, sourceId);
    }

    /** Its summary file, relative to the run folder. */
    String summaryFile()
    {
        return alone ? LaunchedChildren.BOT_SUMMARY : role() + "/" + LaunchedChildren.BOT_SUMMARY;
    }
}
