package dev.quietloop.protocol.account;

import java.util.Map;

/**
 * The run's account, in one place: the name of every summary key, the equations that say whether
 * every event is accounted for by the process that last held it, and the verdict that makes a run
 * exit 3. Every process writes its side under these names, the broker merges the sides into
 * {@code summary.json}, and the report, the bench and the tests read them back through here.
 * Summaries are maps of dotted names to longs (see {@code SummaryJson}). README, "Reading summary.json".
 */
public final class Accounting
{
    // The bot's side (bot.json).
    /** The bot process's CPU time, user and system, start-up included, read as it writes bot.json: ms. */
    public static final String BOT_CPU_MS = "bot.cpuMs";
    public static final String BOT_EPOCH = "bot.epoch";
    public static final String BOT_ERRORS = "bot.errors";
    public static final String BOT_EVENTS_ACKED = "bot.eventsAcked";
    public static final String BOT_EVENTS_PRODUCED = "bot.eventsProduced";
    public static final String BOT_EVENTS_SENT = "bot.eventsSent";
    public static final String BOT_FILLS = "bot.fills";
    public static final String BOT_FINGERPRINT = "bot.fingerprint";
    public static final String BOT_FRAMES_SENT = "bot.framesSent";
    public static final String BOT_GC_COUNT = "bot.gcCount";
    public static final String BOT_HEARTBEATS_SENT = "bot.heartbeatsSent";
    public static final String BOT_LINK_REJECTED = "bot.linkRejected";
    public static final String BOT_LINK_UPS = "bot.linkUps";
    public static final String BOT_LINK_WAIT_TIMED_OUT = "bot.linkWaitTimedOut";
    public static final String BOT_ORDERS_CANCELLED = "bot.ordersCancelled";
    public static final String BOT_ORDERS_PLACED = "bot.ordersPlaced";
    public static final String BOT_ORDERS_REJECTED = "bot.ordersRejected";
    /** {@link #BOT_ORDERS_REJECTED} by the risk check each order failed first: {@code bot.ordersRejectedBy.maxPosition}. */
    public static final String BOT_ORDERS_REJECTED_BY_PREFIX = "bot.ordersRejectedBy.";
    public static final String BOT_PARTIAL = "bot.partial";
    public static final String BOT_PNL_E8 = "bot.pnlE8";
    public static final String BOT_POSITION_E8_PREFIX = "bot.positionE8.";
    public static final String BOT_REJECTED_PREFIX = "bot.rejected.";
    public static final String BOT_RING_DEPTH = "bot.ringDepth";
    public static final String BOT_RING_REJECTED = "bot.ringRejected";
    /** The bot JVM's safepoints in the measured window, from its {@code -Xlog:safepoint} file: how many. */
    public static final String BOT_SAFEPOINTS = "bot.safepoints";
    /** ... their time from the request to the end, summed, in ms (rounded). */
    public static final String BOT_SAFEPOINT_MS = "bot.safepointMs";
    /** ... the longest of them, in ms (rounded). */
    public static final String BOT_SAFEPOINT_MAX_MS = "bot.safepointMaxMs";
    public static final String BOT_SOURCE_ID = "bot.sourceId";
    public static final String BOT_TICKS = "bot.ticks";
    public static final String BOT_TICKS_REJECTED = "bot.ticksRejected";
    public static final String BOT_UNACKED = "bot.unacked";
    public static final String BOT_UNSENT = "bot.unsent";

