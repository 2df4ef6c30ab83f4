package dev.quietloop.protocol.process;

import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CounterRegistryTest
{
    private static final long PID = ProcessHandle.current().pid();
    private static final int MAX_COUNTERS = 8;

    @TempDir
    Path dir;

    @Test
    void shouldLetAnIndependentReaderSeeACounterIncrementedThroughTheFile()
    {
        try (CounterRegistry registry = CounterRegistry.inFile(dir, "bot", MAX_COUNTERS))
        {
            registry.newCounter("bot.first");
            final AtomicCounter ticks = registry.newCounter("bot.ticks");
            ticks.incrementRelease();
            ticks.incrementRelease();
            ticks.incrementRelease();

            final Path file = dir.resolve("bot-" + PID + ".counters");
            assertEquals(file, registry.file());
            // Mapped apart from the registry's classes, read-only, from the layout alone.
            final MappedByteBuffer mapped = IoUtil.mapExistingFile(file.toFile(), FileChannel.MapMode.READ_ONLY, "test");
            try
            {
                final UnsafeBuffer whole = new UnsafeBuffer(mapped);
                assertEquals(CountersFile.VERSION, whole.getIntVolatile(0));
                assertEquals(PID, whole.getLong(16));
                final int metadataLength = whole.getInt(8);
                final CountersReader reader = new CountersReader(
                    new UnsafeBuffer(whole, CountersFile.HEADER_LENGTH, metadataLength),
                    new UnsafeBuffer(whole, CountersFile.HEADER_LENGTH + metadataLength, whole.getInt(12)));
                final List<String> seen = new ArrayList<>();
                reader.forEach((final long value, final int id, final String label) -> seen.add(label + " " + value));

                assertEquals(List.of("bot.first 0", "bot.ticks 3"), seen);
                ticks.incrementRelease();
                assertEquals(4, reader.getCounterValue(1), "live: a later increment is seen through the same map");
            }
            finally
            {
                IoUtil.unmap(mapped);
            }
        }
    }

    @Test
    void shouldDescribeItsOwnerInTheHeader()
    {
        try (CounterRegistry registry = CounterRegistry.inFile(dir, "sidecar-stub", MAX_COUNTERS))
        {
            final CountersFile file = CountersFile.openReadOnly(registry.file()).orElseThrow();
            try
            {
                assertEquals("sidecar-stub", file.role());
                assertEquals(PID, file.pid());
                assertTrue(file.isOwnerAlive());
            }
            finally
            {
                file.unmap();
            }
        }
    }

    @Test
    void shouldDeleteTheFileAtClose()
    {
        final Path file;
        try (CounterRegistry registry = CounterRegistry.inFile(dir, "broker", MAX_COUNTERS))
        {
            file = registry.file();
            registry.newCounter("broker.framesReceived").incrementRelease();
            assertTrue(Files.exists(file));
        }

        assertFalse(Files.exists(file));
    }

    @Test
    void shouldDeleteAFileLeftByAProcessThatNoLongerRunsWhenAnotherStarts() throws Exception
    {
        // This pid, but made before this JVM started: a process that held the same pid before us.
        final Path stale = dir.resolve("bot-" + PID + ".counters");
        CountersFile.create(stale, "bot", PID, 0, MAX_COUNTERS);
        final Path notOurs = Files.writeString(dir.resolve("notes.txt"), "keep me");

        try (CounterRegistry registry = CounterRegistry.inFile(dir, "broker", MAX_COUNTERS))
        {
            assertFalse(Files.exists(stale));
            assertTrue(Files.exists(registry.file()));
            assertTrue(Files.exists(notOurs));
        }
    }

    @Test
    void shouldKeepTheInMemoryFormForTests()
    {
        try (CounterRegistry registry = new CounterRegistry(MAX_COUNTERS))
        {
            registry.newCounter("test.count").incrementRelease();

            assertNull(registry.file());
            assertEquals(1L, registry.snapshot().get("test.count"));
        }
    }

    @Test
    void shouldRefuseADirectoryThatCannotHoldTheFile() throws Exception
    {
        final Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");

        assertThrows(IllegalStateException.class, () -> CounterRegistry.inFile(notADirectory, "bot", MAX_COUNTERS));
    }

    @Test
    void shouldPreferAnExplicitDirectory()
    {
        assertEquals(dir, CountersDirectory.resolve(dir.toString()));
        assertTrue(CountersDirectory.resolve(null).endsWith(CountersDirectory.NAME));
    }
}
