package dev.quietloop.protocol.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafepointLogTest
{
    @TempDir
    Path dir;

    /** Captured from a bot's run on JDK 17, its last line cut off as if still being written. */
    private static Path sample(final String name) throws URISyntaxException
    {
        return Path.of(SafepointLogTest.class.getResource("/safepoints/" + name).toURI());
    }

    @Test
    void shouldCountAndSumOnlyTheSafepointsThatEndedInTheWindowBoundsIncluded() throws Exception
    {
        // The window 3457..16366 ms holds ICBufferFull and three collections; the thread dump
        // before it, the collection after it and the half-written line are left out.
        final SafepointLog.Figures figures = SafepointLog.read(sample("jdk17.log"), 3_457, 16_366);

        assertEquals(4, figures.count());
        assertEquals(1_825_266L + 22_915_977L + 7_195_691L + 7_250_003L, figures.totalNs());
        assertEquals(22_915_977L, figures.maxNs());
        assertEquals(39, figures.totalMs());
        assertEquals(23, figures.maxMs());
    }

    @Test
    void shouldReadTheJdk25Format() throws Exception
    {
        final SafepointLog.Figures figures = SafepointLog.read(sample("jdk25.log"), 0, Long.MAX_VALUE);

        assertEquals(5, figures.count());
        assertEquals(85_446_359L, figures.totalNs());
        assertEquals(63_435_184L, figures.maxNs());
    }

    @Test
    void shouldFindNothingInAWindowBeforeTheFirstSafepoint() throws Exception
    {
        assertEquals(new SafepointLog.Figures(0, 0, 0), SafepointLog.read(sample("jdk17.log"), 0, 2_119));
    }

    @Test
    void shouldFindTheLogFileOfItsOwnOptionAmongTheJvmArguments()
    {
        final Path log = dir.resolve("run: 1/bot-safepoints.log");
        final String option = SafepointLog.jvmOption(log);

        assertEquals("-Xlog:safepoint=info:file=\"" + log + "\":uptimemillis:filecount=0", option);
        assertEquals(log, SafepointLog.fileIn(List.of("-Xmx256m", option, "-XX:+AlwaysPreTouch")));
        assertNull(SafepointLog.fileIn(List.of("-Xlog:safepoint", "-Xlog:gc:file=gc.log")), "someone else's logs");
        assertEquals("bot-safepoints.log", SafepointLog.fileName("bot"));
    }

    @Test
    void shouldRefuseAPathItsOptionCannotName()
    {
        assertThrows(IllegalArgumentException.class, () -> SafepointLog.jvmOption(dir.resolve("a\"b.log")));
    }

    @Test
    void shouldNameAMissingLog()
    {
        final UncheckedIOException ex = assertThrows(UncheckedIOException.class,
            () -> SafepointLog.read(dir.resolve("none.log"), 0, 1));
        assertEquals("cannot read " + dir.resolve("none.log"), ex.getMessage());
    }
}