    // The broker's side (broker.json).
    public static final String BROKER_ACKS_SENT = "broker.acksSent";
    public static final String BROKER_AUTH_REJECTED = "broker.authRejected";
    public static final String BROKER_BAD_FRAMES = "broker.badFrames";
    public static final String BROKER_CONTROL_FRAMES = "broker.controlFrames";
    /**
     * The broker process's CPU time, as {@link #BOT_CPU_MS}, read just before it writes summary.json
     * (its children's not in it): in summary.json, not in broker.json, which is written before it.
     */
    public static final String BROKER_CPU_MS = "broker.cpuMs";
    public static final String BROKER_END_OF_STREAMS = "broker.endOfStreams";
    /** Bots declared lost: silent past {@code --bot-timeout} with no end of stream (heard from again, no longer). */
    public static final String BROKER_BOTS_LOST = "broker.botsLost";
    /** The source id of the last bot declared lost; 0 while none is. */
    public static final String BROKER_BOT_LOST_SOURCE = "broker.botLostSource";
    /** Frames refused because their source id was in use by another live bot, on another connection. */
    public static final String BROKER_SOURCE_IN_USE = "broker.sourceInUse";
    /** The source id the last such frame claimed; 0 while none came. */
    public static final String BROKER_SOURCE_IN_USE_ID = "broker.sourceInUseId";
    public static final String BROKER_ERRORS = "broker.errors";
    public static final String BROKER_EVENTS_FORWARDED = "broker.eventsForwarded";
    public static final String BROKER_EVENTS_RECEIVED = "broker.eventsReceived";
    public static final String BROKER_FRAMES_FORWARDED = "broker.framesForwarded";
    public static final String BROKER_FRAMES_IN_FLIGHT_AT_DISCONNECT = "broker.framesInFlightAtDisconnect";
    public static final String BROKER_FRAMES_RECEIVED = "broker.framesReceived";
    public static final String BROKER_INGRESS_RESTARTS = "broker.ingressRestarts";
    public static final String BROKER_RING_DEPTH = "broker.ringDepth";
    public static final String BROKER_SEND_RETRIES = "broker.sendRetries";
    public static final String BROKER_SIDECAR_DISCONNECTS = "broker.sidecarDisconnects";
    public static final String BROKER_UNDELIVERED = "broker.undelivered";

    // The sidecar stub's side (sidecar.json).
    public static final String SIDECAR_AFTER_WARMUP_EVENTS = "sidecar.afterWarmupEvents";
    public static final String SIDECAR_AFTER_WARMUP_SPAN_NS = "sidecar.afterWarmupSpanNs";
    public static final String SIDECAR_AUTH_REJECTED = "sidecar.authRejected";
    public static final String SIDECAR_BY_TYPE_HEARTBEAT = "sidecar.byType.heartbeat";
    public static final String SIDECAR_BY_TYPE_PREFIX = "sidecar.byType.";
    /** The sidecar stub process's CPU time, as {@link #BOT_CPU_MS}, read as it writes sidecar.json: ms. */
    public static final String SIDECAR_CPU_MS = "sidecar.cpuMs";
    public static final String SIDECAR_DECODE_ERRORS = "sidecar.decodeErrors";
    public static final String SIDECAR_DUPLICATES = "sidecar.duplicates";
    public static final String SIDECAR_ERRORS = "sidecar.errors";
    public static final String SIDECAR_EVENTS_RECEIVED = "sidecar.eventsReceived";
    public static final String SIDECAR_FRAMES_RECEIVED = "sidecar.framesReceived";
    public static final String SIDECAR_GAPS = "sidecar.gaps";
    public static final String SIDECAR_RECEIVER_RESTARTS = "sidecar.receiverRestarts";
    public static final String SIDECAR_RECEIVE_SPAN_NS = "sidecar.receiveSpanNs";
    public static final String SIDECAR_STREAMS = "sidecar.streams";
    public static final String SIDECAR_STREAMS_ENDED = "sidecar.streamsEnded";

