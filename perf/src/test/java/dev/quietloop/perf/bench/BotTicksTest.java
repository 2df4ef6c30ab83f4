package dev.quietloop.perf.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.quietloop.protocol.process.CounterRegistry;
import dev.quietloop.protocol.process.CountersFile;
import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * This test's JVM plays the bot, with its counters file in a directory of the test's own, and the
 * JVM that forked it plays the broker that launched it.
 */
class BotTicksTest
{
    /**
     * The pid in the name of a file left by an earlier run's bot: never a child of this broker, and
     * its name comes first in the directory, before any other bot's.
     */
    private static final long EARLIER_PID = 1;

    @TempDir
    Path dir;

    private final ProcessHandle broker = ProcessHandle.current().parent().orElseThrow();

    @Test
    void shouldReadNothingBeforeTheBotHasMadeItsCounters()
    {
        try (BotTicks ticks = new BotTicks(broker, dir))
        {
            assertEquals(0, ticks.read());
        }
    }

    @Test
    void shouldReadOnlyTheBotOfThisBrokerNotOneLeftByAnEarlierRun() throws IOException
    {
        try (CounterRegistry registry = CounterRegistry.inFile(dir, BotTicks.BOT_ROLE, 4);
            BotTicks ticks = new BotTicks(broker, dir))
        {
            final AtomicCounter botTicks = registry.newCounter(BotTicks.TICKS);
            botTicks.set(1_000_000);
            Files.copy(registry.file(), dir.resolve(CountersFile.fileName(BotTicks.BOT_ROLE, EARLIER_PID)));
            botTicks.set(7);

            assertEquals(7, ticks.read());
            assertEquals(2, Files.list(dir).count(), "the stale file is there, and not read");
        }
    }

    @Test
    void shouldMapTheFileOnceAndReadTheCounterLiveFromThen() throws IOException
    {
        try (CounterRegistry registry = CounterRegistry.inFile(dir, BotTicks.BOT_ROLE, 4);
            BotTicks ticks = new BotTicks(broker, dir))
        {
            assertEquals(0, ticks.read(), "no ticks counter yet");
            final AtomicCounter botTicks = registry.newCounter(BotTicks.TICKS);
            botTicks.set(3);
            assertEquals(3, ticks.read());

            Files.delete(registry.file()); // gone from the directory: only a mapping made before can see it
            botTicks.set(4);

            assertEquals(4, ticks.read());
        }
    }

    @Test
    void shouldTakeThePidOnlyFromABotCountersFileName()
    {
        assertEquals(1234, BotTicks.botPid("bot-1234.counters"));
        assertEquals(-1, BotTicks.botPid("broker-1234.counters"));
        assertEquals(-1, BotTicks.botPid("bot-12x4.counters"));
        assertEquals(-1, BotTicks.botPid("bot-+1234.counters"));
        assertEquals(-1, BotTicks.botPid("bot-1234.yaml"));
    }
}
