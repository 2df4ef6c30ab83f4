package dev.quietloop.protocol.latency;

/**
 * The hops a run times, in the order an event passes them, with the bot's hiccup meter beside the
 * trading thread's hop: what the platform itself stalls for comparison. Each has its summary key
 * ({@code latencyNs.<key>.*}) and the base name of its files in the report folder
 * ({@code <file>.hlog}, {@code <file>.hgrm}), written by the process that owns the hop.
 */
public enum Hop
{
    /** On the bot's trading thread: the tick's origin → the publish call returns, published or rejected. */
    TICK_TO_PUBLISH("tickToPublish", "tick-to-publish"),
    /**
     * Not a hop of an event: the bot's hiccup meter, a thread off the trading CPU that sleeps and
     * records how late it wakes, while the trading thread's hop is timed. A stall of the platform
     * (a safepoint, the scheduler, the machine) shows here as well as in the trading thread's hop.
     */
    HICCUP("hiccup", "hiccup"),
    /** On the bot's sender thread: the event is in the ring → its frame is taken by the PUSH socket. */
    RING_TO_SEND("ringToSend", "ring-to-send"),
    /** On the broker: the frame is received → the forwarder starts its send. */
    BROKER_DWELL("brokerDwell", "broker-dwell"),
    /** On the broker's forwarder: the send to the external sidecar, the headline ({@code sendLatencyNs}). */
    EXTERNAL_SEND("externalSend", "send-latency"),
    /** At the sidecar stub: the event's origin on the bot → its frame is received (same host only). */
    END_TO_END("endToEnd", "end-to-end");

    private static final String WARMUP_SUFFIX = "-warmup";

    private final String key;
    private final String file;

    Hop(final String key, final String file)
    {
        this.key = key;
        this.file = file;
    }

    /** The name in summaries and plots, such as {@code tickToPublish}. */
    public String key()
    {
        return key;
    }

    /** The interval log's file name, such as {@code tick-to-publish.hlog}. */
    public String logFile()
    {
        return file + ".hlog";
    }

    /** The warm-up's interval log, beside the headline's: {@code tick-to-publish-warmup.hlog}. */
    public String warmUpLogFile()
    {
        return file + WARMUP_SUFFIX + ".hlog";
    }

    /** The percentile distribution's file name, such as {@code tick-to-publish.hgrm}. */
    public String distributionFile()
    {
        return file + ".hgrm";
    }
}