    // What the run adds when it merges the sides (summary.json).
    public static final String RUN_DIED_AFTER_MS_PREFIX = "run.diedAfterMs.";
    public static final String RUN_DROPPED_AT_BOT_CLOSE = "run.droppedAtBotClose";
    public static final String RUN_EXIT_CODE = "run.exitCode";
    public static final String RUN_LOST_WITH_PREFIX = "run.lostWith.";
    public static final String RUN_MISSING_AT_SIDECAR = "run.missingAtSidecar";
    public static final String RUN_PARTIAL = "run.partial";
    /**
     * 1 when the broker launched the bot and the sidecar stub, on its own host and clock; 0 when
     * either ran apart, maybe on another host, so that {@code endToEnd} compared two clocks.
     */
    public static final String RUN_SAME_HOST = "run.sameHost";
    public static final String RUN_VERDICT_EXIT_CODE = "run.verdictExitCode";
    private Accounting()
    {
    }

    private static long value(final Map<String, Long> summary, final String key)
    {
        return summary.getOrDefault(key, 0L);
    }

    /** The bot's equation: produced = ring rejected + sent + unsent. */
    public static boolean botHolds(final Map<String, Long> summary)
    {
        return value(summary, BOT_EVENTS_PRODUCED) ==
            value(summary, BOT_RING_REJECTED) + value(summary, BOT_EVENTS_SENT) + value(summary, BOT_UNSENT);
    }

    /** What the bot sent is what the broker acknowledged and what it did not: sent = acked + unacked. */
    public static boolean ackedHolds(final Map<String, Long> summary)
    {
        return value(summary, BOT_EVENTS_SENT) == value(summary, BOT_EVENTS_ACKED) + value(summary, BOT_UNACKED);
    }

    /** The broker's equation: received = forwarded + undelivered. */
    public static boolean brokerHolds(final Map<String, Long> summary)
    {
        return value(summary, BROKER_EVENTS_RECEIVED) ==
            value(summary, BROKER_EVENTS_FORWARDED) + value(summary, BROKER_UNDELIVERED);
    }

    /** The sidecar's equation, per source and epoch summed: received - duplicates + gaps = produced. */
    public static boolean sidecarHolds(final Map<String, Long> summary)
    {
        return value(summary, SIDECAR_EVENTS_RECEIVED) - value(summary, SIDECAR_DUPLICATES) +
            value(summary, SIDECAR_GAPS) == value(summary, BOT_EVENTS_PRODUCED);
    }

    /**
     * Events the sidecar did not receive that no process counted as not passed on (ring rejected,
     * unsent, undelivered): handed to a socket and dropped from its queue when a process closed it,
     * seen only by the run's report. Without a sidecar side, what the bot sent and the broker never
     * read ({@link #droppedAtBotClose}).
     */
    public static long droppedAtClose(final Map<String, Long> summary)
    {
        if (!summary.containsKey(SIDECAR_EVENTS_RECEIVED))
        {
            return value(summary, RUN_DROPPED_AT_BOT_CLOSE);
        }
        return value(summary, BOT_EVENTS_PRODUCED) - value(summary, SIDECAR_EVENTS_RECEIVED) +
            value(summary, SIDECAR_DUPLICATES) - value(summary, BOT_RING_REJECTED) - value(summary, BOT_UNSENT) -
            value(summary, BROKER_UNDELIVERED);
    }

    /**
     * Every event is accounted for by the process that last held it: the bot's and the broker's
     * equations hold, and every event the sidecar did not receive was counted by one of them.
     */
    public static boolean balances(final Map<String, Long> summary)
    {
        return summary.containsKey(BOT_EVENTS_PRODUCED) && summary.containsKey(BROKER_EVENTS_RECEIVED) &&
            botHolds(summary) && brokerHolds(summary) && droppedAtClose(summary) == 0;
    }

    /**
     * Events the bot produced that the sidecar neither received nor counted as a gap: lost on the
     * way (a sidecar that died with frames in flight), so nothing at the sidecar could count them.
     *
     * @return that number, or -1 when one side's summary is missing (an external sidecar).
     */
    public static long missingAtSidecar(final Map<String, Long> summary)
    {
        final Long produced = summary.get(BOT_EVENTS_PRODUCED);
        final Long received = summary.get(SIDECAR_EVENTS_RECEIVED);
        if (null == produced || null == received)
        {
            return -1;
        }
        return produced - (received - value(summary, SIDECAR_DUPLICATES) + value(summary, SIDECAR_GAPS));
    }

