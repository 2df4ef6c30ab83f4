package dev.quietloop.broker;

import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import dev.quietloop.protocol.config.IdleStrategies;
import dev.quietloop.wire.Frame;

/**
 * Every flag, default and limit of the broker in one place: what a run does when told nothing,
 * and how far it may be told otherwise. {@link BrokerContext} and {@link RunContext} start from
 * these; the flags are named here once, for the command line, the messages that name a bad value,
 * and the keys of the broker's section of {@code config.yaml}.
 */
public final class BrokerConfiguration
{
    /** The process: its messages, its counters file and its section of {@code config.yaml}. */
    public static final String ROLE = "broker";

    public static final String INGEST_FLAG = "--ingest";
    public static final String SIDECAR_FLAG = "--sidecar";
    public static final String LAUNCH_STUB_FLAG = "--launch-stub";
    public static final String STUB_ARG_FLAG = "--stub-arg";
    public static final String LAUNCH_BOT_FLAG = "--launch-bot";
    public static final String DATA_FLAG = "--data";
    public static final String BOTS_FLAG = "--bots";
    public static final String BOT_ARG_FLAG = "--bot-arg";
    public static final String EXPECT_BOTS_FLAG = "--expect-bots";
    public static final String RUN_ID_FLAG = "--run-id";
    public static final String REPORTS_FLAG = "--reports";
    public static final String DRAIN_TIMEOUT_FLAG = "--drain-timeout";
    public static final String RING_SIZE_FLAG = "--ring-size";
    public static final String MAX_FRAME_BYTES_FLAG = "--max-frame-bytes";
    public static final String IDLE_RECEIVER_FLAG = "--idle-receiver";
    public static final String IDLE_FORWARDER_FLAG = "--idle-forwarder";
    public static final String JVM_OPTIONS_FLAG = "--jvm-options";
    public static final String TIME_HOPS_FLAG = "--time-hops";
    public static final String PLOTS_FLAG = "--plots";
    /** Negatable: {@code --no-pin} leaves every thread to the operating system (see {@link CpuLayout}). */
    public static final String PIN_FLAG = "--pin";

    public static final String INGEST_DEFAULT = "tcp://127.0.0.1:5556";
    public static final String SIDECAR_DEFAULT = "tcp://127.0.0.1:5557";
    public static final String DATA_DEFAULT = "data/sample-quotes.csv";
    public static final String REPORTS_DEFAULT = "perf/reports";
    public static final String JVM_OPTIONS_DEFAULT = "config/jvm.options";
    /** Every broker thread wakes on work instead of spinning: a 2-core box stays responsive. */
    public static final String IDLE_DEFAULT = IdleStrategies.WAKE;

    /** More bots than this under one broker is a typo: each is a JVM. */
    public static final int BOTS_MAX = 64;
    public static final int DRAIN_TIMEOUT_S_DEFAULT = 10;
    /** A day: the bot the broker launches takes no more, and the broker passes its own on. */
    public static final int DRAIN_TIMEOUT_S_MAX = 86_400;
    public static final int RING_SIZE_DEFAULT = 1024;
    public static final int RING_SIZE_MIN = 1;
    public static final int RING_SIZE_MAX = 1 << 30;
    public static final int MAX_FRAME_BYTES_DEFAULT = Frame.DEFAULT_MAX_FRAME_BYTES;
    public static final String BOT_TIMEOUT_FLAG = "--bot-timeout";
    /** Five seconds: five heartbeats of a bot that has nothing to send. */
    public static final long BOT_TIMEOUT_S_DEFAULT = 5;
    public static final long BOT_TIMEOUT_S_MAX = 86_400;
    /** An hour: past a scrape interval of any sense. */
    public static final long METRICS_LINGER_S_MAX = 3_600;
    /** The broker ring is allocated whole at start-up: it may take up to this share of the heap. */
    public static final int RING_HEAP_SHARE_DIVISOR = 2;

    /** A generated run id: the local time the run started, to the second. */
    public static final DateTimeFormatter RUN_ID_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** A run id given: a folder name that stays inside the reports folder. */
    public static final Pattern RUN_ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** The suffixes a generated run id may take when its folder is taken ({@code -2} to {@code -99}). */
    public static final int RUN_ID_MAX_SUFFIX = 99;

    /** How long a launched stub may take to bind and say so. */
    public static final long READY_TIMEOUT_MS = 30_000;
    /** How long an agent thread may take to bind or connect its socket. */
    public static final long SOCKET_TIMEOUT_MS = 10_000;
    /** After the bot exits, how long without a frame until the run takes its stream as ended. */
    public static final long BOT_EXIT_GRACE_MS = 1_000;
    /** How long a child gets to stop on its own before it is killed. */
    public static final long CHILD_STOP_TIMEOUT_MS = 10_000;
    /** How often the main thread looks at the children and the counters while the run goes on. */
    public static final long RUN_POLL_NS = TimeUnit.MILLISECONDS.toNanos(5);
    /** How often the drain looks whether everything received was forwarded. */
    public static final long DRAIN_POLL_NS = TimeUnit.MILLISECONDS.toNanos(1);
    /** The send-latency log's interval, and the timeline's. */
    public static final long REPORT_INTERVAL_MS = 1_000;
    public static final long REPORTER_SLEEP_NS = TimeUnit.MILLISECONDS.toNanos(10);
    /**
     * Frames the forwarder socket may queue towards the sidecar. Kept small so that "sent" means
     * nearly "taken by the sidecar": a slow sidecar pushes back into the broker ring (where what
     * is left at the end is counted as undelivered) instead of hiding in a deep socket queue.
     */
    public static final int FORWARDER_HIGH_WATER_MARK = 64;

    private BrokerConfiguration()
    {
    }
}
