package dev.quietloop.broker;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import dev.quietloop.broker.launch.ChildDeath;
import dev.quietloop.broker.launch.ChildProcess;
import dev.quietloop.broker.report.BotSides;
import dev.quietloop.broker.ring.BrokerCounters;
import dev.quietloop.protocol.account.Accounting;
import dev.quietloop.protocol.process.SummaryJson;

/**
 * The launched children that died mid-run, and what each death cost: the supervisor's side of
 * the account. A dead child wrote no summary, so its side comes from the counts it left in its
 * counters file, and the events it took with it are counted here, under {@code run.lostWith.ROLE}.
 */
final class ChildDeaths
{
    private final Path countersDir;
    private final PrintStream err;
    private final List<ChildDeath> deaths = new ArrayList<>();

    ChildDeaths(final Path countersDir, final PrintStream err)
    {
        this.countersDir = countersDir;
        this.err = err;
    }

    /** Records a child seen dead and says so at once, with where the run stood. */
    void noticed(final ChildProcess child, final BrokerCounters counters)
    {
        final ChildDeath death = ChildDeath.of(child, countersDir, isBot(child.role()) ? LaunchedChildren.BOT_ROLE : child.role());
        deaths.add(death);
        err.println(BrokerConfiguration.ROLE + ": " + death.describe() + "; the broker had received " +
            counters.eventsReceived().get() + " events and forwarded " + counters.eventsForwarded().get());
        err.flush();
    }

    boolean any()
    {
        return !deaths.isEmpty();
    }

    /**
     * Writes the side of each dead child that left no summary (its file in the run folder, by role:
     * {@code summaryFileByRole}), from its last counts, marked partial.
     */
    void writeSides(final Path runDir, final Function<String, String> summaryFileByRole)
    {
        for (final ChildDeath death : deaths)
        {
            final Path file = runDir.resolve(summaryFileByRole.apply(death.role()));
            if (!Files.exists(file) && !death.lastCounts().isEmpty())
            {
                final Map<String, Long> side = new TreeMap<>(death.lastCounts());
                side.put(prefix(death) + ".partial", 1L);
                SummaryJson.write(file, side);
            }
        }
    }

    /** The roles of the children that died. */
    List<String> roles()
    {
        return deaths.stream().map(ChildDeath::role).toList();
    }

    /**
     * Adds what each death cost to the merged summary, and says it.
     *
     * @param receivedBySource the events the ingest took from each source id, for one of several bots
     * @return the events lost with the dead children.
     */
    long account(final Map<String, Long> components, final long undelivered, final Map<Integer, Long> receivedBySource)
    {
        long lost = 0;
        for (final ChildDeath death : deaths)
        {
            final long cost = cost(death, components, undelivered, receivedBySource);
            components.put(Accounting.RUN_LOST_WITH_PREFIX + death.role(), cost);
            components.put(Accounting.RUN_DIED_AFTER_MS_PREFIX + death.role(), death.uptimeMs());
            err.println(BrokerConfiguration.ROLE + ": " + death.role() + " died: " + cost + " events lost with it (" +
                Accounting.RUN_LOST_WITH_PREFIX + death.role() + ")" + (death.lastCounts().isEmpty() ? ", by the broker's count alone" : ""));
            lost += cost;
        }
        return lost;
    }

    /**
     * A bot's death costs what it produced and did not reject (its ring accepted them) that never
     * reached the broker: all the broker received for the one bot of a run, what it received from
     * that bot's source id for one of several. A stub's, what the broker handed it that it never
     * counted, and what the broker could no longer forward.
     */
    static long cost(
        final ChildDeath death, final Map<String, Long> components, final long undelivered, final Map<Integer, Long> receivedBySource)
    {
        if (isBot(death.role()))
        {
            final long received = LaunchedChildren.BOT_ROLE.equals(death.role()) ?
                components.getOrDefault(Accounting.BROKER_EVENTS_RECEIVED, 0L) :
                receivedBySource.getOrDefault((int)death.lastCount(Accounting.BOT_SOURCE_ID), 0L);
            return Math.max(0, death.lastCount(Accounting.BOT_EVENTS_PRODUCED) - death.lastCount(Accounting.BOT_RING_REJECTED) -
                received);
        }
        return Math.max(0, components.getOrDefault(Accounting.BROKER_EVENTS_FORWARDED, 0L) -
            death.lastCount(Accounting.SIDECAR_EVENTS_RECEIVED)) + undelivered;
    }

    /** A launched bot's role: {@code bot}, or {@code bot-<id>} for one of several. */
    private static boolean isBot(final String role)
    {
        return LaunchedChildren.BOT_ROLE.equals(role) || role.startsWith(BotSides.FOLDER_PREFIX);
    }

    private static String prefix(final ChildDeath death)
    {
        return isBot(death.role()) ? "bot" : "sidecar";
    }
}