    /**
     * With an external sidecar, whose side is not in the summary, the bot's hop still balances: what
     * the bot handed to its socket and the broker never read was dropped when the bot closed the
     * socket with it still queued. No process can count it; the run does, so that it is not lost
     * silently. With a launched stub it is part of {@link #missingAtSidecar} instead.
     *
     * @return that number, or 0 when there is a sidecar side to balance against, or no bot side.
     */
    public static long droppedAtBotClose(final Map<String, Long> summary)
    {
        final Long sent = summary.get(BOT_EVENTS_SENT);
        final Long brokerReceived = summary.get(BROKER_EVENTS_RECEIVED);
        if (null == sent || null == brokerReceived || summary.containsKey(SIDECAR_EVENTS_RECEIVED))
        {
            return 0;
        }
        return Math.max(0, sent - brokerReceived);
    }

    /**
     * Adds to the merged summary the losses no process could count ({@link #RUN_MISSING_AT_SIDECAR},
     * {@link #RUN_DROPPED_AT_BOT_CLOSE}), each only when there are some.
     *
     * @return more than 0 if an event that the bot ring did not reject failed to reach a sidecar, or
     *         cannot be proven to have: with those the bot could not hand to the broker by its drain
     *         deadline ({@code bot.unsent}) or that the broker never acknowledged ({@code bot.unacked}),
     *         those left {@code undelivered} in the broker, and the frames sent on a sidecar link that
     *         dropped. Any of them makes the run exit 3; a ring rejection does not, it is the one drop by
     *         design. A verdict, not a total: the same event may be counted under two of them.
     */
    public static long countLosses(final Map<String, Long> components, final long undelivered)
    {
        final long missing = missingAtSidecar(components);
        if (missing > 0)
        {
            components.put(RUN_MISSING_AT_SIDECAR, missing);
        }
        final long droppedAtBotClose = droppedAtBotClose(components);
        if (droppedAtBotClose > 0)
        {
            components.put(RUN_DROPPED_AT_BOT_CLOSE, droppedAtBotClose);
        }
        // A PULL sidecar acknowledges nothing: frames sent on a connection that dropped may be lost.
        final long unproven = value(components, BROKER_FRAMES_IN_FLIGHT_AT_DISCONNECT);
        return value(components, BOT_UNSENT) + value(components, BOT_UNACKED) + undelivered + Math.max(0, missing) +
            droppedAtBotClose + unproven;
    }

    /**
     * The run's account in one line: what the bot produced, what the sidecar received and missed,
     * and whether the two sides balance (DESIGN.md, "Accounting").
     */
    public static String line(final Map<String, Long> summary)
    {
        final Long produced = summary.get(BOT_EVENTS_PRODUCED);
        final Long received = summary.get(SIDECAR_EVENTS_RECEIVED);
        if (null == produced)
        {
            return "accounting: the bots ran apart from this broker; their own summaries have their side";
        }
        final String bot = "accounting: bot produced " + produced + " (ring rejected " +
            value(summary, BOT_RING_REJECTED) + ")";
        if (null == received)
        {
            final long dropped = droppedAtBotClose(summary);
            return bot + "; the sidecar is external, so its side is not known here" +
                (dropped > 0 ? "; " + dropped + " sent by the bot were dropped at close, never read by the broker" : "");
        }
        final long missing = missingAtSidecar(summary);
        return bot + "; sidecar received " + received + " (gaps " + value(summary, SIDECAR_GAPS) +
            ", duplicates " + value(summary, SIDECAR_DUPLICATES) + "): " +
            (missing == 0 ? "balanced" : "NOT balanced, " + missing + " missing at the sidecar");
    }
}
