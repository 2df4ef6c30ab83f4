package dev.quietloop.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.quietloop.bot.config.BotConfiguration;
import dev.quietloop.bot.config.SendMode;
import dev.quietloop.bot.send.EventSender;
import dev.quietloop.wire.Event;
import dev.quietloop.wire.EventType;
import dev.quietloop.wire.Frame;
import dev.quietloop.wire.FrameDecoder;
import dev.quietloop.wire.Endpoint;
import dev.quietloop.protocol.config.SocketSettings;
import dev.quietloop.protocol.latency.WarmUp;
import dev.quietloop.protocol.process.ExitCodes;
import dev.quietloop.protocol.process.SummaryJson;
import dev.quietloop.protocol.testing.AckingRouter;
import dev.quietloop.protocol.testing.LoopbackPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** A whole bot run in this JVM against a ROUTER socket standing in for the broker, acknowledging as it does. */
@Timeout(60)
class BotRunTest
{
    private static final int TICKS = 20_000;
    private static final int PACED_TICKS = 1_000;
    private static final int PACED_WARMUP_EVENTS = 100;

    @TempDir
    Path dir;

    @Test
    void shouldTakeTheDefaultWarmUpFromTheTicksAndAnExplicitOneFromTheFlag()
    {
        final WarmUp byDefault = Bot.warmUp(BotConfiguration.WARMUP_EVENTS_DEFAULT, 50_000);
        assertEquals(2_500, byDefault.ticks(), "5% of the sample's ticks");
        assertTrue(byDefault.isOpen(), "ended by the trading thread after those ticks");
        assertEquals(0, Bot.warmUp(BotConfiguration.WARMUP_EVENTS_DEFAULT, 10).lastSequence(), "too short: none");

        final WarmUp explicit = Bot.warmUp(300, 50_000);
        assertEquals(0, explicit.ticks());
        assertEquals(300, explicit.lastSequence());
        assertEquals(0, Bot.warmUp(0, 50_000).lastSequence(), "--warmup-events 0: none");
    }

    @Test
    void shouldDeliverEveryProducedEventAndWriteTheSummary() throws Exception
    {
        final Path data = QuoteFixtures.generated(dir, TICKS, 42);
        final Path summaryFile = dir.resolve("bot.json");
        final FakeBroker broker;

        try (ZContext context = new ZContext(1))
        {
            broker = FakeBroker.start(context, 0);
            final int exitCode = BotMain.run(
                "--data", data.toString(),
                "--broker", broker.endpoint.toString(),
                "--source-id", "5",
                "--ring-size", "4096",
                "--idle-trading", "backoff",
                "--idle-sender", "backoff",
                "--summary", summaryFile.toString());
            broker.join();

            assertEquals(ExitCodes.OK, exitCode);
        }

        final Map<String, Long> summary = SummaryJson.read(summaryFile);
        final long produced = summary.get("bot.eventsProduced");
        assertEquals(TICKS, summary.get("bot.ticks"));
        assertEquals(0, summary.get("bot.ticksRejected"));
        assertEquals(5, summary.get("bot.sourceId"));
        assertEquals(0, summary.get("bot.partial"));
        assertEquals(0, summary.get("bot.unsent"));
        assertEquals(0, summary.get("bot.linkWaitTimedOut"), "the broker handshook before the replay");
        assertTrue(summary.get("bot.epoch") > 0);
        assertTrue(summary.containsKey("bot.fingerprint"), summary.toString());
        assertTrue(summary.get("bot.cpuMs") > 0, "the bot's own CPU time, read as it writes its summary: " + summary);
        // The default warm-up: the events of the first 5% of the ticks, timed apart from the headline.
        assertEquals(TICKS / 20, summary.get("bot.warmupTicks"));
        final long warmUp = summary.get("bot.warmupEvents");
        assertTrue(warmUp > 0 && warmUp * 10 <= produced, warmUp + " of " + produced + " events");
        assertEquals(warmUp, summary.get("latencyNs.warmup.tickToPublish.count"));
        assertEquals(produced - warmUp, summary.get("latencyNs.tickToPublish.count"), "every publish is timed, rejected or not");
        assertEquals(summary.get("bot.eventsSent"),
            summary.get("latencyNs.ringToSend.count") + summary.getOrDefault("latencyNs.warmup.ringToSend.count", 0L),
            "every event sent");
        for (final String file : List.of("tick-to-publish.hlog", "tick-to-publish.hgrm", "ring-to-send.hlog",
            "ring-to-send.hgrm", "hiccup.hlog", "hiccup.hgrm", "tick-to-publish-warmup.hlog"))
        {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
        assertTrue(summary.containsKey("latencyNs.hiccup.count"), "the hiccup meter ran beside the replay");
        assertFalse(summary.containsKey("bot.safepoints"), "a JVM started without the safepoint log has no figures");
        assertTrue(produced > 0);
        assertEquals(produced, summary.get("bot.ringRejected") + summary.get("bot.eventsSent"));
        assertEquals(summary.get("bot.eventsSent"), broker.received.get());
        assertEquals(summary.get("bot.ringRejected"), broker.gaps.get() + (produced - broker.lastSequence.get()));
        final Event endOfStream = broker.endOfStream;
        assertEquals(EventType.END_OF_STREAM, endOfStream.type);
        assertEquals(TICKS, endOfStream.ticks);
        assertEquals(produced, endOfStream.eventsProduced);
        assertEquals(summary.get("bot.eventsSent"), endOfStream.eventsSent);
        assertEquals(5, endOfStream.sourceId);
        assertEquals(summary.get("bot.epoch"), endOfStream.epoch);
    }

    @Test
    void shouldTimeOnlyTheEventsAfterTheWarmUp() throws Exception
    {
        final int warmupEvents = 300;
        final Path data = QuoteFixtures.generated(dir, TICKS, 42);
        final Path summaryFile = dir.resolve("bot.json");
        final FakeBroker broker;

        try (ZContext context = new ZContext(1))
        {
            broker = FakeBroker.start(context, warmupEvents);
            final int exitCode = BotMain.run(
                "--data", data.toString(),
                "--broker", broker.endpoint.toString(),
                "--strategy", "tick-signal",
                "--warmup-events", Integer.toString(warmupEvents),
                "--ring-size", "4096",
                "--idle-trading", "backoff",
                "--idle-sender", "backoff",
                "--quiet",
                "--summary", summaryFile.toString());
            broker.join();

            assertEquals(ExitCodes.OK, exitCode);
        }

        final Map<String, Long> summary = SummaryJson.read(summaryFile);
        final long produced = summary.get("bot.eventsProduced");
        assertEquals(TICKS, produced, "tick-signal: one event a tick");
        assertEquals(produced - warmupEvents, summary.get("latencyNs.tickToPublish.count"),
            "every publish after the warm-up is timed, rejected or not");
        assertEquals(broker.receivedAfterWarmup.get(), summary.get("latencyNs.ringToSend.count"),
            "every event sent after the warm-up");
        assertEquals(summary.get("bot.eventsSent"), broker.received.get());
        assertTrue(broker.receivedAfterWarmup.get() > 0);
    }

    /**
     * The naive baseline is the trading thread and its one socket: no sender thread, so no second
     * connection and no heartbeats from one. Heartbeats would be due every millisecond.
     */
    @Test
    void shouldSendDirectlyFromTheTradingThreadWithNoSenderThreadAndNoHeartbeats() throws Exception
    {
        final PacedRun run = pacedRun(SendMode.DIRECT);

        assertTrue(run.threadsWhileTrading.contains(Bot.TRADING_THREAD), "not seen: " + run.threadsWhileTrading);
        assertFalse(run.threadsWhileTrading.contains(EventSender.ROLE_NAME), run.threadsWhileTrading.toString());
        assertEquals(0, run.broker.heartbeats.get(), "heartbeat frames");

        final Map<String, Long> summary = run.summary;
        assertEquals(PACED_TICKS, summary.get("bot.eventsProduced"), "tick-signal: one event a tick");
        assertEquals(PACED_TICKS, summary.get("bot.eventsSent"));
        assertEquals(PACED_TICKS + 1, summary.get("bot.framesSent"), "one frame an event, and the end of stream's");
        assertEquals(0, summary.get("bot.ringRejected"));
        assertEquals(0, summary.get("bot.unsent"));
        assertEquals(0, summary.get("bot.heartbeatsSent"));
        assertEquals(0, summary.get("bot.partial"));
        assertEquals(PACED_TICKS - PACED_WARMUP_EVENTS, summary.get("latencyNs.tickToPublish.count"));
        assertFalse(summary.containsKey("latencyNs.ringToSend.count"), "no ring, no ringToSend");
        assertFalse(Files.exists(dir.resolve("ring-to-send.hlog")));
        assertEquals(PACED_TICKS, run.broker.received.get());
        assertEquals(0, run.broker.gaps.get());
        assertEquals(EventType.END_OF_STREAM, run.broker.endOfStream.type);
        assertEquals(PACED_TICKS, run.broker.endOfStream.eventsProduced);
        assertEquals(PACED_TICKS, run.broker.endOfStream.eventsSent);
    }

    /**
     * Nobody listens at the broker's endpoint: one frame fits under a high-water mark of 1, the
     * rest of the paced run's one-event frames stay in the ring until the drain deadline, and the
     * run says so in its exit code as well as in its summary.
     */
    @Test
    void shouldExitUndeliveredWhenTheSenderCouldNotHandEveryEventToTheBroker() throws Exception
    {
        final Path summaryFile = dir.resolve("bot.json");

        final int exitCode = runTickSignal(LoopbackPorts.unused(), summaryFile, "--rate", "2000", "--hwm", "1",
            "--link-wait-ms", "200");

        final Map<String, Long> summary = SummaryJson.read(summaryFile);
        assertEquals(ExitCodes.UNDELIVERED, exitCode);
        assertEquals(1, summary.get("bot.linkWaitTimedOut"), "it replayed without the link, and says so");
        assertEquals(0, summary.get("bot.linkUps"));
        assertTrue(summary.get("bot.unsent") > 0, summary.toString());
        assertEquals(200, summary.get("bot.eventsSent") + summary.get("bot.unsent"), "nothing rejected, all counted");
        assertEquals(0, summary.get("bot.eventsAcked"));
        assertEquals(summary.get("bot.eventsSent"), summary.get("bot.unacked"), "what the socket queued for nobody");
    }

    /**
     * Nobody listens, and the socket's queue holds every frame: a send succeeds without a peer. Such
     * a bot used to exit 0 claiming all sent. Nothing acknowledged them.
     */
    @Test
    void shouldCountAsUnsentWhatTheSocketQueuedForABrokerThatNeverAnswered() throws Exception
    {
        final Path summaryFile = dir.resolve("bot-nobody.json");

        final int exitCode = runTickSignal(LoopbackPorts.unused(), summaryFile, "--link-wait-ms", "200");

        final Map<String, Long> summary = SummaryJson.read(summaryFile);
        assertEquals(ExitCodes.UNDELIVERED, exitCode);
        assertEquals(0, summary.get("bot.linkUps"));
        assertTrue(summary.get("bot.eventsSent") > 0, "the socket's queue took them: " + summary);
        assertEquals(0, summary.get("bot.eventsAcked"));
        assertEquals(summary.get("bot.eventsSent"), summary.get("bot.unacked"));
    }

    /** A broker that takes every frame and never says so (its ingest died after reading): not proven delivered. */
    @Test
    void shouldCountAsUnackedWhatABrokerTookWithoutAcknowledging() throws Exception
    {
        final Path summaryFile = dir.resolve("bot-silent.json");
        try (ZContext context = new ZContext(1))
        {
            final FakeBroker broker = FakeBroker.start(context, 0, true);

            final int exitCode = runTickSignal(broker.endpoint, summaryFile);
            broker.join();

            final Map<String, Long> summary = SummaryJson.read(summaryFile);
            assertEquals(ExitCodes.UNDELIVERED, exitCode);
            assertEquals(200, broker.received.get(), "the broker got them all");
            assertEquals(200, summary.get("bot.eventsSent"));
            assertEquals(0, summary.get("bot.eventsAcked"));
            assertEquals(200, summary.get("bot.unacked"), "and said nothing, so the bot cannot claim them");
        }
    }

    /** 200 ticks of tick-signal (an event each) to {@code broker}, with a 1 s drain and no spinning. */
    private int runTickSignal(final Endpoint broker, final Path summaryFile, final String... extraArgs) throws Exception
    {
        final List<String> args = new ArrayList<>(List.of(
            "--data", QuoteFixtures.generated(dir, 200, 42).toString(),
            "--broker", broker.toString(),
            "--strategy", "tick-signal",
            "--drain-timeout", "1",
            "--idle-trading", "backoff",
            "--idle-sender", "backoff",
            "--quiet",
            "--summary", summaryFile.toString()));
        args.addAll(List.of(extraArgs));
        return BotMain.run(args.toArray(String[]::new));
    }

    /** The same look at a ring run sees its sender thread: the direct run's test cannot pass for want of looking. */
    @Test
    void shouldRunTheSenderThreadBesideTheTradingThreadInRingMode() throws Exception
    {
        final PacedRun run = pacedRun(SendMode.RING);

        assertTrue(run.threadsWhileTrading.contains(Bot.TRADING_THREAD), "not seen: " + run.threadsWhileTrading);
        assertTrue(run.threadsWhileTrading.contains(EventSender.ROLE_NAME), run.threadsWhileTrading.toString());
        assertEquals(PACED_TICKS, run.summary.get("bot.eventsSent"));
        assertEquals(PACED_TICKS - PACED_WARMUP_EVENTS, run.summary.get("latencyNs.ringToSend.count"));
    }

    /**
     * A run paced at 1,000 ticks a second, so that its trading thread is alive for a second while
     * this thread looks at the threads the bot started.
     */
    private PacedRun pacedRun(final SendMode sendMode) throws Exception
    {
        final Path data = QuoteFixtures.generated(dir, PACED_TICKS, 42);
        final Path summaryFile = dir.resolve("bot.json");
        final AtomicInteger exitCode = new AtomicInteger(-1);
        final FakeBroker broker;
        final Set<String> threadsWhileTrading;

        try (ZContext context = new ZContext(1))
        {
            broker = FakeBroker.start(context, PACED_WARMUP_EVENTS);
            // Every thread the bot starts, JeroMQ's included, joins the group of the thread that runs it.
            final ThreadGroup group = new ThreadGroup("bot-under-test");
            final Thread bot = new Thread(group, () -> exitCode.set(BotMain.run(
                "--data", data.toString(),
                "--broker", broker.endpoint.toString(),
                "--send-mode", sendMode.word(),
                "--strategy", "tick-signal",
                "--rate", "1000",
                "--heartbeat-ms", "1",
                "--warmup-events", Integer.toString(PACED_WARMUP_EVENTS),
                "--idle-trading", "backoff",
                "--idle-sender", "backoff",
                "--quiet",
                "--summary", summaryFile.toString())), "bot-main");
            bot.start();
            threadsWhileTrading = threadNamesOnceTrading(group, bot);
            bot.join(TimeUnit.SECONDS.toMillis(30));
            broker.join();
        }

        assertEquals(ExitCodes.OK, exitCode.get());
        return new PacedRun(threadsWhileTrading, SummaryJson.read(summaryFile), broker);
    }

    private record PacedRun(Set<String> threadsWhileTrading, Map<String, Long> summary, FakeBroker broker)
    {
    }

    /** The names of the group's threads, at the first look that finds the trading thread, or the last. */
    private static Set<String> threadNamesOnceTrading(final ThreadGroup group, final Thread bot)
        throws InterruptedException
    {
        Set<String> names = Set.of();
        while (bot.isAlive() && !names.contains(Bot.TRADING_THREAD))
        {
            final Thread[] threads = new Thread[group.activeCount() + 8];
            final int count = group.enumerate(threads);
            names = new HashSet<>();
            for (int i = 0; i < count; i++)
            {
                names.add(threads[i].getName());
            }
            Thread.sleep(1);
        }
        return names;
    }

    /** Receives on its own thread until the end of stream, counting what the bot sent. */
    private static final class FakeBroker
    {
        final Endpoint endpoint;
        final AtomicLong received = new AtomicLong();
        final AtomicLong receivedAfterWarmup = new AtomicLong();
        final AtomicLong lastSequence = new AtomicLong();
        final AtomicLong gaps = new AtomicLong();
        final AtomicLong heartbeats = new AtomicLong();
        final Event endOfStream = new Event();
        private final Thread thread;

        private FakeBroker(final ZMQ.Socket router, final long warmupEvents, final boolean silent)
        {
            endpoint = SocketSettings.bind(router, Endpoint.loopback(Endpoint.EPHEMERAL));
            final AckingRouter pull = silent ? new AckingRouter(router).silent() : new AckingRouter(router);
            thread = new Thread(() ->
            {
                final FrameDecoder decoder = new FrameDecoder(Frame.MAX_FRAME_BYTES);
                while (endOfStream.type == 0)
                {
                    final int length = pull.recv(decoder.buffer(), 0, decoder.buffer().length, 0);
                    if (length < 0)
                    {
                        return;
                    }
                    decoder.decode(length, event ->
                    {
                        if (event.type == EventType.END_OF_STREAM)
                        {
                            endOfStream.copyFrom(event);
                        }
                        else if (event.type == EventType.HEARTBEAT)
                        {
                            heartbeats.incrementAndGet();
                        }
                        else
                        {
                            received.incrementAndGet();
                            if (event.sequence > warmupEvents)
                            {
                                receivedAfterWarmup.incrementAndGet();
                            }
                            gaps.addAndGet(event.sequence - lastSequence.get() - 1);
                            lastSequence.set(event.sequence);
                        }
                    });
                }
                // The acknowledgement of the end of stream is queued: let it leave before the socket goes.
                router.setLinger(5_000);
                router.close();
            }, "test-broker");
        }

        static FakeBroker start(final ZContext context, final long warmupEvents)
        {
            return start(context, warmupEvents, false);
        }

        static FakeBroker start(final ZContext context, final long warmupEvents, final boolean silent)
        {
            final ZMQ.Socket router = SocketSettings.DEFAULTS.router(context);
            router.setReceiveTimeOut((int)TimeUnit.SECONDS.toMillis(20));
            final FakeBroker broker = new FakeBroker(router, warmupEvents, silent);
            broker.thread.start();
            return broker;
        }

        /** Waits for the end of stream; a broker still receiving after that would leave the counts unfinished. */
        void join() throws InterruptedException
        {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(thread.isAlive(), "the fake broker got no end of stream within 30 s");
        }
    }
}
